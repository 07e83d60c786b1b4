/**
 * Account commands for the command-line interface (src/cli.ts): create a user (with a password or a
 * one-time invitation link), reset a password, create a personal API token. Each is one transaction
 * with its audit event, by the actor `cli`. Messages are for the operator at the terminal (English).
 */
import * as z from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../platform/auth/passwords.ts';
import { randomToken, sha256Hex } from '../../platform/auth/crypto.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { isAppError } from '../../platform/errors.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { randomBytes } from 'node:crypto';
import { ROLES } from '../accounts/schema.ts';
import { expireOpenLinkTokens, findUserRecordByEmail, insertApiTokenRecord, insertLinkToken, insertUserRecord, updateUserRecord, type UserRecord } from './admin-repository.ts';

/** An error the operator can fix; the CLI prints its message without a stack trace. */
export class CliCommandError extends Error {
  override name = 'CliCommandError';
}

export const CLI_ACTOR: Actor = { userId: null, label: 'cli' };

export interface CliDeps {
  database: Database;
  config: Pick<Config, 'baseUrl'>;
}

export const INVITATION_DAYS = 7;
export const CLI_RESET_LINK_HOURS = 24;
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 366;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new CliCommandError(r.error.issues.map((i) => `${i.path.length ? `--${String(i.path[0])}: ` : ''}${i.message}`).join('\n'));
}

const email = z.string({ error: 'an e-mail address is required' }).trim().max(320).pipe(z.email({ error: 'not a valid e-mail address' }));
const password = z
  .string()
  .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, { error: `at least ${PASSWORD_MIN_LENGTH} characters` })
  .refine((p) => [...p].length <= PASSWORD_MAX_LENGTH, { error: `at most ${PASSWORD_MAX_LENGTH} characters` });

const createUserSchema = z
  .object({
    email,
    name: z.string({ error: 'a name is required' }).trim().min(1, { error: 'a name is required' }).max(200),
    role: z.enum(ROLES, { error: `one of ${ROLES.join(', ')}` }),
    state: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, { error: 'a two-letter ISO code, e.g. SN' })
      .transform((s) => s.toUpperCase())
      .optional(),
    committee: z.string().trim().min(1).max(100).optional(),
    locale: z.enum(LOCALES, { error: `one of ${LOCALES.join(', ')}` }).default('en'),
    password: password.optional(),
  })
  .superRefine((u, ctx) => {
    const stateRole = u.role === 'state_preparer' || u.role === 'state_approver';
    if (stateRole && !u.state) ctx.addIssue({ code: 'custom', path: ['state'], message: `required for the role ${u.role}` });
    if (!stateRole && u.state) ctx.addIssue({ code: 'custom', path: ['state'], message: `only for State roles, not ${u.role}` });
    if (u.role === 'committee_member' && !u.committee) ctx.addIssue({ code: 'custom', path: ['committee'], message: 'required for committee members' });
    if (u.role !== 'committee_member' && u.committee) ctx.addIssue({ code: 'custom', path: ['committee'], message: `only for committee members, not ${u.role}` });
    if (u.password && u.password.toLowerCase().includes(u.email.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['password'], message: 'must not contain the e-mail address' });
  });

export type CreateUserInput = z.input<typeof createUserSchema>;

export interface CreateUserResult {
  user: UserRecord;
  /** Without a password: the one-time invitation link (shown once; only its hash is stored). */
  invitationLink?: string;
  expiresAt?: Date;
}

export async function createUserFromCli(deps: CliDeps, input: CreateUserInput): Promise<CreateUserResult> {
  const data = parse(createUserSchema, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  try {
    return await withTransaction(deps.database.db, async (tx) => {
      if (await findUserRecordByEmail(tx, data.email)) throw new CliCommandError(`A user with the e-mail address ${data.email} already exists`);
      const user = await insertUserRecord(tx, {
        email: data.email,
        name: data.name,
        role: data.role,
        stateIso2: data.state ?? null,
        committeeId: data.committee ?? null,
        locale: data.locale,
        passwordHash,
      });
      let result: CreateUserResult = { user };
      if (!passwordHash) {
        const token = randomToken(32);
        const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600_000);
        await insertLinkToken(tx, { userId: user.id, purpose: 'invitation', tokenHash: sha256Hex(token), expiresAt });
        result = { user, invitationLink: `${deps.config.baseUrl}/${user.locale}/invitation/${token}`, expiresAt };
      }
      await recordAudit(tx, CLI_ACTOR, {
        action: passwordHash ? 'accounts.user.created' : 'accounts.user.invited',
        entityType: 'user',
        entityId: user.id,
        summary: { email: user.email, name: user.name, role: user.role, stateIso2: user.stateIso2, committeeId: user.committeeId, locale: user.locale, via: 'cli' },
      });
      return result;
    });
  } catch (e) {
    if (isAppError(e) && e.code === 'db.reference_violation') {
      const constraint = String(e.details?.constraint ?? '');
      throw new CliCommandError(constraint.includes('committee') ? `There is no committee "${data.committee}"` : `There is no State with the code "${data.state}"`);
    }
    throw e;
  }
}

const resetSchema = z.object({ email, password: password.optional() });

export interface ResetPasswordResult {
  user: UserRecord;
  sessionsEnded: number;
  /** Without a password: a one-time link to choose one. */
  resetLink?: string;
  expiresAt?: Date;
}

/** Sets a new password (or issues a reset link), ends every session and clears a lockout. */
export async function resetPasswordFromCli(deps: CliDeps, input: z.input<typeof resetSchema>): Promise<ResetPasswordResult> {
  const data = parse(resetSchema, input);
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return withTransaction(deps.database.db, async (tx) => {
    const user = await findUserRecordByEmail(tx, data.email);
    if (!user) throw new CliCommandError(`No user has the e-mail address ${data.email}`);
    if (data.password && data.password.toLowerCase().includes(user.email.toLowerCase())) throw new CliCommandError('--password: must not contain the e-mail address');
    const now = new Date();
    await updateUserRecord(tx, user.id, { failedLogins: 0, lockedUntil: null, ...(passwordHash ? { passwordHash } : {}) });
    const sessionsEnded = await destroyUserSessions(tx, user.id);
    let result: ResetPasswordResult = { user, sessionsEnded };
    if (!passwordHash) {
      await expireOpenLinkTokens(tx, user.id, 'password_reset', now);
      const token = randomToken(32);
      const expiresAt = new Date(now.getTime() + CLI_RESET_LINK_HOURS * 3600_000);
      await insertLinkToken(tx, { userId: user.id, purpose: 'password_reset', tokenHash: sha256Hex(token), expiresAt });
      result = { ...result, resetLink: `${deps.config.baseUrl}/${user.locale}/password/reset/${token}`, expiresAt };
    }
    await recordAudit(tx, CLI_ACTOR, {
      action: passwordHash ? 'accounts.user.password_reset' : 'accounts.user.password_reset_link_issued',
      entityType: 'user',
      entityId: user.id,
      summary: { email: user.email, sessionsEnded, lockoutCleared: !!user.lockedUntil || user.failedLogins > 0, via: 'cli' },
    });
    return result;
  });
}

const tokenSchema = z.object({
  email,
  name: z.string({ error: 'a name for the token is required' }).trim().min(1, { error: 'a name for the token is required' }).max(100),
  days: z.coerce.number({ error: 'a number of days' }).int({ error: 'a whole number of days' }).min(1, { error: 'at least 1 day' }).max(API_TOKEN_MAX_DAYS, { error: `at most ${API_TOKEN_MAX_DAYS} days` }).default(API_TOKEN_DEFAULT_DAYS),
});

export interface CreateTokenResult {
  user: UserRecord;
  /** `apmbc_<prefix>_<secret>`: shown once; only the prefix and the SHA-256 of the whole token are stored. */
  token: string;
  prefix: string;
  expiresAt: Date;
}

export async function createApiTokenFromCli(deps: CliDeps, input: z.input<typeof tokenSchema>): Promise<CreateTokenResult> {
  const data = parse(tokenSchema, input);
  return withTransaction(deps.database.db, async (tx) => {
    const user = await findUserRecordByEmail(tx, data.email);
    if (!user) throw new CliCommandError(`No user has the e-mail address ${data.email}`);
    if (user.disabledAt) throw new CliCommandError(`The account ${user.email} is disabled`);
    const prefix = randomBytes(4).toString('hex');
    const token = `apmbc_${prefix}_${randomBytes(32).toString('hex')}`;
    const expiresAt = new Date(Date.now() + data.days * 24 * 3600_000);
    const id = await insertApiTokenRecord(tx, { userId: user.id, name: data.name, prefix, tokenHash: sha256Hex(token), expiresAt });
    await recordAudit(tx, CLI_ACTOR, {
      action: 'accounts.api_token.created',
      entityType: 'api_token',
      entityId: id,
      summary: { user: user.email, name: data.name, expiresAt: expiresAt.toISOString(), via: 'cli' },
    });
    return { user, token, prefix, expiresAt };
  });
}
