/**
 * ZIP archives (fflate): building one in memory, recognising one by its magic bytes, and measuring
 * what it really expands to before a reader is let loose on it (zip bombs lie in their headers).
 */
import { Unzip, UnzipInflate, UnzipPassThrough, zipSync, strToU8, type Zippable } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/** A ZIP of the entries (text is stored as UTF-8), compressed; file times fixed for reproducible output. */
export function zipFiles(entries: ZipEntry[], mtime: Date = new Date('2000-01-01T00:00:00Z')): Buffer {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [typeof e.data === 'string' ? strToU8(e.data) : e.data, { level: 6, mtime }];
  return Buffer.from(zipSync(files));
}

/** Local file header signature: every ZIP (and so every XLSX) starts with PK\x03\x04. */
export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

export interface ZipMeasure {
  ok: boolean;
  /** Names of the entries read before stopping. */
  names: string[];
  bytes: number;
}

/**
 * Inflates every entry (discarding the output) and stops as soon as the total passes `maxBytes`
 * or an entry cannot be read. Returns ok=false for archives that are damaged or too large.
 */
export function measureZip(buf: Uint8Array, maxBytes: number, maxEntries = 2000): ZipMeasure {
  const names: string[] = [];
  let bytes = 0;
  let failed = false;
  const unzip = new Unzip((file) => {
    if (failed) return;
    names.push(file.name);
    if (names.length > maxEntries) {
      failed = true;
      return;
    }
    file.ondata = (err, chunk) => {
      if (failed) return;
      if (err) {
        failed = true;
        return;
      }
      bytes += chunk.length;
      if (bytes > maxBytes) {
        failed = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    const step = 64 * 1024;
    for (let i = 0; i < buf.length && !failed; i += step) unzip.push(buf.subarray(i, Math.min(buf.length, i + step)), i + step >= buf.length);
  } catch {
    failed = true;
  }
  return { ok: !failed && names.length > 0, names, bytes };
}
