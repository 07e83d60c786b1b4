/**
 * Pages that are the same for every anonymous reader (a published report, a State's page, the
 * list of public reports, the open-data page), kept in memory per instance as the bytes sent on
 * the wire: the HTML and its gzip and brotli forms, with an ETag.
 *
 * Freshness: a page confirmed against the database is served without touching it for `freshMs`.
 * After that the next request checks the database again: routes either compare a cheap stamp of
 * what the page was built from (and re-render only when it changed) or rebuild the page, keeping
 * the stored bytes and ETag when the result is identical. So a change made through another instance
 * reaches this one's readers within `freshMs`; a successful write through this instance (any form
 * post or API write, except autosaves) makes every page check the database on its next request.
 *
 * Only anonymous readers are served from here, and only pages that rendered no form token: a
 * signed-in user's pages carry their name and menu and are rendered for them.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';

export interface CachedPage {
  etag: string;
  gzip: Buffer;
  br: Buffer;
  /** The uncompressed bytes, made from gzip only for the rare reader that accepts no compression. */
  identity?: Buffer;
  /** What the page was built from, compared on revalidation ('' when the route rebuilds). */
  stamp: string;
  /** When the page was last confirmed current against the database (ms since epoch). */
  checkedAt: number;
  /** The instance's write generation when it was confirmed. */
  generation: number;
}

/** How long a confirmed public page is served without asking the database (the default). */
export const PUBLIC_PAGE_FRESH_MS = 10_000;

/** Counts the writes through one app instance (server.tsx bumps it; see isPageChangingWrite). */
export interface WriteClock {
  generation: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    writeClock: WriteClock;
  }
}

/** The instance's write generation: take it before reading what a page is built from. */
export function currentGeneration(req: FastifyRequest): number {
  return req.server.writeClock.generation;
}

/** Whether a finished request counts as a write that may change public pages (see noteWrite). */
export function isPageChangingWrite(req: FastifyRequest, statusCode: number): boolean {
  const m = req.method;
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || statusCode >= 400) return false;
  // Autosaves change drafts, which no cached page shows; they come every few seconds per preparer.
  return req.headers['x-autosave'] === undefined;
}

function compress(html: string) {
  const identity = Buffer.from(html, 'utf8');
  return {
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
  };
}

export class PageCache {
  private entries = new Map<string, CachedPage>();
  private building = new Map<string, Promise<unknown>>();
  private personal = new Set<string>();
  readonly freshMs: number;
  private readonly max: number;

  constructor(opts: { freshMs: number; max?: number }) {
    this.freshMs = opts.freshMs;
    this.max = opts.max ?? 500;
  }

  /** The stored page, however old (least recently used entries are dropped first). */
  peek(key: string): CachedPage | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** The page if it was confirmed within the freshness window and nothing was written since. */
  fresh(key: string, generation: number, now = Date.now()): CachedPage | undefined {
    const hit = this.entries.get(key);
    return hit && hit.generation === generation && now - hit.checkedAt < this.freshMs ? hit : undefined;
  }

  /** The page if it was built from `stamp`; it is then confirmed current for another window. */
  confirm(key: string, stamp: string, generation: number): CachedPage | undefined {
    const hit = this.peek(key);
    if (!hit || hit.stamp !== stamp) return undefined;
    hit.checkedAt = Date.now();
    hit.generation = generation;
    return hit;
  }

  /**
   * Stores a page built from data read after `generation` was taken. An identical page already
   * stored keeps its bytes and ETag (no recompression; browsers' copies stay valid).
   */
  store(key: string, html: string, stamp: string, generation: number): CachedPage {
    const etag = `"${createHash('sha1').update(html).digest('base64url')}"`;
    const old = this.entries.get(key);
    const page: CachedPage = old && old.etag === etag ? { ...old, stamp, checkedAt: Date.now(), generation } : { etag, ...compress(html), stamp, checkedAt: Date.now(), generation };
    this.entries.delete(key);
    this.entries.set(key, page);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return page;
  }

  /** Runs `work` once for concurrent callers with the same key (e.g. a rebuild when a page expires). */
  once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const pending = this.building.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const p = work().finally(() => this.building.delete(key));
    this.building.set(key, p);
    return p;
  }

  /** Pages that rendered a form for an anonymous reader are not kept. */
  isPersonal(key: string): boolean {
    return this.personal.has(key);
  }

  markPersonal(key: string): void {
    if (this.personal.size >= this.max) this.personal.clear();
    this.personal.add(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** True when the request's If-None-Match matches the ETag. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`);
}

type Encoding = 'br' | 'gzip' | 'identity';
/** Browsers send a handful of distinct headers: each is parsed once. */
const encodingOf = new Map<string, Encoding>();

/** br, gzip or identity, from an Accept-Encoding header (q=0 refuses an encoding). */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  let known = encodingOf.get(header);
  if (known === undefined) {
    known = parseAcceptEncoding(header);
    if (encodingOf.size >= 100) encodingOf.clear();
    encodingOf.set(header, known);
  }
  return known;
}

function parseAcceptEncoding(header: string): Encoding {
  let br = false;
  let gzip = false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip') gzip = true;
    else if (name === '*') gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : 'identity';
}

/**
 * Sends a cached page: 304 when the reader's copy is current, else the stored bytes in the best
 * encoding the reader accepts. `no-cache`: browsers revalidate every time (a cheap 304), so nobody
 * who signs in is shown the anonymous copy of a page.
 */
export function sendCachedPage(req: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply.header('etag', page.etag).header('cache-control', 'private, no-cache').header('vary', 'Accept-Encoding');
  if (notModified(req.headers['if-none-match'], page.etag)) return reply.code(304).send();
  const encoding = pickEncoding(req.headers['accept-encoding']);
  reply.header('content-type', 'text/html; charset=utf-8');
  if (encoding === 'identity') return reply.send((page.identity ??= gunzipSync(page.gzip)));
  return reply.header('content-encoding', encoding).send(encoding === 'br' ? page.br : page.gzip);
}

/** Whether this request may be answered with the page every anonymous reader gets. */
export function anonymousReader(req: FastifyRequest): boolean {
  return !req.user && (req.method === 'GET' || req.method === 'HEAD');
}

/**
 * A public page that anonymous readers get from memory, keyed by its URL (locale, path and query
 * are all it depends on for them): within the freshness window without touching the database;
 * after it, rebuilt (`build` reads the database) once for all concurrent readers. Signed-in users,
 * pages that render a form (a CSRF token is personal) and requests the caller marks as not
 * cacheable (e.g. unknown query parameters) are rendered for each request as usual. `build` may
 * throw (404) like any handler.
 */
export async function servePublicPage(req: FastifyRequest, reply: FastifyReply, cache: PageCache, build: () => Promise<VNode>, cacheable = true): Promise<FastifyReply> {
  const key = req.url;
  if (!cacheable || !anonymousReader(req) || cache.isPersonal(key) || key.length > 300) return reply.page(await build());
  const generation = currentGeneration(req);
  const hit = cache.fresh(key, generation);
  if (hit) return sendCachedPage(req, reply, hit);
  let mine: string | undefined;
  const page = await cache.once(key, async () => {
    const { html, shared } = reply.renderShared(await build());
    if (shared) return cache.store(key, html, '', generation);
    cache.markPersonal(key);
    mine = html;
    return undefined;
  });
  if (page) return sendCachedPage(req, reply, page);
  if (mine !== undefined) return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(mine);
  // Another reader's render found the page personal: render it for this one.
  return reply.page(await build());
}
