/**
 * Zod schemas of the plan editing forms. Texts in the six languages are posted as flat fields
 * `<name>.<locale>` (e.g. `title.ar`) and come out as one LocalizedText. English is required for
 * titles (it is what other languages fall back to); a language left empty is shown as missing in
 * the translation status. Messages are message keys, translated by parseForm.
 */
import * as z from 'zod';
import { userText } from '../../platform/http/forms.ts';
import { normaliseDigits } from '../../platform/i18n/digits.ts';
import { MAX_ACTION_NUMBER, MEASURES, SECTION_NUMBER, TEXT_LOCALES, THEMES, type LocalizedText } from './plans.ts';

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 2000;

const cleanDigits = (v: unknown) => (typeof v === 'string' ? normaliseDigits(v).trim() : v);

/** One language of a text: cleaned, possibly empty. */
const oneText = (max: number, multiline: boolean) =>
  z.preprocess((v) => (v === undefined || v === null ? '' : typeof v === 'string' ? userText(v, { multiline }) : v), z.string({ error: 'plans.form.text_invalid' }).max(max, { error: 'plans.form.too_long' }));

/** The six fields of a text, `<name>.<locale>`. */
function localizedShape(name: string, opts: { max: number; multiline?: boolean; requireEnglish?: string }) {
  const shape: Record<string, z.ZodType> = {};
  for (const l of TEXT_LOCALES) {
    const base = oneText(opts.max, opts.multiline ?? false);
    shape[`${name}.${l}`] = l === 'en' && opts.requireEnglish ? base.pipe(z.string().min(1, { error: opts.requireEnglish })) : base;
  }
  return shape;
}

/** The LocalizedText from a parsed form's `<name>.<locale>` fields. */
export function localizedFrom(data: Record<string, unknown>, name: string): LocalizedText {
  return Object.fromEntries(TEXT_LOCALES.map((l) => [l, String(data[`${name}.${l}`] ?? '')])) as LocalizedText;
}

/** Null when no language has text (an optional text left out). */
export function optionalLocalizedFrom(data: Record<string, unknown>, name: string): LocalizedText | null {
  const t = localizedFrom(data, name);
  return TEXT_LOCALES.some((l) => t[l] !== '') ? t : null;
}

/** The form values of a LocalizedText, for showing it in the editing form. */
export function localizedValues(name: string, text: LocalizedText | null | undefined): Record<string, string> {
  return Object.fromEntries(TEXT_LOCALES.map((l) => [`${name}.${l}`, text?.[l] ?? '']));
}

const version = z.preprocess(cleanDigits, z.coerce.number({ error: 'plans.form.version_invalid' }).int({ error: 'plans.form.version_invalid' }).min(0, { error: 'plans.form.version_invalid' }).max(2_000_000_000, { error: 'plans.form.version_invalid' }));

const year = (requiredKey: string) =>
  z.preprocess(
    cleanDigits,
    z
      .string({ error: requiredKey })
      .min(1, { error: requiredKey })
      .regex(/^\d{4}$/, { error: 'plans.form.year_invalid' })
      .transform(Number)
      .pipe(z.number().min(1997, { error: 'plans.form.year_invalid' }).max(2100, { error: 'plans.form.year_invalid' })),
  );

const optionalDate = z.preprocess(
  (v) => {
    const s = cleanDigits(v);
    return s === '' || s === undefined ? null : s;
  },
  z
    .string({ error: 'plans.form.date_invalid' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'plans.form.date_invalid' })
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1997-01-01' && s <= '2100-12-31';
    }, { error: 'plans.form.date_invalid' })
    .nullable(),
);

export const planFormSchema = z
  .object({
    version,
    ...localizedShape('title', { max: TITLE_MAX, requireEnglish: 'plans.form.title_required' }),
    ...localizedShape('adoptedAt', { max: TITLE_MAX }),
    adoptedOn: optionalDate,
    periodStart: year('plans.form.year_required'),
    periodEnd: year('plans.form.year_required'),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { path: ['periodEnd'], error: 'plans.form.period_order' });

const sectionNumber = z.preprocess(cleanDigits, z.string({ error: 'plans.form.section_number_required' }).min(1, { error: 'plans.form.section_number_required' }).regex(SECTION_NUMBER, { error: 'plans.form.section_number_invalid' }));

export const sectionFormSchema = z.object({
  number: sectionNumber,
  ...localizedShape('title', { max: TITLE_MAX, requireEnglish: 'plans.form.title_required' }),
});
export const sectionEditSchema = sectionFormSchema.extend({ version });

const themes = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(THEMES, { error: 'plans.form.theme_invalid' }), { error: 'plans.form.theme_invalid' }).max(THEMES.length * 2, { error: 'plans.form.theme_invalid' }),
);

const sectionId = z.string({ error: 'plans.form.section_required' }).min(1, { error: 'plans.form.section_required' }).max(80, { error: 'plans.form.section_required' });

const actionShape = {
  sectionId,
  ...localizedShape('title', { max: TITLE_MAX, requireEnglish: 'plans.form.title_required' }),
  ...localizedShape('summary', { max: SUMMARY_MAX, multiline: true }),
  themes,
};

export const actionEditSchema = z.object({ version, ...actionShape });
export const actionNewSchema = z.object({
  number: z.preprocess(
    cleanDigits,
    z
      .string({ error: 'plans.form.action_number_required' })
      .min(1, { error: 'plans.form.action_number_required' })
      .regex(/^\d{1,3}$/, { error: 'plans.form.action_number_invalid' })
      .transform(Number)
      .pipe(z.number().min(1, { error: 'plans.form.action_number_invalid' }).max(MAX_ACTION_NUMBER, { error: 'plans.form.action_number_invalid' })),
  ),
  ...actionShape,
});

const measure = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(MEASURES, { error: 'plans.form.measure_invalid' }).nullable());

export const indicatorNewSchema = z.object({
  ...localizedShape('title', { max: TITLE_MAX, requireEnglish: 'plans.form.title_required' }),
  measure,
});
export const indicatorEditSchema = indicatorNewSchema.extend({ version });

export const moveFormSchema = z.object({ version, direction: z.enum(['up', 'down'], { error: 'plans.form.direction_invalid' }) });
