/**
 * The message catalogues of every area, in all six languages: complete, valid ICU that formats with
 * sample values in its own locale, the same arguments as in English, the plural forms each
 * language needs, nothing left in English, and each key in the folder of the area it names.
 */
import { readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { loadCatalogues } from '../../../src/platform/i18n/messages.ts';
import { LOCALES, intlTag } from '../../../src/platform/i18n/locales.ts';

const SRC = fileURLToPath(new URL('../../../src', import.meta.url));
const { byLocale, sources } = loadCatalogues();
const en = byLocale.en!;
const OTHERS = LOCALES.filter((l) => l !== 'en');
const AREAS = readdirSync(`${SRC}/areas`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/**
 * Names and codes that stay the same in every language: standards, file formats, products,
 * abbreviations, unit symbols. A value identical to English in another catalogue passes when every
 * word of its text (outside ICU arguments) is one of these, or one of the locale's words below.
 */
const PROPER_NAMES = [
  'OpenAPI', 'API', 'JSON', 'CSV', 'XLSX', 'ODS', 'DOCX', 'ODT', 'PDF', 'PNG', 'JPEG', 'GIF', 'WebP', 'SVG', 'ZIP', 'URL', 'HTTP', 'HTTPS',
  'ISO', 'UTC', 'WCAG', 'TOTP', 'ISU', 'APMBC', 'IMAS', 'GICHD', 'UNMAS', 'ID', 'iCalendar', 'Excel', 'JavaScript',
  'm', 'm²', 'km', 'km²', 'ha', 'g', 'kg', 't', 'KB', 'MB',
];

/**
 * Words spelled the same in English and in another language, where the identical text is the
 * right translation (mostly French cognates). Explicit, per language, and reviewed: add a word
 * only when it is what a translator would write.
 */
const SAME_WORDS: Record<string, string[]> = {
  fr: [
    'Action', 'Actions', 'Invitation', 'Invitations', 'Programme', 'Programmes', 'Dimensions', 'Public', 'Version', 'Versions', 'Question', 'Questions',
    'Europe', 'ratification', 'succession', 'accession', 'Signature', 'Code', 'Total', 'Description', 'Notes', 'Type', 'Types', 'Date', 'Message', 'Messages',
    'Codes', 'Article', 'Articles', 'Section', 'Sections', 'Formats', 'Format', 'Observations', 'Support', 'Contact', 'Contacts', 'Transparence', 'Information', 'Instructions', 'Options', 'Statut', 'Documents', 'Document', 'Communication', 'Initial', 'Position', 'Organisation', 'Commentaires', 'Session', 'Sessions', 'Agenda', 'Profil', 'Destruction', 'Cooperation', 'Assistance', 'Direction', 'Conclusion', 'Distribution', 'Surface', 'Restrictions', 'Restriction', 'Zone', 'Zones', 'Total', 'Source', 'Sources', 'Population', 'Compilation', 'Validation', 'Audit', 'Questionnaire', 'Questionnaires', 'Plan', 'Plans', 'Introduction',
  ],
  es: ['No', 'Error', 'demo', 'Total', 'Sector', 'General', 'Final', 'Normal', 'Personal', 'Regional', 'Global', 'Local', 'Base', 'Plan', 'Social', 'Principal'],
  ru: [],
  zh: [],
  ar: [],
};
/**
 * Error-code namespaces an area owns besides its own name: the entities of the area whose codes
 * are part of the public API (e.g. `report.not_editable`, `form.conflict`).
 */
const AREA_ERROR_CODES: Record<string, string[]> = { reporting: ['report', 'form'] };

type Ast = ReturnType<IntlMessageFormat['getAst']>;
type AstNode = Ast[number];

interface ArgInfo {
  kind: 'simple' | 'number' | 'date' | 'time' | 'select' | 'plural' | 'selectordinal' | 'tag';
  options?: string[];
}

/** Arguments of a message by name, with their kind (and the option keys of select/plural). */
function argumentsOf(ast: Ast, out = new Map<string, ArgInfo>()): Map<string, ArgInfo> {
  for (const node of ast as AstNode[]) {
    const n = node as unknown as { type: number; value: string; options?: Record<string, { value: Ast }>; pluralType?: string; children?: Ast };
    switch (n.type) {
      case 1:
        if (!out.has(n.value)) out.set(n.value, { kind: 'simple' });
        break;
      case 2:
        out.set(n.value, { kind: 'number' });
        break;
      case 3:
        out.set(n.value, { kind: 'date' });
        break;
      case 4:
        out.set(n.value, { kind: 'time' });
        break;
      case 5:
      case 6: {
        const kind = n.type === 5 ? 'select' : n.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
        out.set(n.value, { kind, options: Object.keys(n.options ?? {}) });
        for (const o of Object.values(n.options ?? {})) argumentsOf(o.value, out);
        break;
      }
      case 8:
        argumentsOf(n.children ?? [], out);
        break;
      default:
    }
  }
  return out;
}

/** The literal text of a message (outside arguments), for the "still in English" check. */
function literalText(ast: Ast): string {
  return (ast as AstNode[])
    .map((node) => {
      const n = node as unknown as { type: number; value: string; options?: Record<string, { value: Ast }>; children?: Ast };
      if (n.type === 0) return n.value;
      if (n.type === 5 || n.type === 6) return Object.values(n.options ?? {}).map((o) => literalText(o.value)).join(' ');
      if (n.type === 8) return literalText(n.children ?? []);
      return ' ';
    })
    .join('');
}

function parse(locale: string, key: string): IntlMessageFormat {
  return new IntlMessageFormat(byLocale[locale]![key]!, intlTag(locale), undefined, { ignoreTag: true });
}

const PLURAL_SAMPLES = [0, 1, 2, 3, 5, 11, 21, 100, 1.5];
const CLDR_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** Sample value sets that visit every plural and select branch at least once. */
function sampleValues(args: Map<string, ArgInfo>): Record<string, unknown>[] {
  const sets: Record<string, unknown>[] = [];
  const base: Record<string, unknown> = {};
  for (const [name, info] of args) {
    if (info.kind === 'number' || info.kind === 'plural' || info.kind === 'selectordinal') base[name] = 1234.5;
    else if (info.kind === 'date' || info.kind === 'time') base[name] = new Date(Date.UTC(2026, 3, 30, 9, 15));
    else if (info.kind === 'select') base[name] = info.options?.find((o) => o !== 'other') ?? 'other';
    else base[name] = 'Sample';
  }
  sets.push(base);
  for (const [name, info] of args) {
    if (info.kind === 'plural' || info.kind === 'selectordinal') for (const n of PLURAL_SAMPLES) sets.push({ ...base, [name]: n });
    if (info.kind === 'select') for (const o of info.options ?? []) sets.push({ ...base, [name]: o === 'other' ? 'something-else' : o });
  }
  return sets;
}

describe('message catalogues', () => {
  it('has English messages', () => {
    expect(Object.keys(en).length).toBeGreaterThan(50);
  });

  it.each(OTHERS)('%s has every English key, and no key English lacks', (locale) => {
    const cat = byLocale[locale]!;
    const missing = Object.keys(en)
      .filter((k) => cat[k] === undefined)
      .map((k) => `${k}  (${relative(SRC, sources[k]!)}/${locale}.json)`);
    const extra = Object.keys(cat).filter((k) => en[k] === undefined);
    expect(missing, `keys missing in ${locale}`).toEqual([]);
    expect(extra, `keys in ${locale} that English does not have`).toEqual([]);
  });

  it.each(LOCALES)('every %s message is valid ICU, formats with sample values and uses the arguments English uses', (locale) => {
    const problems: string[] = [];
    const categories = new Set(new Intl.PluralRules(intlTag(locale)).resolvedOptions().pluralCategories as string[]);
    for (const key of Object.keys(byLocale[locale]!)) {
      let mf: IntlMessageFormat;
      try {
        mf = parse(locale, key);
      } catch (e) {
        problems.push(`${key}: not valid ICU (${(e as Error).message})`);
        continue;
      }
      const args = argumentsOf(mf.getAst());
      if (locale !== 'en' && en[key] !== undefined) {
        const enArgs = [...argumentsOf(parse('en', key).getAst()).keys()].sort();
        const mine = [...args.keys()].sort();
        if (enArgs.join(',') !== mine.join(',')) problems.push(`${key}: arguments {${mine.join(', ')}} differ from English {${enArgs.join(', ')}}`);
      }
      for (const [name, info] of args) {
        if ((info.kind === 'plural' || info.kind === 'select' || info.kind === 'selectordinal') && !info.options?.includes('other')) problems.push(`${key}: {${name}} has no "other" branch`);
        if (info.kind === 'plural') {
          const keys = (info.options ?? []).filter((o) => !o.startsWith('='));
          const unknown = keys.filter((o) => !CLDR_CATEGORIES.includes(o));
          if (unknown.length) problems.push(`${key}: {${name}} has branches ${unknown.join(', ')} that are not plural categories`);
          // Arabic and Russian need every form for ordinary counts; elsewhere "one" where the language has it.
          const needed = locale === 'ar' || locale === 'ru' ? [...categories] : categories.has('one') ? ['one', 'other'] : ['other'];
          const absent = needed.filter((c) => !keys.includes(c) && !(c === 'one' && info.options?.includes('=1')) && !(c === 'zero' && info.options?.includes('=0')));
          if (absent.length) problems.push(`${key}: {${name}} lacks the ${locale} plural forms ${absent.join(', ')}`);
        }
      }
      for (const values of sampleValues(args)) {
        try {
          const out = String(mf.format(values as Record<string, string>));
          if (/\{[A-Za-z_][\w]*\}/.test(out)) problems.push(`${key}: an argument was left unformatted: ${out}`);
        } catch (e) {
          problems.push(`${key}: does not format with ${JSON.stringify(values)} (${(e as Error).message})`);
          break;
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(OTHERS)('no %s message is left in English (except names, codes and words spelled alike)', (locale) => {
    const cat = byLocale[locale]!;
    const allowed = new Set([...PROPER_NAMES, ...(SAME_WORDS[locale] ?? [])].map((w) => w.toLowerCase()));
    const untranslated: string[] = [];
    for (const [key, value] of Object.entries(cat)) {
      if (en[key] === undefined || value !== en[key]) continue;
      let literal: string;
      try {
        literal = literalText(parse(locale, key).getAst());
      } catch {
        continue; // reported by the ICU test
      }
      const words = literal.match(/[\p{L}\p{M}²³'’-]+/gu) ?? [];
      if (words.every((w) => allowed.has(w.toLowerCase()))) continue;
      untranslated.push(`${key}: "${value}"`);
    }
    expect(untranslated, `${locale} messages identical to English`).toEqual([]);
  });

  it('keeps each key in the catalogue of the area or module its prefix names', () => {
    const misplaced: string[] = [];
    for (const key of Object.keys(sources)) {
      const dir = relative(SRC, sources[key]!).split(sep);
      const [first, second] = key.split('.');
      if (dir[0] === 'areas') {
        const area = dir[1]!;
        const ok = first === area || (first === 'errors' && (second === area || (AREA_ERROR_CODES[area] ?? []).includes(second ?? '')));
        if (!ok) misplaced.push(`${key} in src/${dir.join('/')}: area catalogues hold ${area}.* and errors.${area}.*`);
      } else if (dir[0] === 'platform' && dir[1] === 'views') {
        const ok = first === 'common' || (first === 'errors' && !AREAS.includes(second ?? ''));
        if (!ok) misplaced.push(`${key} in src/${dir.join('/')}: the shared catalogue holds common.* and errors.* not named after an area`);
      } else if (dir[0] === 'platform') {
        // Other platform modules (forms, files…) own <module>.* and errors.<module>.* (singular or plural).
        const module = dir[1]!;
        const names = [module, module.replace(/s$/, '')];
        const ok = names.includes(first ?? '') || (first === 'errors' && names.includes(second ?? ''));
        if (!ok) misplaced.push(`${key} in src/${dir.join('/')}: platform/${module} catalogues hold ${module}.* and errors.${module}.*`);
      } else {
        misplaced.push(`${key} in src/${dir.join('/')}: catalogues live in src/areas/<area>/…/messages or src/platform/<module>/messages`);
      }
    }
    expect(misplaced).toEqual([]);
  });
});
