/**
 * What each reader can reach, checked by content rather than by status codes: Cambodia's and
 * Iraq's reports stand in every status, each carrying a distinctive marker in its values (and in
 * attachment names and ISU comments). Four readers — an anonymous visitor, a user of another State
 * (Senegal, page and API token), a committee member and ISU staff — crawl every link from the
 * public pages and the API (HTML and JSON), and open every page, export (PDF, XLSX, CSV, JSON),
 * bulk download, comparison and attachment of those reports directly. Whatever they receive is
 * searched (PDFs as text, ZIPs and workbooks unpacked) for markers they must never see:
 *  - W: a working copy (a draft never submitted, a correction in progress, an ISU comment) — only
 *    the State's own users and the ISU;
 *  - S: submitted but not published — also committee members;
 *  - R: published as restricted — also every signed-in user;
 * and for the ids of reports they must not know of. ISU staff must find every marker (the probes
 * do reach the data), and anonymous readers every public one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRow } from '../../../src/areas/reporting/reports-repository.ts';
import { pageRoutes, hasParams, fillRoute } from '../../support/browser.ts';
import { agentAt, attach, correctReport, createLoggedApp, driveReport, person, type Cast, type LoggedApp, type Person } from './authorisation.ts';

type Reader = 'anonymous' | 'other_state' | 'committee' | 'isu';
type Category = 'W' | 'S' | 'R' | 'P';
const FORBIDDEN: Record<Reader, Category[]> = { anonymous: ['W', 'S', 'R'], other_state: ['W', 'S'], committee: ['W'], isu: [] };

/** Every marker planted, with what it is. */
const MARKERS = new Map<string, Category>();
const mark = (name: string, c: Category) => {
  MARKERS.set(canonical(name), c);
  return name;
};
const MARKER_RE = /\b(?:MARK[WSR]|PUBOK)-[A-Z0-9-]+\b/g;
/** Markers compared without hyphens: pdftotext drops a hyphen that ends a line ("MARKS-KH-" + "SUBMITTED"). */
const canonical = (marker: string) => marker.replace(/-/g, '');

/**
 * Leaks known today, in files this sweep may not change (see the report of the authorisation
 * sweep): listed here so the rest of the sweep stays meaningful; each has an `it.fails` test
 * below that turns red the day it is fixed — then remove it from this list and make that test an `it`.
 */
const KNOWN: { reader: Reader; marker: string; why: string }[] = [];

interface Planted {
  report: ReportRow;
  /** Ids of reports this reader must not learn of. */
  hiddenFrom: Reader[];
  attachments: string[];
}

let t: LoggedApp;
const readers = new Map<Reader, Person | undefined>();
const planted: Planted[] = [];
let anonymousAgent: ReturnType<typeof agentAt>;

beforeAll(async () => {
  t = await createLoggedApp();
  const kh: Cast = {
    preparer: await person(t, { role: 'state_preparer', stateIso2: 'KH' }, { signIn: false }),
    approver: await person(t, { role: 'state_approver', stateIso2: 'KH' }, { signIn: false }),
    isu: await person(t, { role: 'isu_staff' }),
  };
  const iq: Cast = {
    preparer: await person(t, { role: 'state_preparer', stateIso2: 'IQ' }, { signIn: false }),
    approver: await person(t, { role: 'state_approver', stateIso2: 'IQ' }, { signIn: false }),
    isu: kh.isu,
  };
  readers.set('anonymous', undefined);
  readers.set('other_state', await person(t, { role: 'state_preparer', stateIso2: 'SN' }));
  readers.set('committee', await person(t, { role: 'committee_member', committeeId: 'cooperation-assistance' }));
  readers.set('isu', kh.isu);
  anonymousAgent = agentAt(t.app);

  const never: Reader[] = ['anonymous', 'other_state', 'committee'];
  const unpublished: Reader[] = ['anonymous', 'other_state'];
  // Never submitted: a draft with an attachment.
  const draft = await driveReport(t, kh, { year: 2001, upTo: 'draft', marker: mark('MARKW-KH-DRAFT', 'W') });
  planted.push({ report: draft, hiddenFrom: never, attachments: [await attach(t, kh, draft.id, `${mark('MARKW-KH-DRAFT-ATT', 'W')}.pdf`)] });
  // Submitted, returned (with an ISU comment), acknowledged: not published.
  planted.push({ report: await driveReport(t, kh, { year: 2002, upTo: 'submitted', marker: mark('MARKS-KH-SUBMITTED', 'S') }), hiddenFrom: unpublished, attachments: [] });
  mark('MARKS-KH-RETURNED-COMMENT', 'W');
  planted.push({ report: await driveReport(t, kh, { year: 2003, upTo: 'returned', marker: mark('MARKS-KH-RETURNED', 'S') }), hiddenFrom: unpublished, attachments: [] });
  planted.push({ report: await driveReport(t, kh, { year: 2004, upTo: 'acknowledged', marker: mark('MARKS-KH-ACK', 'S') }), hiddenFrom: unpublished, attachments: [] });
  // Published restricted, and published public.
  planted.push({ report: await driveReport(t, kh, { year: 2005, upTo: 'published', visibility: 'restricted', marker: mark('MARKR-KH-RESTRICTED', 'R') }), hiddenFrom: ['anonymous'], attachments: [] });
  planted.push({ report: await driveReport(t, kh, { year: 2006, upTo: 'published', marker: mark('PUBOK-KH-PUBLIC', 'P') }), hiddenFrom: [], attachments: [] });
  // Published public, then a correction in progress with a new attachment.
  const corrected = await driveReport(t, kh, { year: 2007, upTo: 'published', marker: mark('PUBOK-KH-V1', 'P') });
  await correctReport(t, kh, corrected.id, { marker: mark('MARKW-KH-CORRECTION', 'W'), upTo: 'draft' });
  planted.push({ report: corrected, hiddenFrom: [], attachments: [await attach(t, kh, corrected.id, `${mark('MARKW-KH-CORR-ATT', 'W')}.pdf`)] });
  // Published restricted, then a correction submitted as public (not yet published).
  const rv = await driveReport(t, kh, { year: 2008, upTo: 'published', visibility: 'restricted', marker: mark('MARKR-KH-RV1', 'R') });
  await correctReport(t, kh, rv.id, { marker: mark('MARKS-KH-RV2', 'S'), upTo: 'submitted', visibility: 'public' });
  planted.push({ report: rv, hiddenFrom: [], attachments: [] });
  // Published restricted, then a corrected version published as public.
  const old = await driveReport(t, kh, { year: 2009, upTo: 'published', visibility: 'restricted', marker: mark('MARKR-KH-OLD', 'R') });
  await correctReport(t, kh, old.id, { marker: mark('PUBOK-KH-NEW', 'P'), upTo: 'published', visibility: 'public' });
  planted.push({ report: old, hiddenFrom: [], attachments: [] });
  // Another State's draft and submitted report.
  planted.push({ report: await driveReport(t, iq, { year: 2010, upTo: 'draft', marker: mark('MARKW-IQ-DRAFT', 'W') }), hiddenFrom: never, attachments: [] });
  planted.push({ report: await driveReport(t, iq, { year: 2011, upTo: 'submitted', marker: mark('MARKS-IQ-SUBMITTED', 'S') }), hiddenFrom: unpublished, attachments: [] });
}, 120_000);
afterAll(async () => t?.close());

/* ---------- Fetching as a reader, and reading what came back ---------- */

interface Fetched {
  url: string;
  status: number;
  type: string;
  text: string;
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'apmbc-vis-'));
  try {
    const file = join(dir, 'f.pdf');
    writeFileSync(file, pdf);
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return pdf.toString('latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text a download holds: PDFs as text, ZIP archives and workbooks entry by entry. */
function textOf(url: string, type: string, bytes: Buffer): string {
  if (type.startsWith('application/pdf') && !url.includes('/attachments/')) return pdfText(bytes);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const entries = unzipSync(new Uint8Array(bytes));
      return Object.entries(entries)
        .map(([name, data]) => `${name}\n${/\.(pdf)$/.test(name) ? pdfText(Buffer.from(data)) : Buffer.from(data).toString('utf8')}`)
        .join('\n');
    } catch {
      return bytes.toString('latin1');
    }
  }
  return bytes.toString('utf8');
}

async function fetchAs(reader: Reader, url: string): Promise<Fetched> {
  const p = readers.get(reader);
  const headers: Record<string, string> = {};
  if (url.startsWith('/api/')) {
    headers.accept = 'application/json';
    if (p) headers.authorization = `Bearer ${p.token}`;
  } else {
    const agent = p?.agent ?? anonymousAgent;
    const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
  }
  const res = await t.app.inject({ method: 'GET', url, headers });
  const type = String(res.headers['content-type'] ?? '');
  const out = { url, status: res.statusCode, type, text: res.statusCode === 200 ? textOf(url, type, res.rawPayload) : res.body };
  return out;
}

/** Same-site GET links in a page or a JSON document. */
function linksIn(f: Fetched): string[] {
  const out = new Set<string>();
  if (f.type.startsWith('text/html')) {
    for (const m of f.text.matchAll(/href="([^"#]+)"/g)) out.add(m[1]!.replace(/&amp;/g, '&'));
  } else if (f.type.includes('json')) {
    for (const m of f.text.matchAll(/"(\/(?:en|api)\/[^"\s]*)"/g)) out.add(m[1]!);
  }
  return [...out].filter(
    (u) =>
      /^\/(en\/|api\/v1\/)/.test(u) &&
      !/\/(logout|login|password|invitation)\b/.test(u) &&
      !/returnTo=/.test(u) &&
      // The pages of the ~160 States without planted reports tell nothing more (and cost half the run).
      !/^\/(en|api\/v1)\/states\/(?!kh\b|iq\b)[a-z]{2}\b/i.test(u),
  );
}

/** The URLs of one report a reader could try, whether or not anything links to them. */
function probesOf(p: Planted): string[] {
  const id = p.report.id;
  const base = `/en/reports/${id}`;
  // Other versions only where there are several (a draft's planted row is as of its creation).
  const several = p.report.currentVersionNo >= 1 || p.report.publishedVersionNo !== null;
  const urls = [
    base,
    ...(several ? [`${base}?version=1`, `${base}?version=2`, `${base}/export.json?version=1`, `/api/v1/reports/${id}?version=1`, `/api/v1/reports/${id}?version=2`] : []),
    `${base}/edit`,
    `${base}/check`,
    `${base}/submitted`,
    `${base}/review`,
    `${base}/attachments`,
    `${base}/forms/cover`,
    `${base}/compare`,
    `${base}/compare?from=1&to=2`,
    `${base}/compare?with=previous-year`,
    `${base}/export.pdf`,
    `${base}/export.json`,
    `${base}/export.xlsx`,
    `${base}/export.csv.zip`,
    `/en/reports/bulk/${p.report.year}.zip`,
    `/api/v1/reports/${id}`,
    `/api/v1/reports/${id}/draft`,
    `/api/v1/reports/${id}/comments`,
    `/api/v1/reports/${id}/check`,
    ...p.attachments.map((a) => `${base}/attachments/${a}`),
  ];
  if (p.report.currentVersionNo >= 1) urls.push(`${base}/export.pdf?version=1`);
  return urls;
}

interface Sweep {
  fetched: Fetched[];
  found: Map<string, string[]>;
}

/** Crawls from the public pages and the API (unless `probesOnly`), then probes every planted report. */
async function sweep(reader: Reader, probesOnly = false): Promise<Sweep> {
  const start = pageRoutes(t.app)
    .filter((r) => !hasParams(r))
    .map((r) => fillRoute(r, 'en', () => undefined).path);
  start.push('/en/states/kh', '/en/states/iq', '/en/reports?state=KH', '/en/reports?state=IQ', '/api/v1/reports?limit=200', '/api/v1/reports?state=KH&limit=200', '/api/v1/reports?state=IQ&limit=200');
  const queue = probesOnly ? [] : [...start];
  const seen = new Set<string>();
  const fetched: Fetched[] = [];
  while (queue.length && seen.size < 400) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    // PDFs are probed below, once per report; crawling every version's PDF would take minutes.
    if (/export\.pdf/.test(url)) continue;
    const f = await fetchAs(reader, url);
    fetched.push(f);
    if (f.status === 200) for (const l of linksIn(f)) if (!seen.has(l)) queue.push(l);
  }
  for (const p of planted) for (const url of probesOf(p)) if (!seen.has(url)) {
    seen.add(url);
    fetched.push(await fetchAs(reader, url));
  }
  const found = new Map<string, string[]>();
  for (const f of fetched) {
    if (f.status !== 200) continue;
    for (const m of f.text.matchAll(MARKER_RE)) {
      const key = canonical(m[0]);
      const list = found.get(key) ?? [];
      if (!list.includes(f.url)) list.push(f.url);
      found.set(key, list);
    }
  }
  return { fetched, found };
}

const sweeps = new Map<Reader, Sweep>();
async function swept(reader: Reader): Promise<Sweep> {
  let s = sweeps.get(reader);
  if (!s) sweeps.set(reader, (s = await sweep(reader, reader === 'isu')));
  return s;
}

function leaks(reader: Reader, s: Sweep): string[] {
  const out: string[] = [];
  for (const [marker, urls] of s.found) {
    const c = MARKERS.get(marker);
    if (!c) {
      out.push(`unknown marker ${marker} in ${urls[0]}`);
      continue;
    }
    if (!FORBIDDEN[reader].includes(c)) continue;
    if (KNOWN.some((k) => k.reader === reader && canonical(k.marker) === marker)) continue;
    out.push(`${reader} reached ${marker} (${c}) at ${urls.slice(0, 4).join(', ')}`);
  }
  for (const p of planted) {
    if (!p.hiddenFrom.includes(reader)) continue;
    const where = s.fetched.filter((f) => f.status === 200 && f.text.includes(p.report.id) && !f.url.includes(p.report.id)).map((f) => f.url);
    if (where.length) out.push(`${reader} learnt of report ${p.report.stateIso2} ${p.report.year} (${p.report.status}) at ${where.slice(0, 4).join(', ')}`);
  }
  return out;
}

describe('what each reader can reach', () => {
  it('ISU staff reach every marker (the sweep does reach the data)', async () => {
    const s = await swept('isu');
    expect([...MARKERS.keys()].filter((m) => !s.found.has(m))).toEqual([]);
  }, 90_000);

  it('anonymous visitors reach the published public reports and nothing else: no draft, submitted or restricted value, id or file', async () => {
    const s = await swept('anonymous');
    expect(['PUBOK-KH-PUBLIC', 'PUBOK-KH-V1', 'PUBOK-KH-NEW'].filter((m) => !s.found.has(canonical(m)))).toEqual([]);
    // They got there by following links from the public pages, not only by probing.
    const crawled = s.fetched.filter((f) => !planted.some((p) => f.url.includes(p.report.id)));
    expect(crawled.some((f) => f.text.includes('PUBOK-KH-PUBLIC'))).toBe(true);
    expect(leaks('anonymous', s)).toEqual([]);
  }, 90_000);

  it("a user of another State never reaches another State's drafts or unpublished reports, in pages, API, exports, bulk downloads, comparisons or attachments", async () => {
    const s = await swept('other_state');
    expect(s.found.has(canonical('MARKR-KH-RESTRICTED'))).toBe(true);
    expect(leaks('other_state', s)).toEqual([]);
  }, 90_000);

  it('committee members read submitted versions, never working copies', async () => {
    const s = await swept('committee');
    expect(s.found.has(canonical('MARKS-KH-SUBMITTED'))).toBe(true);
    expect(leaks('committee', s)).toEqual([]);
  }, 90_000);
});

/**
 * Leaks found by this sweep in files it may not change. Each test states the right behaviour and
 * is expected to fail until the fix (described in its comment) lands: then it turns red — remove
 * the entry from KNOWN and change `it.fails` into `it`.
 */
describe('leaks found by this sweep, fixed', () => {
  const byYear = (year: number) => planted.find((p) => p.report.stateIso2 === 'KH' && p.report.year === year)!;

  /*
   * H1. submitReport (reports-commands.ts) copies the visibility of the version being submitted onto
   * reports.visibility, and canViewPublished (policy.ts) reads reports.visibility: a restricted
   * published version becomes public as soon as a correction is submitted as public (and a public
   * one disappears when a correction is submitted as restricted). Fix: reports.visibility must stay
   * the published version's — in submitReport, set `visibility` only while publishedVersionNo is
   * null; in transition('publish'), set it from the published report_versions row — and the readers
   * of versions (routes.tsx GET /reports/:id and /compare, api-routes.ts GET /api/v1/reports/:id)
   * must keep, for readers who only see published versions, `v.publishedAt && (v.visibility ===
   * 'public' || req.user)` as export-routes.tsx loadVersion already does.
   */
  it('H1: a restricted published version stays restricted when a correction is submitted as public', async () => {
    const rv = byYear(2008).report;
    for (const url of [`/en/reports/${rv.id}`, `/api/v1/reports/${rv.id}`, `/api/v1/reports?state=KH&limit=200`, `/en/reports?state=KH`]) {
      const f = await fetchAs('anonymous', url);
      expect(f.text, url).not.toContain('MARKR-KH-RV1');
      expect(f.text, url).not.toContain(rv.id);
    }
  });

  /* H2. The same filter, per version: `?version=1` (page and API) and /compare show an older restricted version to anonymous readers. */
  it('H2: an older restricted version is not shown to anonymous readers with ?version= or on the comparison page', async () => {
    const old = byYear(2009).report;
    for (const url of [`/en/reports/${old.id}?version=1`, `/api/v1/reports/${old.id}?version=1`, `/en/reports/${old.id}/compare?from=1&to=2`]) {
      const f = await fetchAs('anonymous', url);
      expect(f.text, url).not.toContain('MARKR-KH-OLD');
    }
  });

  /*
   * H3. GET /:locale/reports/:id/attachments/:attachment (routes.tsx) serves every attachment of a
   * report to whoever may read any version of it, so files added to a correction in progress reach
   * the public (and committees). Fix: readers who are not canViewWorkingCopy get only the files
   * that belonged to the version they may read — record the attachment file ids in the version's
   * snapshot at submitReport (reports-commands.ts snapshotOf) and look the file up there; until
   * then, at least refuse attachments created after that version's submittedAt (404).
   */
  it('H3: a file attached to a correction in progress is not served to readers of the published version', async () => {
    const p = byYear(2007);
    const url = `/en/reports/${p.report.id}/attachments/${p.attachments[0]}`;
    for (const reader of ['anonymous', 'other_state', 'committee'] as const) {
      const f = await fetchAs(reader, url);
      expect(f.status, `${reader} ${url}`).not.toBe(200);
    }
  });
});
