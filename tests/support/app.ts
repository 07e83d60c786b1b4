/**
 * Builds the real application on a fresh test database, with CSRF and every security check on.
 * `agent()` keeps cookies like a browser and fills in the CSRF token from the last page it read.
 */
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildApp } from '../../src/app.ts';
import type { AppDeps } from '../../src/platform/deps.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { users, type Role } from '../../src/areas/accounts/schema.ts';
import { createTestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: Database;
  config: Config;
  databaseUrl?: string | undefined;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_MODE: 'false', SESSION_SECRET: 'test-secret-test-secret-test-secret-0123', ...overrides });
}

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = testConfig(overrides);
  const { app, deps } = await buildApp({ config, database: testDb.database, pseudoLocale: true, logger: false });
  await app.ready();
  return {
    app,
    deps,
    database: testDb.database,
    config,
    databaseUrl: testDb.url,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: string | undefined;

export async function createUser(
  database: Database,
  u: { email?: string; name?: string; role: Role; stateIso2?: string; committeeId?: string; locale?: string; isDemo?: boolean; totpSecret?: string },
) {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  const email = u.email ?? `${u.role}.${Math.random().toString(36).slice(2, 8)}@test.example.org`;
  const [row] = await database.db
    .insert(users)
    .values({
      email,
      name: u.name ?? `Test ${u.role}`,
      role: u.role,
      stateIso2: u.stateIso2 ?? null,
      committeeId: u.committeeId ?? null,
      locale: u.locale ?? 'en',
      passwordHash,
      isDemo: u.isDemo ?? false,
      totpSecret: u.totpSecret ?? null,
      totpEnabledAt: u.totpSecret ? new Date() : null,
    })
    .returning();
  return row!;
}

export interface AgentResponse {
  status: number;
  headers: Record<string, unknown>;
  body: string;
  location: string | undefined;
  json<T = unknown>(): T;
}

/** A cookie-keeping client that behaves like a browser submitting real forms. */
export class Agent {
  cookies = new Map<string, string>();
  lastCsrf: string | undefined;
  constructor(private app: FastifyInstance) {}

  private cookieHeader(): string | undefined {
    if (!this.cookies.size) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: { headers: Record<string, unknown> }) {
    const set = res.headers['set-cookie'];
    const list = Array.isArray(set) ? set : set ? [String(set)] : [];
    for (const c of list) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private wrap(res: { statusCode: number; headers: Record<string, unknown>; body: string }): AgentResponse {
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.lastCsrf = m[1];
    return {
      status: res.statusCode,
      headers: res.headers,
      body: res.body,
      location: typeof res.headers.location === 'string' ? res.headers.location : undefined,
      json: <T,>() => JSON.parse(res.body) as T,
    };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<AgentResponse> {
    const cookie = this.cookieHeader();
    const res = await this.app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...headers } });
    this.remember(res);
    return this.wrap(res);
  }

  /** Posts a urlencoded form; adds the CSRF token of the last page read unless `_csrf` is given. */
  async post(url: string, form: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<AgentResponse> {
    if (this.lastCsrf === undefined) await this.get(url.replace(/\/[^/]*$/, '') || '/');
    const params = new URLSearchParams();
    const withToken = '_csrf' in form ? form : { _csrf: this.lastCsrf ?? '', ...form };
    for (const [k, v] of Object.entries(withToken)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
    const cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: params.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers },
    });
    this.remember(res);
    return this.wrap(res);
  }

  async signIn(email: string, password = TEST_PASSWORD, locale = 'en'): Promise<AgentResponse> {
    await this.get(`/${locale}/login`);
    const res = await this.post(`/${locale}/login`, { email, password });
    // The session changed, and the CSRF token is bound to it: read a fresh one like a browser would.
    if (res.status === 303) await this.get(`/${locale}/`);
    return res;
  }
}
