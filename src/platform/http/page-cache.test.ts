import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { isPageChangingWrite, notModified, PageCache, pickEncoding } from './page-cache.ts';

describe('pickEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['deflate', 'identity'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0', 'identity'],
    ['GZIP;q=0.5', 'gzip'],
    ['*', 'gzip'],
    ['identity', 'identity'],
    [['gzip', 'br'], 'br'],
  ] as const)('%j → %s', (header, expected) => {
    expect(pickEncoding(header as string | string[] | undefined)).toBe(expected);
  });
});

describe('notModified', () => {
  it('matches the ETag, weak or in a list', () => {
    expect(notModified('"abc"', '"abc"')).toBe(true);
    expect(notModified('W/"abc"', '"abc"')).toBe(true);
    expect(notModified('"x", "abc"', '"abc"')).toBe(true);
    expect(notModified('"abd"', '"abc"')).toBe(false);
    expect(notModified(undefined, '"abc"')).toBe(false);
  });
});

describe('PageCache', () => {
  const html = `<!doctype html><html><body>${'<p>Published report text. </p>'.repeat(200)}</body></html>`;

  it('keeps the page and its gzip and brotli forms, byte for byte', () => {
    const cache = new PageCache({ freshMs: 10_000 });
    const page = cache.store('/en/x', html, '', 0);
    expect(gunzipSync(page.gzip).toString('utf8')).toBe(html);
    expect(brotliDecompressSync(page.br).toString('utf8')).toBe(html);
    expect(page.br.length).toBeLessThan(Buffer.byteLength(html) / 10);
    // The uncompressed bytes are not kept until a reader without compression asks for them.
    expect(page.identity).toBeUndefined();
    expect(page.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it('is fresh within the window and at the same write generation only', () => {
    const cache = new PageCache({ freshMs: 10_000 });
    const page = cache.store('/en/x', html, '', 3);
    expect(cache.fresh('/en/x', 3, page.checkedAt + 9_999)).toBe(page);
    expect(cache.fresh('/en/x', 3, page.checkedAt + 10_000)).toBeUndefined();
    expect(cache.fresh('/en/x', 4, page.checkedAt)).toBeUndefined();
    expect(cache.fresh('/en/y', 3, page.checkedAt)).toBeUndefined();
  });

  it('confirms a page built from the same stamp, and not one built from another', () => {
    const cache = new PageCache({ freshMs: 10_000 });
    cache.store('/en/x', html, 'r1:3', 0);
    expect(cache.confirm('/en/x', 'r1:4', 1)).toBeUndefined();
    const confirmed = cache.confirm('/en/x', 'r1:3', 1);
    expect(confirmed?.generation).toBe(1);
    expect(cache.fresh('/en/x', 1)).toBe(confirmed);
  });

  it('keeps the ETag and bytes of an identical rebuild, and changes them when the page changes', () => {
    const cache = new PageCache({ freshMs: 10_000 });
    const first = cache.store('/en/x', html, '', 0);
    const same = cache.store('/en/x', html, '', 1);
    expect(same.etag).toBe(first.etag);
    expect(same.br).toBe(first.br);
    const changed = cache.store('/en/x', html.replace('Published', 'Corrected'), '', 2);
    expect(changed.etag).not.toBe(first.etag);
  });

  it('drops the least recently used page beyond its size', () => {
    const cache = new PageCache({ freshMs: 10_000, max: 2 });
    cache.store('/a', html, '', 0);
    cache.store('/b', html, '', 0);
    cache.peek('/a');
    cache.store('/c', html, '', 0);
    expect(cache.peek('/a')).toBeDefined();
    expect(cache.peek('/b')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('runs one rebuild for concurrent readers, and the next after it settled', async () => {
    const cache = new PageCache({ freshMs: 10_000 });
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return runs;
    };
    const results = await Promise.all([cache.once('/a', work), cache.once('/a', work), cache.once('/a', work)]);
    expect(results).toEqual([1, 1, 1]);
    expect(await cache.once('/a', work)).toBe(2);
    await expect(cache.once('/a', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.once('/a', work)).toBe(3);
  });
});

describe('isPageChangingWrite', () => {
  const req = (method: string, headers: Record<string, string> = {}) => ({ method, headers }) as unknown as FastifyRequest;
  it('counts successful posts and API writes, not reads, refusals or autosaves', () => {
    expect(isPageChangingWrite(req('POST'), 303)).toBe(true);
    expect(isPageChangingWrite(req('PUT'), 200)).toBe(true);
    expect(isPageChangingWrite(req('DELETE'), 204)).toBe(true);
    expect(isPageChangingWrite(req('GET'), 200)).toBe(false);
    expect(isPageChangingWrite(req('HEAD'), 200)).toBe(false);
    expect(isPageChangingWrite(req('POST'), 422)).toBe(false);
    expect(isPageChangingWrite(req('POST'), 403)).toBe(false);
    expect(isPageChangingWrite(req('POST', { 'x-autosave': '1' }), 200)).toBe(false);
  });
});
