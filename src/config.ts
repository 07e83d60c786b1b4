/**
 * One Zod schema over the environment, checked at boot. Every field is documented here and in
 * docs/operations.md. Production refuses unsafe defaults (see `refineProduction`).
 */
import * as z from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const DEV_SECRET = 'development-only-secret-change-me-0123456789';

export const configSchema = z
  .object({
    /** development | test | production. Production turns on every safety check. */
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** TCP port of the HTTP server. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface to bind; 0.0.0.0 behind a load balancer. */
    HOST: z.string().default('127.0.0.1'),
    /** Folder of the embedded PGlite database (ignored when DATABASE_URL is set). */
    DATA_DIR: z.string().default('./data'),
    /** postgres://user:pass@host:port/db — use a PostgreSQL 15+ server instead of PGlite. */
    DATABASE_URL: z.string().url().optional(),
    /** Size of the connection pool per app instance (PostgreSQL server only). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Public base URL used in e-mailed links, e.g. https://reports.example.org */
    BASE_URL: z.string().url().optional(),
    /** Secret (≥ 32 characters) for CSRF tokens and signed links. */
    SESSION_SECRET: z.string().min(32).default(DEV_SECRET),
    /** Session lifetime in hours of inactivity. */
    SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
    /** Absolute session lifetime in hours. */
    SESSION_MAX_HOURS: z.coerce.number().positive().default(24 * 7),
    /** Seed demo users and data, and allow demo users to sign in. Never in production. */
    DEMO_MODE: bool.optional(),
    /** smtp://user:pass@host:port — when unset, e-mails stay in the outbox only. */
    SMTP_URL: z.string().url().optional(),
    /** Sender address of outgoing e-mail. */
    MAIL_FROM: z.string().default('APMBC Platform <no-reply@localhost>'),
    /** Trust X-Forwarded-* headers (set when behind a reverse proxy / load balancer). */
    TRUST_PROXY: bool.default(false),
    /** Whether the site is served over TLS (sets Secure cookies and HSTS). Derived from BASE_URL when unset. */
    TLS: bool.optional(),
    /** Require a TOTP second factor for ISU staff and administrators. Defaults to true in production. */
    REQUIRE_STAFF_TOTP: bool.optional(),
    /** Pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Largest accepted request body in bytes (uploads have their own limit). */
    BODY_LIMIT: z.coerce.number().int().positive().default(1024 * 1024),
    /** Largest accepted upload in bytes. */
    UPLOAD_LIMIT: z.coerce.number().int().positive().default(10 * 1024 * 1024),
    /** Run background jobs (outbox delivery, reminders) in this instance. */
    JOBS_ENABLED: bool.default(true),
  })
  .transform((c) => {
    const baseUrl = (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
    const tls = c.TLS ?? baseUrl.startsWith('https://');
    return {
      env: c.NODE_ENV,
      port: c.PORT,
      host: c.HOST,
      dataDir: c.DATA_DIR,
      databaseUrl: c.DATABASE_URL,
      databasePoolSize: c.DATABASE_POOL_SIZE,
      baseUrl,
      secret: c.SESSION_SECRET,
      sessionIdleMs: c.SESSION_IDLE_HOURS * 3600_000,
      sessionMaxMs: c.SESSION_MAX_HOURS * 3600_000,
      demoMode: c.DEMO_MODE ?? c.NODE_ENV !== 'production',
      smtpUrl: c.SMTP_URL,
      mailFrom: c.MAIL_FROM,
      trustProxy: c.TRUST_PROXY,
      tls,
      requireStaffTotp: c.REQUIRE_STAFF_TOTP ?? c.NODE_ENV === 'production',
      logLevel: c.LOG_LEVEL,
      bodyLimit: c.BODY_LIMIT,
      uploadLimit: c.UPLOAD_LIMIT,
      jobsEnabled: c.JOBS_ENABLED,
    };
  })
  .superRefine((c, ctx) => {
    if (c.env !== 'production') return;
    if (c.secret === DEV_SECRET) ctx.addIssue({ code: 'custom', message: 'SESSION_SECRET must be set in production' });
    if (c.demoMode) ctx.addIssue({ code: 'custom', message: 'DEMO_MODE must be off in production' });
    if (!c.tls) ctx.addIssue({ code: 'custom', message: 'production must be served over TLS (BASE_URL https:// or TLS=true)' });
    if (!c.requireStaffTotp) ctx.addIssue({ code: 'custom', message: 'REQUIRE_STAFF_TOTP cannot be disabled in production' });
  });

export type Config = z.output<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || 'config'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
