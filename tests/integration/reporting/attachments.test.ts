import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createTestApp, createUser, type TestApp } from '../../support/app.ts';

let t: TestApp;
let prep: Agent;
let other: Agent;
let reportId = '';

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = '----apmbcTestBoundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(agent: Agent, fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const page = await agent.get(`/en/reports/${reportId}/attachments`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const { payload, headers } = multipart({ _csrf: csrf, ...fields }, file);
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({ method: 'POST', url: `/en/reports/${reportId}/attachments`, payload, headers: { ...headers, cookie } });
}

beforeAll(async () => {
  t = await createTestApp({ UPLOAD_LIMIT: '20000' });
  const [a, b] = await Promise.all([createUser(t.database, { role: 'state_preparer', stateIso2: 'SN' }), createUser(t.database, { role: 'state_preparer', stateIso2: 'IQ' })]);
  prep = new Agent(t.app);
  other = new Agent(t.app);
  await prep.signIn(a.email);
  await other.signIn(b.email);
  const res = await prep.post('/en/reports', { kind: 'annual', year: '2023', startFrom: 'blank' });
  reportId = /reports\/([0-9a-f-]{36})/.exec(res.location!)![1]!;
});
afterAll(async () => t.close());

describe('report attachments', () => {
  it('stores a real PDF and serves it as a download', async () => {
    const res = await upload(prep, { description: 'Carte des zones' }, { name: 'carte.pdf', data: Buffer.from('%PDF-1.4\n%demo\n') });
    expect(res.statusCode).toBe(303);
    const page = await prep.get(`/en/reports/${reportId}/attachments`);
    expect(page.body).toContain('carte.pdf');
    const id = /attachments\/([0-9a-f-]{36})"/.exec(page.body)![1]!;
    const file = await prep.get(`/en/reports/${reportId}/attachments/${id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toContain('attachment');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect((await other.get(`/en/reports/${reportId}/attachments/${id}`)).status).toBe(403);
  });

  it('refuses a file that lies about its type, with a message and no 500', async () => {
    const res = await upload(prep, {}, { name: 'report.pdf', data: Buffer.from('MZ\x90\x00 not a pdf \x00\x01') });
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('did not match');
  });

  it('refuses an oversized file', async () => {
    const res = await upload(prep, {}, { name: 'big.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30000, 65)]) });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('smaller than');
  });

  it('refuses an upload without the CSRF token', async () => {
    const { payload, headers } = multipart({}, { name: 'x.pdf', data: Buffer.from('%PDF-1.4\n') });
    const cookie = [...prep.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({ method: 'POST', url: `/en/reports/${reportId}/attachments`, payload, headers: { ...headers, cookie } });
    expect(res.statusCode).toBe(403);
  });
});
