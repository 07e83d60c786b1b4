/**
 * AppError carries a stable dotted code (e.g. `report.not_editable`). The HTTP layer maps each code
 * once to a status and a translated message key (`errors.<code>`), for pages and for
 * application/problem+json alike.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'too_many'
  | 'payload_too_large'
  | 'unsupported_media'
  | 'unavailable'
  | 'insufficient_storage';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation: 422,
  too_many: 429,
  payload_too_large: 413,
  unsupported_media: 415,
  unavailable: 503,
  /** The database has no space left (PostgreSQL disk_full): nothing was stored, try later. */
  insufficient_storage: 507,
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  /**
   * A refusal answered as "not found" so as not to reveal that the record exists (another State's
   * draft): logged as a refusal like a 403. Never sent to the client.
   */
  denied = false;
  constructor(kind: ErrorKind, code: string, details?: Record<string, unknown>) {
    super(code);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return STATUS_BY_KIND[this.kind];
  }
}

export const notFound = (code = 'not_found', details?: Record<string, unknown>) => new AppError('not_found', code, details);
/** A record the policy hides from this user: 404 to them, "access denied" in the log. */
export function hidden(code = 'not_found', details?: Record<string, unknown>): AppError {
  const e = new AppError('not_found', code, details);
  e.denied = true;
  return e;
}
export const forbidden = (code = 'forbidden', details?: Record<string, unknown>) => new AppError('forbidden', code, details);
export const conflict = (code: string, details?: Record<string, unknown>) => new AppError('conflict', code, details);
export const badRequest = (code: string, details?: Record<string, unknown>) => new AppError('bad_request', code, details);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
