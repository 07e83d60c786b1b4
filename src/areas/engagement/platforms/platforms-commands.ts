/**
 * Named write use cases of national platforms: record or update what is known of a State's
 * platform (checking the version the user saw; version 0 records it for the first time), add a
 * member organisation with its women/men/other counts, remove one. One transaction each, audited.
 */
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../accounts/index.ts';
import { findActionPlanId } from '../../plans/index.ts';
import { findState } from '../../states/index.ts';
import { assertCan, canEditNationalPlatform } from '../policy.ts';
import { platformProblems, type Exists, type MemberKind } from './platforms.ts';
import * as repo from './platforms-repository.ts';

type Db = Pick<Database, 'db'>;
type User = Principal | undefined;

const stale = () => new AppError('conflict', 'engagement.stale');

/** Refused input, as field → message key (under `errors.` for codes, or a Zod-style key). */
export class PlatformRejected extends AppError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('validation', 'engagement.platforms.invalid');
  }
}

export interface PlatformInput {
  exists: Exists;
  establishedOn?: string | undefined;
  lastMetOn?: string | undefined;
  chairedBy?: string | undefined;
  notes?: string | undefined;
  source?: string | undefined;
  actionIds: string[];
  isDemo?: boolean;
}

async function checkedState(db: Db['db'], iso2: string): Promise<string> {
  const state = await findState(db, iso2);
  if (!state) throw notFound('not_found');
  return state.iso2;
}

export async function savePlatform(database: Db, actor: Actor, user: User, iso2: string, version: number, input: PlatformInput, today: string = new Date().toISOString().slice(0, 10)): Promise<repo.PlatformRow> {
  assertCan(canEditNationalPlatform(user));
  return withTransaction(database.db, async (tx) => {
    const stateIso2 = await checkedState(tx, iso2);
    const errors = platformProblems(input, today);
    const unknown: string[] = [];
    for (const a of input.actionIds) if (!(await findActionPlanId(tx, a))) unknown.push(a);
    if (unknown.length) errors.actions = 'engagement.platforms.action_unknown';
    if (Object.keys(errors).length) throw new PlatformRejected(errors);
    const values = {
      exists: input.exists,
      establishedOn: input.establishedOn ?? null,
      lastMetOn: input.lastMetOn ?? null,
      chairedBy: input.chairedBy ?? null,
      notes: input.notes ?? null,
      source: input.source ?? null,
      actionIds: input.actionIds,
      updatedBy: actor.userId,
    };
    const current = await repo.findPlatform(tx, stateIso2, { forUpdate: true });
    let row: repo.PlatformRow | undefined;
    if (!current) {
      if (version !== 0) throw stale();
      row = await repo.insertPlatform(tx, { stateIso2, ...values, isDemo: input.isDemo ?? false });
    } else {
      if (current.version !== version) throw stale();
      row = await repo.updatePlatformIfVersion(tx, stateIso2, version, values);
    }
    if (!row) throw stale();
    await recordAudit(tx, actor, {
      action: current ? 'engagement.national_platform.updated' : 'engagement.national_platform.recorded',
      entityType: 'national_platform',
      entityId: stateIso2,
      summary: { stateIso2, exists: input.exists, ...(current && current.exists !== input.exists ? { existsFrom: current.exists } : {}), lastMetOn: input.lastMetOn ?? null },
    });
    return row;
  });
}

export interface MemberInput {
  organisation: string;
  kind: MemberKind;
  women?: number | undefined;
  men?: number | undefined;
  otherGender?: number | undefined;
}

export async function addPlatformMember(database: Db, actor: Actor, user: User, iso2: string, input: MemberInput): Promise<repo.MemberRow> {
  assertCan(canEditNationalPlatform(user));
  return withTransaction(database.db, async (tx) => {
    const stateIso2 = await checkedState(tx, iso2);
    const platform = await repo.findPlatform(tx, stateIso2, { forUpdate: true });
    if (!platform) throw new PlatformRejected({ organisation: 'engagement.platforms.record_first' });
    if (platform.exists === 'no') throw new PlatformRejected({ organisation: 'engagement.platforms.members_without_platform' });
    const row = await repo.insertMember(tx, { stateIso2, organisation: input.organisation, kind: input.kind, women: input.women ?? null, men: input.men ?? null, otherGender: input.otherGender ?? null, position: await repo.nextMemberPosition(tx, stateIso2) });
    await repo.touchPlatform(tx, stateIso2, actor.userId);
    await recordAudit(tx, actor, { action: 'engagement.national_platform.member_added', entityType: 'national_platform', entityId: stateIso2, summary: { stateIso2, organisation: input.organisation, kind: input.kind } });
    return row;
  });
}

export async function removePlatformMember(database: Db, actor: Actor, user: User, iso2: string, memberId: string): Promise<void> {
  assertCan(canEditNationalPlatform(user));
  await withTransaction(database.db, async (tx) => {
    const stateIso2 = await checkedState(tx, iso2);
    const member = await repo.findMember(tx, stateIso2, memberId);
    if (!member) throw notFound();
    await repo.deleteMember(tx, member.id);
    await repo.touchPlatform(tx, stateIso2, actor.userId);
    await recordAudit(tx, actor, { action: 'engagement.national_platform.member_removed', entityType: 'national_platform', entityId: stateIso2, summary: { stateIso2, organisation: member.organisation, kind: member.kind } });
  });
}
