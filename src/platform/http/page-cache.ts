/**
 * A small in-memory cache of rendered pages whose content is immutable for a given key (e.g. a
 * published report version). Each instance keeps its own; keys carry everything the page depends
 * on, so there is nothing to invalidate across instances.
 */
import { createHash } from 'node:crypto';

export interface CachedPage {
  html: string;
  etag: string;
  /** When the page was last confirmed current against the database (ms since epoch). */
  checkedAt: number;
}

export class PageCache {
  private entries = new Map<string, CachedPage>();
  constructor(private readonly max = 500) {}

  get(key: string): CachedPage | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, html: string): CachedPage {
    const page = { html, etag: `"${createHash('sha1').update(html).digest('base64url')}"`, checkedAt: Date.now() };
    this.entries.set(key, page);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return page;
  }
}

/** True when the request's If-None-Match matches the ETag. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`);
}
