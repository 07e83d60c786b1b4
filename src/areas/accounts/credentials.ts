/**
 * Pure rules for the secrets an account holds: password rules, one-time link tokens, TOTP recovery
 * codes and personal API tokens. No database or HTTP here.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../platform/auth/passwords.ts';
import { randomToken, sha256Hex } from '../../platform/auth/crypto.ts';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_email';

/**
 * What is wrong with a new password, or undefined. Length counts characters (code points), so
 * Arabic or Chinese passphrases are measured as people see them. A password must not contain the
 * account's e-mail address, nor the part before the @ when that part is at least 4 characters.
 */
export function passwordProblem(password: string, email: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (address && lower.includes(address)) return 'contains_email';
  if (local.length >= 4 && lower.includes(local)) return 'contains_email';
  return undefined;
}

// ---- One-time links (invitations, password resets) ------------------------------------------

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const PASSWORD_RESET_TTL_MS = 3600_000;

/** A new link token (256 bits, URL-safe) and the hash that is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomToken(32);
  return { token, hash: sha256Hex(token) };
}

/** Only well-formed tokens are looked up (anything else is unknown). */
export function isLinkTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

// ---- TOTP -----------------------------------------------------------------------------------

/** A base32 secret in groups of four for people who type it into their app. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

export const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L or U: codes are read aloud and copied by hand. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** Ten single-use recovery codes shown as XXXXX-XXXXX (about 49 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let raw = '';
    for (let i = 0; i < 10; i++) raw += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.add(`${raw.slice(0, 5)}-${raw.slice(5)}`);
  }
  return [...codes];
}

/** Upper case without spaces or hyphens; undefined when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]+/g, '');
  return /^[A-Z0-9]{10}$/.test(s) ? s : undefined;
}

export function hashRecoveryCode(code: string): string {
  return sha256Hex(`recovery:${normaliseRecoveryCode(code) ?? code}`);
}

/** A six-digit TOTP code (spaces allowed), as opposed to a recovery code. */
export function isTotpCodeShape(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s+/g, ''));
}

// ---- Personal API tokens -------------------------------------------------------------------

const API_TOKEN_RE = /^apmbc_([0-9a-f]{8})_([0-9a-f]{64})$/;

/** `apmbc_<prefix>_<secret>`: the prefix identifies the token in lists, the hash is stored. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const secret = randomBytes(32).toString('hex');
  const token = `apmbc_${prefix}_${secret}`;
  return { token, prefix, hash: sha256Hex(token) };
}

export function parseApiToken(token: string): { prefix: string; hash: string } | undefined {
  const m = API_TOKEN_RE.exec(token);
  if (!m) return undefined;
  return { prefix: m[1]!, hash: sha256Hex(token) };
}

export const API_TOKEN_MAX_DAYS = 366;
/** last_used_at is written at most this often per token. */
export const API_TOKEN_TOUCH_MS = 60_000;
