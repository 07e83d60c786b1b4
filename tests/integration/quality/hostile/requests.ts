/**
 * Request bodies for the hostile-input sweep: what a form route or an API route is sent, as
 * fast-check arbitraries. Most of a body stays as the page (or the API's schema) has it, so the
 * request gets past the CSRF check, the policy and the envelope and reaches the command; the
 * hostile part is a few fields, keys, types or path parameters, or the raw bytes themselves.
 */
import fc from 'fast-check';
import type { Who, FormField, JsonSchema } from './targets.ts';
import { FORM_IDS } from '../../../../src/areas/reporting/formats.ts';
import {
  IDS,
  deepJsonText,
  formValue,
  hostileJson,
  hostileKey,
  hostileNumber,
  hostileString,
  hostileText,
  invalidUtf8,
  percentBytes,
} from './values.ts';

/* ---------- Path parameters ---------- */

/**
 * Percent-encodes text for a URL like encodeURIComponent, but also lone surrogates (as the bytes
 * a careless encoder writes for them, which are not UTF-8) instead of throwing.
 */
export function encodeAny(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(s[i]!);
  }
  return out;
}

export interface ParamContext {
  /** Other records to point at: another State's report, a published one, … */
  otherIds: string[];
}

/** A replacement for one path parameter: a tampered id, another record's id, or any hostile text. */
export function paramValue(ctx: ParamContext): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...IDS), weight: 3 },
    { arbitrary: fc.constantFrom(...ctx.otherIds), weight: 3 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: hostileText.filter((s) => s.length > 0 && s.length < 150), weight: 3 },
    { arbitrary: fc.constantFrom('A', 'cover', 'Z', 'a', 'J ', 'sn', 'SN', 'XX', 'ZZ', 'en', 'qps', 'xx'), weight: 1 },
  );
}

/** One path parameter in five replaced by a hostile value. */
function tamperedParam(params: string[], ctx: ParamContext): fc.Arbitrary<[string, string] | undefined> {
  if (!params.length) return fc.constant(undefined);
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.tuple(fc.constantFrom(...params), paramValue(ctx)), weight: 1 });
}

/* ---------- Form bodies ---------- */

export type Encoding = 'urlencoded' | 'json' | 'multipart';

export interface FormSample {
  who: Who;
  encoding: Encoding;
  /** Field name → value (undefined: left out; array: the key repeated). JSON bodies may hold any type. */
  overrides: [string, unknown][];
  extra: [string, unknown][];
  /** Fields to leave out. */
  drop: string[];
  /** A path parameter to tamper with. */
  param: [string, string] | undefined;
  file: { filename: string; data: Uint8Array; type: string } | undefined;
  /** Extra request headers: the autosave call of the form script, a JSON Accept, hostile languages. */
  headers: Record<string, string>;
}

/** Headers a script or another client adds: they take other paths through the handlers and the error handler. */
const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 6 },
  { arbitrary: fc.constant({ 'x-autosave': '1' }), weight: 1 },
  { arbitrary: fc.constant({ accept: 'application/json' }), weight: 1 },
  { arbitrary: fc.constantFrom('ar', 'zh-Hant-TW;q=0.9, *;q=0.1', 'x'.repeat(5000), 'en;q=NaN', ';;;,,,').map((v): Record<string, string> => ({ 'accept-language': v })), weight: 1 },
);

/** A value for one field of a page form: a hostile string, or one of the choices the page offers. */
function fieldValue(f: FormField, encoding: Encoding): fc.Arbitrary<unknown> {
  const choices = f.options.length ? [fc.constantFrom(...f.options)] : [];
  const hostile = encoding === 'json' ? fc.oneof({ arbitrary: hostileJson(3), weight: 2 }, { arbitrary: formValue, weight: 1 }) : formValue;
  return choices.length ? fc.oneof({ arbitrary: choices[0]!, weight: 1 }, { arbitrary: hostile, weight: 2 }) : hostile;
}

/** How many fields are made hostile: mostly one, so the rest of the form is valid and the value can be accepted. */
function picks(fields: FormField[]): fc.Arbitrary<number[]> {
  // The CSRF token is tampered with now and then only: otherwise nothing gets past the check.
  const candidates = fields.map((f, i) => ({ f, i })).filter(({ f }) => f.name !== '_csrf').map(({ i }) => i);
  const csrf = fields.findIndex((f) => f.name === '_csrf');
  if (!candidates.length) return csrf >= 0 ? fc.oneof({ arbitrary: fc.constant([] as number[]), weight: 9 }, { arbitrary: fc.constant<number[]>([csrf]), weight: 1 }) : fc.constant([]);
  const some = fc.oneof(
    { arbitrary: fc.uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: 1 }), weight: 5 },
    { arbitrary: fc.uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: Math.min(4, candidates.length) }), weight: 2 },
    // The form as the page has it (the hostile part, if any, is elsewhere: keys, encoding, path).
    { arbitrary: fc.constant([] as number[]), weight: 3 },
  );
  return csrf >= 0 ? fc.tuple(some, fc.integer({ min: 0, max: 19 })).map(([p, dice]) => (dice === 0 ? [...p, csrf] : p)) : some;
}

export function formSample(fields: FormField[], whoWeights: [Who, number][], params: string[], paramCtx: ParamContext, multipart: boolean): fc.Arbitrary<FormSample> {
  const names = fields.map((f) => f.name).filter((n) => n !== '_csrf');
  const encoding: fc.Arbitrary<Encoding> = multipart
    ? fc.oneof({ arbitrary: fc.constant<Encoding>('multipart'), weight: 6 }, { arbitrary: fc.constantFrom<Encoding>('urlencoded', 'json'), weight: 1 })
    : fc.oneof({ arbitrary: fc.constant<Encoding>('urlencoded'), weight: 6 }, { arbitrary: fc.constant<Encoding>('json'), weight: 3 }, { arbitrary: fc.constant<Encoding>('multipart'), weight: 1 });
  return fc
    .record({
      who: fc.oneof(...whoWeights.map(([who, weight]) => ({ arbitrary: fc.constant(who), weight }))),
      encoding,
      picks: picks(fields),
      extraKeys: fc.oneof({ arbitrary: fc.constant([] as [string, string][]), weight: 3 }, { arbitrary: fc.array(fc.tuple(hostileKey, hostileText), { minLength: 1, maxLength: 2 }), weight: 1 }),
      drop: names.length ? fc.oneof({ arbitrary: fc.constant([] as string[]), weight: 4 }, { arbitrary: fc.subarray(names, { minLength: 1, maxLength: Math.min(2, names.length) }), weight: 1 }) : fc.constant([] as string[]),
      param: tamperedParam(params, paramCtx),
      headers: extraHeaders,
      file: fc.option(
        fc.record({
          filename: fc.oneof(fc.constantFrom('report.pdf', 'annex.xlsx', 'report.json', '../../etc/passwd', 'a\u0000.pdf', '\u202efdp.exe', 'x'.repeat(400) + '.pdf', '', '.pdf', 'CON.pdf'), hostileText.map((s) => `${s}.pdf`)),
          data: fc.oneof(
            fc.uint8Array({ maxLength: 600 }),
            fc.constantFrom(Buffer.from('%PDF-1.4\n%%EOF\n'), Buffer.from('PK\u0003\u0004garbage'), Buffer.from('{"formatVersion":"2023","forms":{"A":{"values":{}}}}'), Buffer.from('{'.repeat(5000))),
          ),
          type: fc.constantFrom('application/pdf', 'application/octet-stream', 'text/html', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ''),
        }),
        { freq: 2 },
      ),
    })
    .chain((r) =>
      fc.tuple(...r.picks.map((i) => fieldValue(fields[i]!, r.encoding))).map((vals) => ({
        who: r.who,
        encoding: r.encoding,
        overrides: r.picks.map((i, k) => [fields[i]!.name, vals[k]] as [string, unknown]),
        extra: r.extraKeys,
        drop: r.drop,
        param: r.param,
        file: r.file ?? undefined,
        headers: r.headers,
      })),
    );
}

/** The body of a form sample: urlencoded text, JSON text or a multipart buffer, with its content type. */
export function encodeForm(base: Record<string, string>, s: FormSample, fileField: string | undefined): { payload: string | Buffer; contentType: string } {
  const fields = new Map<string, unknown>(Object.entries(base));
  for (const d of s.drop) if (d !== '_csrf') fields.delete(d);
  for (const [k, v] of s.overrides) fields.set(k, v);
  const entries: [string, unknown][] = [...fields, ...s.extra];
  if (s.encoding === 'json') {
    const obj: Record<string, unknown> = {};
    for (const [k, v] of entries) Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
    return { payload: JSON.stringify(obj), contentType: 'application/json' };
  }
  const flat: [string, string][] = [];
  for (const [k, v] of entries) for (const item of Array.isArray(v) ? v : [v]) flat.push([k, typeof item === 'string' ? item : JSON.stringify(item) ?? '']);
  if (s.encoding === 'urlencoded') return { payload: new URLSearchParams(flat).toString(), contentType: 'application/x-www-form-urlencoded' };
  // Multipart: the CSRF token first, as the browser sends the form's hidden field first.
  flat.sort((a, b) => (a[0] === '_csrf' ? -1 : b[0] === '_csrf' ? 1 : 0));
  const boundary = `----hostile${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  const quote = (s: string) => s.replace(/[\r\n"]/g, (c) => encodeURIComponent(c));
  for (const [k, v] of flat) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(k)}"\r\n\r\n${v}\r\n`));
  if (s.file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${fileField ?? 'file'}"; filename="${quote(s.file.filename)}"\r\n${s.file.type ? `Content-Type: ${s.file.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.from(s.file.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/* ---------- API bodies from the OpenAPI schemas ---------- */

/** Plausible values for string properties by name (ids the API knows), besides hostile ones. */
export const STRING_HINTS: Record<string, string[]> = { formId: [...FORM_IDS, 'Z'] };

/** Stands for "the current version of the resource" in generated bodies; filled in when sending. */
export const CURRENT_VERSION = '\u0000current-version\u0000';

function alternatives(s: JsonSchema): JsonSchema[] | undefined {
  return s.anyOf ?? s.oneOf;
}

/** A value that fits the schema in shape, with hostile strings and numbers at the leaves. */
export function fromSchema(s: JsonSchema | undefined, key = '', depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return hostileJson(1);
  if (key === 'version' && (s.type === 'integer' || s.type === 'number')) return fc.oneof({ arbitrary: fc.constant(CURRENT_VERSION), weight: 8 }, { arbitrary: hostileNumber, weight: 1 });
  const alts = alternatives(s);
  if (alts) return fc.oneof(...alts.map((a) => fromSchema(a, key, depth + 1)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, p] of Object.entries(props)) model[k] = maybeHostile(fromSchema(p, k, depth + 1));
      const required = (s.required ?? []).filter((k) => k in model);
      return fc.record(model, { requiredKeys: required });
    }
    case 'array': {
      const minLength = Math.min(s.minItems ?? 0, 3);
      return fc.array(maybeHostile(fromSchema(s.items, key, depth + 1)), { minLength, maxLength: Math.max(minLength, Math.min(3, s.maxItems ?? 3)) });
    }
    case 'string': {
      if (s.format === 'uuid') return fc.oneof(fc.uuid(), fc.constantFrom(...IDS));
      if (s.format === 'date') return fc.oneof(fc.constantFrom('2024-02-29', '2023-02-29', '0000-00-00', '9999-12-31', '2024-13-01'), hostileText);
      const hint = STRING_HINTS[key];
      // Mostly within the documented length, so the body gets past the envelope to the command.
      const fitting = s.maxLength !== undefined ? hostileText.filter((x) => x.length <= s.maxLength!) : hostileText;
      return fc.oneof(...(hint ? [{ arbitrary: fc.constantFrom(...hint), weight: 4 }] : []), { arbitrary: fitting, weight: 4 }, { arbitrary: hostileString, weight: 1 });
    }
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 1_000_000, 2 ** 31) }), hostileNumber);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hostileJson(2);
  }
}

/** Mostly the schema's shape, now and then any JSON value at all (a wrong type somewhere in the body). */
function maybeHostile(a: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: a, weight: 40 }, { arbitrary: hostileJson(2), weight: 1 });
}

export interface ApiSample {
  who: Who;
  body: unknown;
  /** Whole-body replacement: any JSON value instead of the schema's object. */
  replaced: boolean;
  param: [string, string] | undefined;
  headers: Record<string, string>;
}

export function apiSample(schema: JsonSchema | undefined, whoWeights: [Who, number][], params: string[], paramCtx: ParamContext): fc.Arbitrary<ApiSample> {
  return fc.record({
    who: fc.oneof(...whoWeights.map(([who, weight]) => ({ arbitrary: fc.constant(who), weight }))),
    body: fc.oneof({ arbitrary: fromSchema(schema), weight: 8 }, { arbitrary: hostileJson(3), weight: 1 }),
    replaced: fc.constant(false),
    param: tamperedParam(params, paramCtx),
    headers: extraHeaders,
  });
}

export function encodeJson(body: unknown, version: number | undefined): string {
  return JSON.stringify(body, (_k, v: unknown) => (v === CURRENT_VERSION ? (version ?? 1) : v)) ?? 'null';
}

/* ---------- Raw bodies ---------- */

export interface RawBody {
  name: string;
  payload: string | Buffer;
  contentType: string | undefined;
  headers?: Record<string, string>;
}

/**
 * Bodies no well-behaved client sends: bytes that are not UTF-8, broken or absurd JSON, wrong or
 * lying content types, bodies past the limit. `fields` are valid fields of the route (with the
 * CSRF token), so the request reaches the handler wherever the body can be read at all.
 */
export function rawBody(fields: Record<string, string>): fc.Arbitrary<RawBody> {
  const names = Object.keys(fields).filter((k) => k !== '_csrf');
  const name = names.length ? fc.constantFrom(...names) : fc.constant('value');
  const urlencoded = (extra: string) => [new URLSearchParams(fields).toString(), extra].filter(Boolean).join('&');
  const json = (extra: string) => {
    const inner = Object.entries(fields)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
      .join(',');
    return `{${[inner, extra].filter(Boolean).join(',')}}`;
  };
  const bytesIn = (before: string, bytes: Buffer, after: string) => Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]);
  const FORM = 'application/x-www-form-urlencoded';
  const JSON_TYPE = 'application/json';
  return fc.oneof(
    // Not UTF-8, percent-encoded and raw, in values and keys.
    fc.tuple(name, invalidUtf8).map(([n, b]): RawBody => ({ name: 'urlencoded %XX not UTF-8', payload: urlencoded(`${encodeAny(n)}=${percentBytes(b)}x`), contentType: FORM })),
    fc.tuple(name, invalidUtf8).map(([n, b]): RawBody => ({ name: 'urlencoded raw bytes not UTF-8', payload: bytesIn(`${urlencoded('')}&${encodeAny(n)}=`, b, 'x'), contentType: FORM })),
    invalidUtf8.map((b): RawBody => ({ name: 'urlencoded key not UTF-8', payload: urlencoded(`${percentBytes(b)}=1`), contentType: FORM })),
    fc.tuple(name, fc.constantFrom('%', '%e', '%E0%A4%A', '%zz', '%%', '%u202e', '%00', '%C0%80')).map(([n, p]): RawBody => ({ name: 'urlencoded bad escapes', payload: urlencoded(`${encodeAny(n)}=${p}`), contentType: FORM })),
    fc.tuple(name, invalidUtf8).map(([n, b]): RawBody => ({ name: 'JSON raw bytes not UTF-8', payload: bytesIn(json(`${JSON.stringify(n)}:"`), b, '"}'), contentType: JSON_TYPE })),
    fc.tuple(name, fc.constantFrom('\\u0000', '\\ud800', '\\udc00\\ud800', '\\ud83d', 'a\\u0000b', '\\u202e', '\\u0085', '\\uFFFF', '\\uFFFE')).map(([n, e]): RawBody => ({ name: 'JSON escapes', payload: json(`${JSON.stringify(n)}:"${e}"`), contentType: JSON_TYPE })),
    // Duplicated keys: the last one wins in JSON.parse; the first one must not have been trusted.
    fc.tuple(name, hostileText).map(([n, v]): RawBody => ({ name: 'JSON duplicated keys', payload: `{${JSON.stringify(n)}:${JSON.stringify(v)},${json('').slice(1, -1)},${JSON.stringify(n)}:[${JSON.stringify(v)}],${JSON.stringify(n)}:{"a":1}}`, contentType: JSON_TYPE })),
    fc.tuple(name, hostileText).map(([n, v]): RawBody => ({ name: 'urlencoded duplicated keys', payload: urlencoded(`${encodeAny(n)}=${encodeAny(v)}&${encodeAny(n)}=&${encodeAny(n)}[]=1`), contentType: FORM })),
    fc.constantFrom(1_000, 20_000, 150_000).chain((depth) =>
      fc.tuple(name, fc.constantFrom<'array' | 'object'>('array', 'object')).map(([n, kind]): RawBody => ({ name: `JSON nested ${depth} deep`, payload: json(`${JSON.stringify(n)}:${deepJsonText(depth, kind)}`), contentType: JSON_TYPE })),
    ),
    fc.constantFrom('[]', '"x"', '1', 'null', 'true', '', ' ', '{', '{"a":}', '{"a":1}garbage', '\uFEFF{}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '[{"_csrf":"x"}]', 'NaN', '{"a":1e999999}').map(
      (p): RawBody => ({ name: 'JSON not an object', payload: p, contentType: JSON_TYPE }),
    ),
    fc.constantFrom(
      ['text/plain', 'hello'],
      ['application/xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
      ['multipart/form-data', 'no boundary'],
      ['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'],
      ['multipart/form-data; boundary=', '--\r\n'],
      ['application/json; charset=iso-8859-1', '{"a":"\u00e9"}'],
      ['application/json; charset=utf-16', '{}'],
      ['application/x-www-form-urlencoded; charset=utf-16le', Buffer.from('a=1', 'utf16le')],
      ['application/vnd.api+json', '{}'],
      ['application/json;;;=;', '{}'],
      ['*/*', 'a=1'],
      ['', 'a=1'],
      ['application/x-www-form-urlencoded', ''],
      ['application/csp-report', '{}'],
    ).map(([ct, p]): RawBody => ({ name: `content type ${ct || '(empty)'}`, payload: p as string | Buffer, contentType: ct as string })),
    fc.constant<RawBody>({ name: 'no content type', payload: urlencoded(''), contentType: undefined }),
    fc.constantFrom(FORM, JSON_TYPE).map((ct): RawBody => ({ name: 'gzip that is not gzip', payload: ct === FORM ? urlencoded('') : json(''), contentType: ct, headers: { 'content-encoding': 'gzip' } })),
    fc.constantFrom(FORM, JSON_TYPE).map((ct): RawBody => ({
      name: 'past the body limit',
      payload: ct === FORM ? urlencoded(`big=${'x'.repeat(1_100_000)}`) : json(`"big":"${'x'.repeat(1_100_000)}"`),
      contentType: ct,
    })),
    fc.constant<RawBody>({ name: '20 000 fields', payload: urlencoded(Array.from({ length: 20_000 }, (_, i) => `f${i}=${i}`).join('&')), contentType: FORM }),
    fc.constant<RawBody>({ name: 'long key', payload: urlencoded(`${'k'.repeat(100_000)}=1`), contentType: FORM }),
  );
}
