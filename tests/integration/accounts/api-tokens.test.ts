import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { auditActions, auditSummaries, signedIn } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const me = (token?: string) => t.app.inject({ url: '/api/v1/me', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('personal API tokens', () => {
  it('creates a token shown once, uses it on the API, lists it and revokes it', async () => {
    const { agent, user } = await signedIn(t, { role: 'state_approver', stateIso2: 'SN', name: 'Fatou Sarr' });
    await agent.get('/en/account/api-tokens/new');
    const invalid = await agent.post('/en/account/api-tokens/new', { name: '', expiresInDays: '999' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toContain('Enter a name');
    expect(invalid.body).toContain('1 to 366');

    const created = await agent.post('/en/account/api-tokens/new', { name: 'Import script', expiresInDays: '٣٠' });
    expect(created.status).toBe(200);
    const token = /(apmbc_[0-9a-f]{8}_[0-9a-f]{64})/.exec(created.body)?.[1];
    expect(token).toBeDefined();
    const prefix = token!.split('_')[1]!;

    // Stored as prefix + SHA-256 only; never in the audit trail.
    const rows = await t.database.query<{ id: string; prefix: string; token_hash: string; expires_at: Date; last_used_at: Date | null }>(
      'select id, prefix, token_hash, expires_at, last_used_at from api_tokens where user_id = $1',
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.prefix).toBe(prefix);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(token!.slice(15));
    const days = (new Date(rows[0]!.expires_at).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    expect(await auditSummaries(t, rows[0]!.id)).not.toContain(token!.slice(15));

    // The account page lists it without the secret.
    const account = await agent.get('/en/account');
    expect(account.body).toContain('Import script');
    expect(account.body).toContain(`apmbc_${prefix}_…`);
    expect(account.body).not.toContain(token!);

    const res = await me(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: user.id, name: 'Fatou Sarr', email: user.email, role: 'state_approver', stateIso2: 'SN', committeeId: null });
    const used = await t.database.query<{ last_used_at: Date | null }>('select last_used_at from api_tokens where id = $1', [rows[0]!.id]);
    expect(used[0]!.last_used_at).not.toBeNull();
    // Written at most once a minute.
    await t.database.query(`update api_tokens set last_used_at = now() - interval '30 seconds' where id = $1`, [rows[0]!.id]);
    const before = (await t.database.query<{ last_used_at: Date }>('select last_used_at from api_tokens where id = $1', [rows[0]!.id]))[0]!.last_used_at;
    await me(token);
    const after = (await t.database.query<{ last_used_at: Date }>('select last_used_at from api_tokens where id = $1', [rows[0]!.id]))[0]!.last_used_at;
    expect(new Date(after).getTime()).toBe(new Date(before).getTime());

    // Session cookies do not authenticate the API.
    const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);

    await agent.get('/en/account');
    const revoked = await agent.post(`/en/account/api-tokens/${rows[0]!.id}/revoke`);
    expect(revoked.status).toBe(303);
    expect(revoked.location).toBe('/en/account?done=token_revoked');
    expect((await me(token)).statusCode).toBe(401);
    expect((await agent.get('/en/account')).body).not.toContain('Import script');
    expect(await auditActions(t, rows[0]!.id)).toEqual(['accounts.api_token.created', 'accounts.api_token.revoked']);
  });

  it('answers 401 problem+json without a token or with a bad, expired or disabled user token', async () => {
    const none = await me();
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.json()).toMatchObject({ status: 401, code: 'accounts.api.token_required' });

    const bad = await me(`apmbc_00000000_${'0'.repeat(64)}`);
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'api.token_invalid' });

    const { agent, user } = await signedIn(t, { role: 'committee_member', committeeId: 'cooperation-assistance' });
    await agent.get('/en/account/api-tokens/new');
    const created = await agent.post('/en/account/api-tokens/new', { name: 'Short-lived', expiresInDays: '1' });
    const token = /(apmbc_[0-9a-f]{8}_[0-9a-f]{64})/.exec(created.body)![1]!;
    expect((await me(token)).json()).toMatchObject({ role: 'committee_member', committeeId: 'cooperation-assistance', stateIso2: null });

    await t.database.query(`update api_tokens set expires_at = now() - interval '1 second' where user_id = $1`, [user.id]);
    expect((await me(token)).statusCode).toBe(401);
    await t.database.query(`update api_tokens set expires_at = null where user_id = $1`, [user.id]);
    expect((await me(token)).statusCode).toBe(200);
    await t.database.query('update users set disabled_at = now() where id = $1', [user.id]);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('cannot revoke another user’s token', async () => {
    const { agent: a } = await signedIn(t, { role: 'state_preparer', stateIso2: 'SN' });
    const { agent: b } = await signedIn(t, { role: 'state_preparer', stateIso2: 'SN' });
    await a.get('/en/account/api-tokens/new');
    const created = await a.post('/en/account/api-tokens/new', { name: 'Mine' });
    const token = /(apmbc_[0-9a-f]{8}_[0-9a-f]{64})/.exec(created.body)![1]!;
    const row = await t.database.query<{ id: string }>('select id from api_tokens where prefix = $1', [token.split('_')[1]]);
    await b.get('/en/account');
    expect((await b.post(`/en/account/api-tokens/${row[0]!.id}/revoke`)).status).toBe(404);
    expect((await me(token)).statusCode).toBe(200);
  });

  it('describes GET /api/v1/me in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>> }>();
    const op = doc.paths['/api/v1/me']?.get;
    expect(op).toBeDefined();
    expect(op!.security).toEqual([{ bearerAuth: [] }]);
    expect(op!.responses['401']).toBeDefined();
  });
});
