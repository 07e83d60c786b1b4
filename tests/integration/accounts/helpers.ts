/**
 * Helpers for the accounts tests. Each agent gets its own client address, so the per-address rate
 * limits of sign-in and password pages (which stay on) apply per simulated person, as in real use.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { Agent, createUser, type TestApp } from '../../support/app.ts';
import type { Role } from '../../../src/areas/accounts/schema.ts';

let counter = 0;

/** An Agent whose requests come from a distinct IP address. */
export function agentFrom(app: FastifyInstance, ip = `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${++counter & 255}`): Agent {
  const wrapped = { inject: (opts: InjectOptions) => app.inject({ ...opts, remoteAddress: ip }) } as unknown as FastifyInstance;
  return new Agent(wrapped);
}

export async function signedIn(t: TestApp, u: { role: Role; stateIso2?: string; committeeId?: string; email?: string; name?: string; locale?: string }) {
  const user = await createUser(t.database, u);
  const agent = agentFrom(t.app);
  const res = await agent.signIn(user.email);
  expect(res.status).toBe(303);
  return { user, agent };
}

export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  locale: string;
  kind: string;
}

export async function outboxFor(t: TestApp, email: string): Promise<OutboxRow[]> {
  return t.database.query<OutboxRow>('select id, to_address, subject, text_body, locale, kind from outbox_emails where lower(to_address) = lower($1) order by created_at desc, id', [email]);
}

/** The token of the link to `path` (e.g. `/invitation/`) in an e-mail's text body. */
export function linkToken(body: string, path: string): string {
  const m = new RegExp(`${path.replace(/\//g, '\\/')}([A-Za-z0-9_-]{43})`).exec(body);
  if (!m) throw new Error(`no ${path} link in: ${body}`);
  return m[1]!;
}

export async function auditActions(t: TestApp, entityId: string): Promise<string[]> {
  const rows = await t.database.query<{ action: string }>('select action from audit_events where entity_id = $1 order by id', [entityId]);
  return rows.map((r) => r.action);
}

export async function auditSummaries(t: TestApp, entityId: string): Promise<string> {
  const rows = await t.database.query<{ summary: unknown }>('select summary from audit_events where entity_id = $1 order by id', [entityId]);
  return JSON.stringify(rows.map((r) => r.summary));
}

/** Reads a hidden or text input's value from a page. */
export function inputValue(html: string, name: string): string {
  const m = new RegExp(`name="${name}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="${name}"`).exec(html);
  if (!m) throw new Error(`no input ${name}`);
  return (m[1] ?? m[2])!.replace(/&amp;/g, '&');
}

export function sessionCookie(agent: Agent): string | undefined {
  return agent.cookies.get('sid') ?? agent.cookies.get('__Host-sid');
}
