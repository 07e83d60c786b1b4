/** Zod schemas of the accounts forms. Messages are catalogue keys (translated by parseForm). */
import * as z from 'zod';
import { optionalText, requiredText } from '../../platform/http/forms.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { normaliseDigits } from '../../platform/i18n/digits.ts';
import { API_TOKEN_MAX_DAYS, passwordProblem } from './credentials.ts';
import { ROLES } from './schema.ts';
import { roleBinding } from './user-status.ts';

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const blankToUndefined = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);
/** Codes and numbers may be typed with Arabic-Indic or full-width digits. */
const digits = (v: unknown) => (typeof v === 'string' ? normaliseDigits(v).trim() : v);

export const emailField = z.preprocess(
  trimmed,
  z
    .string({ error: 'accounts.fields.email_required' })
    .min(1, { error: 'accounts.fields.email_required' })
    .max(320, { error: 'accounts.fields.email_invalid' })
    .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, { error: 'accounts.fields.email_invalid' }),
);

const passwordInput = z.string({ error: 'accounts.password.required' }).min(1, { error: 'accounts.password.required' }).max(1000, { error: 'accounts.password.too_long' });

/** A new password and its confirmation, checked against the rules and the account's e-mail. */
export function newPasswordSchema(email: string) {
  return z
    .object({ password: passwordInput, confirm: z.string().max(1000).optional() })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, email);
      if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: `accounts.password.${problem}` });
      else if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'accounts.password.mismatch' });
    });
}

export function changePasswordSchema(email: string) {
  return z
    .object({
      current: z.string({ error: 'accounts.password.current_required' }).min(1, { error: 'accounts.password.current_required' }).max(1000),
      password: passwordInput,
      confirm: z.string().max(1000).optional(),
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, email);
      if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: `accounts.password.${problem}` });
      else if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'accounts.password.mismatch' });
      else if (v.password === v.current) ctx.addIssue({ code: 'custom', path: ['password'], message: 'accounts.password.same_as_current' });
    });
}

export const forgotSchema = z.object({ email: emailField });

const nameField = requiredText(200, 'accounts.fields.name_required');
const localeField = z.enum(LOCALES, { error: 'accounts.fields.locale_required' });
const versionField = z.coerce.number({ error: 'accounts.fields.version_invalid' }).int().min(1).max(2_000_000_000);

export const profileSchema = z.object({
  name: nameField,
  locale: localeField,
  organisation: optionalText(200),
  version: versionField,
});

/**
 * A user as staff edit or invite them. The State and committee must be known ids, and given exactly
 * when the role needs them.
 */
export function userSchema(opts: { stateIds: ReadonlySet<string>; committeeIds: ReadonlySet<string>; withEmail: boolean; withVersion: boolean }) {
  return z
    .object({
      name: nameField,
      email: opts.withEmail ? emailField : z.any().optional(),
      role: z.enum(ROLES, { error: 'accounts.fields.role_required' }),
      stateIso2: z.preprocess((v) => (typeof blankToUndefined(v) === 'string' ? String(blankToUndefined(v)).toUpperCase() : undefined), z.string().max(2).optional()),
      committeeId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
      locale: localeField,
      organisation: optionalText(200),
      version: opts.withVersion ? versionField : z.any().optional(),
    })
    .superRefine((v, ctx) => {
      const binding = roleBinding(v.role);
      if (binding === 'state' && (!v.stateIso2 || !opts.stateIds.has(v.stateIso2))) {
        ctx.addIssue({ code: 'custom', path: ['stateIso2'], message: 'accounts.fields.state_required' });
      }
      if (binding === 'committee' && (!v.committeeId || !opts.committeeIds.has(v.committeeId))) {
        ctx.addIssue({ code: 'custom', path: ['committeeId'], message: 'accounts.fields.committee_required' });
      }
    });
}

/** A 6-digit code or a recovery code. */
export const codeField = z.preprocess(
  digits,
  z.string({ error: 'accounts.totp.code_required' }).min(1, { error: 'accounts.totp.code_required' }).max(20, { error: 'accounts.totp.code_format' }),
);

export const totpConfirmSchema = z.object({
  code: z.preprocess(digits, z.string({ error: 'accounts.totp.code_required' }).min(1, { error: 'accounts.totp.code_required' }).max(20, { error: 'accounts.totp.code_format' })),
  secret: z.string().max(64),
  signature: z.string().max(100),
});

export const currentPasswordSchema = z.object({
  password: z.string({ error: 'accounts.password.current_required' }).min(1, { error: 'accounts.password.current_required' }).max(1000),
});

export const apiTokenSchema = z.object({
  name: requiredText(100, 'accounts.tokens.name_required'),
  expiresInDays: z.preprocess(
    (v) => blankToUndefined(digits(v)),
    z.coerce
      .number({ error: 'accounts.tokens.expiry_invalid' })
      .int({ error: 'accounts.tokens.expiry_invalid' })
      .min(1, { error: 'accounts.tokens.expiry_invalid' })
      .max(API_TOKEN_MAX_DAYS, { error: 'accounts.tokens.expiry_invalid' })
      .optional(),
  ),
});

/** Query of the user list; anything malformed falls back to the defaults. */
export const userListQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(100).optional()).catch(undefined),
  role: z.preprocess(blankToUndefined, z.enum(ROLES).optional()).catch(undefined),
  state: z.preprocess((v) => (typeof v === 'string' && /^[A-Za-z]{2}$/.test(v) ? v.toUpperCase() : undefined), z.string().optional()).catch(undefined),
  disabled: z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean()).catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
