/**
 * Work plans as the Committee keeps them: items with an owner, a due date, a status, the
 * action-plan actions they serve and links to the evidence that they were done. Pure rules, no
 * database or HTTP.
 */
import type { ItemStatus, LinkTarget } from './schema.ts';

/** An item still to be done whose due date has passed (`today` as YYYY-MM-DD). */
export function isOverdue(item: { status: ItemStatus; dueDate: string | null }, today: string): boolean {
  return (item.status === 'planned' || item.status === 'in_progress') && item.dueDate !== null && item.dueDate < today;
}

/** Items due within `days` days from today and not done. */
export function isDueSoon(item: { status: ItemStatus; dueDate: string | null }, today: string, days = 14): boolean {
  if (item.status === 'done' || item.status === 'dropped' || !item.dueDate || item.dueDate < today) return false;
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + days);
  return item.dueDate <= limit.toISOString().slice(0, 10);
}

export interface EvidenceRef {
  type: LinkTarget;
  ref: string;
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const LOCALE = '(?:ar|zh|en|fr|ru|es)';

/** The platform's own pages that can be evidence, by the shape of their address. */
const PAGE_PATTERNS: { type: LinkTarget; re: RegExp; ref: (m: RegExpExecArray) => string }[] = [
  { type: 'report', re: new RegExp(`^/${LOCALE}/(?:analysis/)?reports/(${UUID})(?:/[^?#]*)?$`), ref: (m) => m[1]!.toLowerCase() },
  { type: 'follow_up', re: new RegExp(`^/${LOCALE}/analysis/follow-ups/(\\d{4})/([a-zA-Z]{2})/?$`), ref: (m) => `${m[1]}/${m[2]!.toUpperCase()}` },
  { type: 'questionnaire', re: new RegExp(`^/${LOCALE}/questionnaires/(${UUID})(?:/[^?#]*)?$`), ref: (m) => m[1]!.toLowerCase() },
  { type: 'meeting', re: new RegExp(`^/${LOCALE}/meetings/(${UUID})(?:/[^?#]*)?$`), ref: (m) => m[1]!.toLowerCase() },
  { type: 'plan_item', re: new RegExp(`^/${LOCALE}/work-plans/${UUID}/items/(${UUID})/?$`), ref: (m) => m[1]!.toLowerCase() },
  { type: 'individualised_approach', re: new RegExp(`^/${LOCALE}/individualised-approach/(${UUID})(?:/[^?#]*)?$`), ref: (m) => m[1]!.toLowerCase() },
  { type: 'paper', re: new RegExp(`^/${LOCALE}/analysis/papers/(\\d{4})/?$`), ref: (m) => m[1]! },
];

/**
 * What an address pasted as evidence points to: a page of this platform (given as a path or as a
 * full address on one of `siteOrigins` — the configured address and the one the user is browsing,
 * which differ behind some proxies), or another web page (https/http). Undefined when it is neither.
 */
export function parseEvidenceAddress(input: string, siteOrigins: string | string[]): EvidenceRef | undefined {
  const text = input.trim();
  if (!text || text.length > 2000) return undefined;
  let path: string | undefined;
  if (text.startsWith('/') && !text.startsWith('//')) path = text;
  else {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    const own = (Array.isArray(siteOrigins) ? siteOrigins : [siteOrigins]).flatMap((o) => {
      try {
        return [new URL(o).origin];
      } catch {
        return [];
      }
    });
    if (!own.includes(url.origin)) return url.username || url.password ? undefined : { type: 'url', ref: url.toString() };
    path = url.pathname;
  }
  path = path.split(/[?#]/)[0]!;
  for (const p of PAGE_PATTERNS) {
    const m = p.re.exec(path);
    if (m) return { type: p.type, ref: p.ref(m) };
  }
  return undefined;
}

/** Reads typed action ids ("OAP-45, oap 47; SRAAP-30") as normalised ids; `bad` lists what could not be read. */
export function splitActionIds(text: string): { ids: string[]; bad: string[] } {
  const ids: string[] = [];
  const re = /([A-Za-z][A-Za-z0-9]{0,9}?)\s*-?\s*([1-9][0-9]{0,2})(?![0-9])/g;
  const rest = text.replace(re, (_all, code: string, n: string) => {
    const id = `${code.toUpperCase()}-${Number(n)}`;
    if (!ids.includes(id)) ids.push(id);
    return ' ';
  });
  const bad = rest.split(/[\s,;]+/).filter((x) => x !== '');
  return { ids, bad };
}
