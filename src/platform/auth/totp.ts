import * as OTPAuth from 'otpauth';

const PERIOD = 30;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, label: string, issuer = 'APMBC Platform'): string {
  return new OTPAuth.TOTP({ issuer, label, secret: OTPAuth.Secret.fromBase32(secret), period: PERIOD }).toString();
}

/**
 * Checks a 6-digit code (±1 step of clock drift). Returns the accepted time step, so the caller can
 * refuse a code that was already used (replay), or undefined.
 */
export function verifyTotp(secret: string, code: string, lastStep: number | null | undefined, now = Date.now()): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period: PERIOD });
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && lastStep !== undefined && step <= lastStep) return undefined;
  return step;
}

export function currentTotp(secret: string, now = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period: PERIOD }).generate({ timestamp: now });
}
