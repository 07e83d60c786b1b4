/** Maps PostgreSQL constraint violations to AppErrors in one place. */
import { AppError } from '../errors.ts';

interface PgLikeError {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

function pgError(e: unknown): PgLikeError | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const c = cur as PgLikeError;
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return c;
    cur = c.cause;
  }
  return undefined;
}

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const p = pgError(e);
  return !!p && p.code === '23505' && (!constraint || p.constraint === constraint);
}

/** Turns known database errors into AppErrors; returns the original error otherwise. */
export function mapDatabaseError(e: unknown): unknown {
  const p = pgError(e);
  if (!p) return e;
  switch (p.code) {
    case '23505':
      return new AppError('conflict', 'db.unique_violation', { constraint: p.constraint });
    case '23503':
      return new AppError('conflict', 'db.reference_violation', { constraint: p.constraint });
    case '23514':
    case '23502':
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
    // Text PostgreSQL cannot store (U+0000 in text, \u0000 or a lone surrogate escape in jsonb): the
    // input's fault, never a server error. (Values too large for an index, 54000, are "too large"
    // below.)
    case '22021':
    case '22P05':
      return new AppError('validation', 'db.invalid_value', { constraint: p.constraint });
    case '40001':
    case '40P01':
      return new AppError('conflict', 'db.serialization_failure');
    // Class 53, insufficient resources: the write was refused whole (the transaction rolled back),
    // so the draft as last saved is intact. Disk full is 507; memory and other limits are passing.
    case '53100':
      return new AppError('insufficient_storage', 'db.disk_full');
    case '53000':
    case '53200':
    case '53400':
      return new AppError('unavailable', 'db.insufficient_resources');
    case '53300':
      return new AppError('unavailable', 'db.unavailable');
    // Class 54, program limit exceeded (e.g. an index row or a value too large to store): trying
    // again will not help, the content has to be smaller.
    case '54000':
    case '54001':
    case '54011':
    case '54023':
      return new AppError('payload_too_large', 'db.too_large');
    case '57P01':
    case '57P03':
    case '08000':
    case '08003':
    case '08006':
      return new AppError('unavailable', 'db.unavailable');
    default:
      return e;
  }
}
