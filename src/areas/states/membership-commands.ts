/** Changing a State's membership dates and adding a State (a new accession). Administrators only. */
import type { Database } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { diffSummary, recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { checkMembershipDates, type ConsentType, type IsoDate, type Region, type ReportingLanguage } from './membership.ts';
import type { LocalizedText } from './schema.ts';
import { insertState, selectState, updateStateMembership, type MembershipPatch, type StateRow } from './states-repository.ts';

export interface MembershipInput {
  signatureDate: IsoDate | null;
  consentType: ConsentType;
  consentDate: IsoDate;
  eifDate: IsoDate;
  withdrawalNotifiedDate: IsoDate | null;
  withdrawalEffectiveDate: IsoDate | null;
  suspensionNotifiedDate: IsoDate | null;
  note: string | null;
}

function assertDatesInOrder(input: MembershipInput): void {
  const violations = checkMembershipDates(input);
  if (violations.length) throw new AppError('validation', 'states.membership.invalid_dates', { violations });
}

/**
 * Saves new membership dates if nobody saved since `expectedVersion` was read; otherwise a
 * `states.membership.stale` conflict, carrying the saved row, so the user sees both versions.
 */
export async function updateMembership(database: Database, actor: Actor, iso2: string, expectedVersion: number, input: MembershipInput): Promise<StateRow> {
  assertDatesInOrder(input);
  return withTransaction(database.db, async (tx) => {
    const before = await selectState(tx, iso2.toUpperCase());
    if (!before) throw new AppError('not_found', 'states.not_found');
    const patch: MembershipPatch = { ...input };
    const after = await updateStateMembership(tx, before.iso2, expectedVersion, patch);
    if (!after) throw new AppError('conflict', 'states.membership.stale', { current: before });
    const pick = (s: StateRow) => ({
      signatureDate: s.signatureDate,
      consentType: s.consentType,
      consentDate: s.consentDate,
      eifDate: s.eifDate,
      withdrawalNotifiedDate: s.withdrawalNotifiedDate,
      withdrawalEffectiveDate: s.withdrawalEffectiveDate,
      suspensionNotifiedDate: s.suspensionNotifiedDate,
      note: s.note,
    });
    await recordAudit(tx, actor, {
      action: 'states.membership.updated',
      entityType: 'state',
      entityId: after.iso2,
      summary: { ...diffSummary(pick(before), pick(after)), version: after.version },
    });
    return after;
  });
}

export interface NewStateInput extends MembershipInput {
  iso2: string;
  iso3: string;
  names: LocalizedText;
  region: Region;
  reportingLanguage: ReportingLanguage;
}

/** Adds a State that joined the Convention (accession, or a late ratification). */
export async function addState(database: Database, actor: Actor, input: NewStateInput): Promise<StateRow> {
  assertDatesInOrder(input);
  return withTransaction(database.db, async (tx) => {
    const created = await insertState(tx, { ...input, iso2: input.iso2.toUpperCase(), iso3: input.iso3.toUpperCase() });
    if (!created) throw new AppError('conflict', 'states.state.exists');
    await recordAudit(tx, actor, {
      action: 'states.state.added',
      entityType: 'state',
      entityId: created.iso2,
      summary: { iso3: created.iso3, name: created.names.en, consentType: created.consentType, consentDate: created.consentDate, eifDate: created.eifDate },
    });
    return created;
  });
}
