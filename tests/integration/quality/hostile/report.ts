/** Readable counterexamples: long strings cut, invisible and control characters shown as escapes. */

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]/g;

function show(s: string): string {
  const cut = s.length > 160 ? `${s.slice(0, 120)}…[${s.length} chars]` : s;
  return cut.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function describeValue(v: unknown): string {
  const text = JSON.stringify(
    v,
    (_k, x: unknown) => {
      if (typeof x === 'string') return show(x);
      if (x instanceof Uint8Array) return `<${x.length} bytes>`;
      if (x && typeof x === 'object' && (x as { type?: unknown }).type === 'Buffer' && Array.isArray((x as { data?: unknown }).data)) return `<${(x as { data: unknown[] }).data.length} bytes>`;
      if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
      return x;
    },
  );
  return (text ?? String(v)).replace(/\\\\u/g, '\\u').slice(0, 3000);
}
