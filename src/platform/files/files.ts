/**
 * Uploaded files, stored in the database so every app instance serves them. The type is detected
 * from the content (magic bytes), never trusted from the browser; served as attachments with
 * nosniff so a file can never run as a page.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { storedFiles } from './schema.ts';

export type FileKind = 'pdf' | 'image' | 'spreadsheet' | 'document' | 'text';

export interface DetectedType {
  kind: FileKind;
  contentType: string;
  extension: string;
}

function startsWith(buf: Buffer, bytes: number[], offset = 0): boolean {
  return bytes.every((b, i) => buf[offset + i] === b);
}

/** Recognises the file from its first bytes; undefined for anything not accepted. */
export function detectFileType(buf: Buffer): DetectedType | undefined {
  if (buf.length < 4) return undefined;
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf', contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', contentType: 'image/png', extension: 'png' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { kind: 'image', contentType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return { kind: 'image', contentType: 'image/gif', extension: 'gif' };
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return { kind: 'image', contentType: 'image/webp', extension: 'webp' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const head = buf.subarray(0, Math.min(buf.length, 64 * 1024)).toString('latin1');
    if (head.includes('xl/')) return { kind: 'spreadsheet', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    if (head.includes('word/')) return { kind: 'document', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return { kind: 'spreadsheet', contentType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' };
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return { kind: 'document', contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
    return undefined;
  }
  // Plain text (CSV): valid UTF-8 without NUL bytes.
  if (!buf.includes(0)) {
    const text = buf.toString('utf8');
    if (!text.includes('\ufffd')) return { kind: 'text', contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }
  return undefined;
}

/** A file name safe to show and to send back: no path, no control or bidi characters. */
export function safeFilename(name: string, ext: string): string {
  const cleaned = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"<>:|?*]/g, '')
    .trim();
  // At most 150 characters, counted by code point: a surrogate pair is never cut in half.
  const base = [...cleaned].slice(0, 150).join('');
  const stem = base.replace(/\.[A-Za-z0-9]{1,8}$/, '') || 'file';
  return `${stem}.${ext}`;
}

export interface StoreFileInput {
  filename: string;
  data: Buffer;
  createdBy: string | null;
  accept: FileKind[];
  maxBytes: number;
}

export async function storeFile(tx: DbOrTx, input: StoreFileInput) {
  if (input.data.length === 0) throw new AppError('validation', 'file.empty');
  if (input.data.length > input.maxBytes) throw new AppError('payload_too_large', 'file.too_large', { max: input.maxBytes });
  const type = detectFileType(input.data);
  if (!type || !input.accept.includes(type.kind)) throw new AppError('unsupported_media', 'file.type_not_accepted');
  const [row] = await tx
    .insert(storedFiles)
    .values({
      filename: safeFilename(input.filename, type.extension),
      contentType: type.contentType,
      size: input.data.length,
      sha256: createHash('sha256').update(input.data).digest('hex'),
      data: input.data,
      createdBy: input.createdBy,
    })
    .returning({ id: storedFiles.id, filename: storedFiles.filename, contentType: storedFiles.contentType, size: storedFiles.size });
  return row!;
}

export async function findFile(db: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
  return row;
}

/** Sends a stored file as a download that the browser will never render as a page. */
export function sendFile(reply: FastifyReply, file: { filename: string; contentType: string; data: Buffer; sha256: string }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox")
    .header('cache-control', 'private, max-age=0')
    .header('etag', `"${file.sha256}"`)
    .send(file.data);
}
