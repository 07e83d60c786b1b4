/**
 * The reports behind the observations paper tests: two States' annual reports for one year, both
 * with cooperation & assistance information, only Senegal's addressing gender & diversity.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { analysePendingReports } from '../../../src/areas/analysis/index.ts';
import type { Agent, TestApp } from '../../support/app.ts';
import { person, sampleFormJ, submittedReport, type Person } from './indicators-support.ts';

export const YEAR = 2024;

/** A Form J with cooperation & assistance answers and nothing on gender & diversity. */
export function formJWithoutGender(year: number) {
  const j = sampleFormJ(year);
  return {
    ...j,
    victims: { casualties: null, survivors: null, narrative: null },
    gender: { integrated: null, narrative: null },
  };
}

export interface PaperFixture {
  sn: string;
  kh: string;
  isu: Person;
  committee: Person;
  preparer: Person;
}

export async function paperFixture(t: TestApp): Promise<PaperFixture> {
  const [snPrep, snAppr, khPrep, khAppr, isu, committee] = await Promise.all([
    person(t, { role: 'state_preparer', stateIso2: 'SN' }),
    person(t, { role: 'state_approver', stateIso2: 'SN' }),
    person(t, { role: 'state_preparer', stateIso2: 'KH' }),
    person(t, { role: 'state_approver', stateIso2: 'KH' }),
    person(t, { role: 'isu_staff' }),
    person(t, { role: 'committee_member', committeeId: 'cooperation-assistance' }),
  ]);
  const sn = await submittedReport(t, { preparer: snPrep, approver: snAppr }, { year: YEAR, formJ: sampleFormJ(YEAR) });
  const kh = await submittedReport(t, { preparer: khPrep, approver: khAppr }, { year: YEAR, formJ: formJWithoutGender(YEAR), visibility: 'restricted' });
  await analysePendingReports(t.database, { userId: null, label: 'job:test' });
  return { sn, kh, isu, committee, preparer: snPrep };
}

/** A binary download with the agent's cookies (the agent's own get reads bodies as text). */
export async function download(t: TestApp, agent: Agent, url: string) {
  const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

/** Text without whitespace or bidi marks, to compare what pdftotext reads (it moves spaces around numbers in Arabic). */
export const squash = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '');

/** The text pdftotext reads from a PDF, bidi marks dropped and whitespace collapsed. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'paper-pdf-'));
  const file = join(dir, 'paper.pdf');
  try {
    writeFileSync(file, pdf);
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The main part and relationships of a DOCX. */
export function docxParts(docx: Buffer): { document: string; rels: string; all: Record<string, string> } {
  const files = unzipSync(new Uint8Array(docx));
  const all = Object.fromEntries(Object.entries(files).filter(([k]) => k.endsWith('.xml') || k.endsWith('.rels')).map(([k, v]) => [k, strFromU8(v)]));
  return { document: all['word/document.xml'] ?? '', rels: all['word/_rels/document.xml.rels'] ?? '', all };
}

/** The value of a hidden field inside the form posting to `action`. */
export function hiddenIn(html: string, action: string, name: string, nth = 0): string | undefined {
  const forms = html.split(`action="${action}"`).slice(1);
  const form = (forms[nth] ?? '').split('</form>')[0] ?? '';
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1];
}
