/**
 * A small HTML reader for the quality sweeps: enough for the markup preact-render-to-string writes
 * (quoted attributes, void elements, escaped text), so the tests need no parser dependency.
 */

export interface HtmlElement {
  type: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | undefined;
}

export interface HtmlText {
  type: 'text';
  text: string;
  parent: HtmlElement | undefined;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/** Parses a document into a root element (tag `#document`). */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', tag: '#document', attrs: {}, children: [], parent: undefined };
  let current = root;
  let i = 0;
  const text = (t: string) => {
    if (t) current.children.push({ type: 'text', text: decodeEntities(t), parent: current });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    if (html[lt + 1] === '/') {
      const end = html.indexOf('>', lt);
      const tag = html
        .slice(lt + 2, end)
        .trim()
        .toLowerCase();
      // Close up to the matching element (tolerates stray end tags).
      let el: HtmlElement | undefined = current;
      while (el && el.tag !== tag) el = el.parent;
      if (el?.parent) current = el.parent;
      i = end + 1;
      continue;
    }
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(lt));
    if (!m) {
      text('<');
      i = lt + 1;
      continue;
    }
    const tag = m[1]!.toLowerCase();
    const rawAttrs = m[2] ?? '';
    const selfClosing = /\/\s*$/.test(rawAttrs);
    const el: HtmlElement = { type: 'element', tag, attrs: parseAttrs(rawAttrs.replace(/\/\s*$/, '')), children: [], parent: current };
    current.children.push(el);
    i = lt + m[0].length;
    if (VOID.has(tag) || selfClosing) continue;
    if (RAW_TEXT.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, i);
      const stop = end < 0 ? html.length : end;
      el.children.push({ type: 'text', text: html.slice(i, stop), parent: el });
      const close = html.indexOf('>', stop);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    current = el;
  }
  return root;
}

export function* walk(node: HtmlNode): Generator<HtmlNode> {
  yield node;
  if (node.type === 'element') for (const c of node.children) yield* walk(c);
}

export function elements(root: HtmlElement, tag?: string): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const n of walk(root)) if (n.type === 'element' && (!tag || n.tag === tag)) out.push(n);
  return out;
}

export function find(root: HtmlElement, tag: string): HtmlElement | undefined {
  return elements(root, tag)[0];
}

export function textOf(node: HtmlNode): string {
  if (node.type === 'text') return node.text;
  return node.children.map(textOf).join('');
}

export function ancestors(node: HtmlNode): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/** A short CSS-like path for messages: `body > main > p.lead`. */
export function describe(node: HtmlNode): string {
  const chain = [...ancestors(node)].reverse().filter((e) => e.tag !== '#document' && e.tag !== 'html');
  if (node.type === 'element') chain.push(node);
  return chain.map((e) => `${e.tag}${e.attrs.id ? `#${e.attrs.id}` : ''}${e.attrs.class ? `.${e.attrs.class.split(/\s+/)[0]}` : ''}`).join(' > ');
}
