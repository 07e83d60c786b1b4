/** Downloads as bytes, multipart uploads and PDF text extraction for the export tests. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Agent } from '../../support/app.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, unknown>;
  bytes: Buffer;
  text: string;
  location: string | undefined;
}

function cookieHeader(agent?: Agent): Record<string, string> {
  if (!agent || !agent.cookies.size) return {};
  return { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
}

export async function download(app: FastifyInstance, url: string, agent?: Agent): Promise<RawResponse> {
  const res = await app.inject({ method: 'GET', url, headers: cookieHeader(agent) });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, text: res.body, location: typeof res.headers.location === 'string' ? res.headers.location : undefined };
}

export interface Part {
  name: string;
  value?: string;
  filename?: string;
  type?: string;
  data?: Buffer;
}

/** A multipart/form-data body with the parts in the given order (as a browser sends them). */
export function multipartBody(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----apmbc${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}`;
    chunks.push(Buffer.from(`${head}\r\n\r\n`), p.data ?? Buffer.from(p.value ?? '', 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a file to the import page the way the browser form does: `_csrf` first, then the file. */
export async function upload(app: FastifyInstance, agent: Agent, url: string, file: { filename: string; data: Buffer; type?: string }, opts: { csrf?: string | null } = {}) {
  const parts: Part[] = [];
  if (opts.csrf !== null) parts.push({ name: '_csrf', value: opts.csrf ?? agent.lastCsrf ?? '' });
  parts.push({ name: 'file', filename: file.filename, type: file.type ?? 'application/octet-stream', data: file.data });
  const { body, contentType } = multipartBody(parts);
  const res = await app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType, ...cookieHeader(agent) } });
  return { status: res.statusCode, body: res.body, location: typeof res.headers.location === 'string' ? res.headers.location : undefined };
}

const POPPLER = '/usr/bin';

function tool(name: string): string {
  const path = join(POPPLER, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: install poppler-utils (apt-get install poppler-utils) to run the PDF export tests`);
  return path;
}

function withPdf<T>(pdf: Buffer, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'apmbc-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): string {
  return withPdf(pdf, (file) => execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

export function pdfFonts(pdf: Buffer): string[] {
  const out = withPdf(pdf, (file) => execFileSync(tool('pdffonts'), [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0]!)
    .filter(Boolean)
    .map((name) => name.replace(/^[A-Z]{6}\+/, ''));
}

export function pdfInfo(pdf: Buffer): string {
  return withPdf(pdf, (file) => execFileSync(tool('pdfinfo'), ['-f', '1', '-l', '100', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

/** Text compared without spaces, bidi marks or Arabic vowel marks (pdftotext inserts and moves them). */
export function squash(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u064b-\u065f\u0670]/g, '')
    .replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * The words (runs of letters) of a text: pdftotext reorders runs of different directions on a
 * line, so mixed Arabic/Latin text is checked word by word; each word must come out whole.
 */
export function words(s: string): string[] {
  return s
    .normalize('NFKC')
    .replace(/[\u064b-\u065f\u0670]/g, '')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1);
}
