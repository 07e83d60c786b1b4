/**
 * The database goes away while the app runs: pages answer 503 and /readyz fails; when it comes
 * back, the same app instance recovers without a restart: signed-in people keep their session, and
 * a save refused during the outage goes through when sent again. Runs against the PostgreSQL server
 * through a TCP proxy that the test cuts and restores (skipped on PGlite, which is in-process).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.ts';
import { openDatabase, type Database } from '../../../src/platform/db/client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { Agent, createUser, testConfig } from '../../support/app.ts';

const serverMode = !!process.env.TEST_DATABASE_URL;

class Proxy {
  server: net.Server | undefined;
  sockets = new Set<net.Socket>();
  constructor(private target: { host: string; port: number }) {}
  async start(port = 0): Promise<number> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      this.sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', () => r()));
    return (this.server.address() as net.AddressInfo).port;
  }
  async stop() {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

describe.runIf(serverMode)('database outage', () => {
  let testDb: TestDatabase;
  let proxy: Proxy;
  let port: number;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>['app'];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const url = new URL(testDb.url!);
    proxy = new Proxy({ host: url.hostname, port: Number(url.port || 5432) });
    port = await proxy.start();
    url.host = `127.0.0.1:${port}`;
    database = await openDatabase({ url: url.toString(), poolSize: 3 });
    ({ app } = await buildApp({ config: testConfig(), database, logger: false }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await proxy.stop();
    await testDb.drop();
  });

  it('answers 503 while the database is unreachable and recovers when it returns', async () => {
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    expect((await app.inject('/en/states/sn')).statusCode).toBe(200);
    await proxy.stop();
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    // A page not served before (anonymous pages seen recently may come from the page cache).
    const page = await app.inject('/en/states/iq');
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('temporarily unavailable');
    const api = await app.inject('/api/v1/states');
    expect(api.statusCode).toBe(503);
    expect(api.headers['content-type']).toContain('application/problem+json');
    await proxy.start(port);
    let ok = false;
    for (let i = 0; i < 20 && !ok; i++) {
      ok = (await app.inject('/readyz')).statusCode === 200;
      if (!ok) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ok).toBe(true);
    expect((await app.inject('/en/states/sn')).statusCode).toBe(200);
  });

  it('refuses sign-in and saves with a translated 503 during the outage, keeps the session, and saves on retry', async () => {
    const user = await createUser(testDb.database, { role: 'state_preparer', stateIso2: 'SN', locale: 'fr' });
    const prep = new Agent(app);
    await prep.signIn(user.email, undefined, 'fr');
    const created = await prep.post('/fr/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
    expect(created.status, created.body.slice(0, 2000)).toBe(303);
    const reportId = /reports\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    const form = await prep.get(`/fr/reports/${reportId}/forms/J`);
    const version = /name="_version" value="(\d+)"/.exec(form.body)![1]!;
    const sid = prep.cookies.get('sid');
    const save = { _version: version, _action: 'save', 's.gender.narrative': 'Saisi pendant la panne' };

    const stranger = new Agent(app);
    expect((await stranger.get('/fr/login')).status).toBe(200);

    await proxy.stop();
    const refused = await prep.post(`/fr/reports/${reportId}/forms/J`, save);
    expect(refused.status).toBe(503);
    expect(refused.body).toContain('lang="fr"');
    expect(refused.body).toContain('La base de données est momentanément inaccessible');
    // The session cookie is not thrown away because the database could not be asked about it.
    expect(prep.cookies.get('sid')).toBe(sid);
    const login = await stranger.post('/fr/login', { email: user.email, password: 'wrong password' });
    expect(login.status).toBe(503);

    await proxy.start(port);
    let ready = false;
    for (let i = 0; i < 20 && !ready; i++) {
      ready = (await app.inject('/readyz')).statusCode === 200;
      if (!ready) await new Promise((r) => setTimeout(r, 250));
    }
    expect(ready).toBe(true);
    // The same form, sent again with the same version: nothing was half-saved in between.
    const retried = await prep.post(`/fr/reports/${reportId}/forms/J`, save);
    expect(retried.status).toBe(303);
    expect((await prep.get(`/fr/reports/${reportId}/forms/J`)).body).toContain('Saisi pendant la panne');
    // The refused sign-in attempt was not counted against the account.
    const [row] = await testDb.database.query<{ failed_logins: number }>('select failed_logins from users where id = $1', [user.id]);
    expect(row!.failed_logins).toBe(0);
  });
});
