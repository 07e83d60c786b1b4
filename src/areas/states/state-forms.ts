/**
 * Zod schemas of the States forms. Messages are message keys (translated by parseForm). Dates come
 * from `<input type="date">` as `YYYY-MM-DD`; Arabic-Indic digits typed by hand are accepted too.
 */
import * as z from 'zod';
import { optionalText, requiredText } from '../../platform/http/forms.ts';
import { normaliseDigits } from '../../platform/i18n/digits.ts';
import {
  ARTICLE5_STATUSES,
  CONSENT_TYPES,
  REGIONS,
  REPORTING_LANGUAGES,
  checkMembershipDates,
  eifFromDeposit,
  isIsoDate,
  type MembershipDates,
} from './membership.ts';

const cleanDate = (v: unknown) => (typeof v === 'string' ? normaliseDigits(v).trim() : v);

/** An optional date: empty becomes null. */
export const optionalDate = z.preprocess(
  (v) => {
    const s = cleanDate(v);
    return s === '' || s === undefined ? null : s;
  },
  z
    .string({ error: 'states.form.date_invalid' })
    .refine((s) => isIsoDate(s), { error: 'states.form.date_invalid' })
    .nullable(),
);

export const requiredDate = z.preprocess(
  cleanDate,
  z
    .string({ error: 'states.form.date_required' })
    .min(1, { error: 'states.form.date_required' })
    .refine((s) => isIsoDate(s), { error: 'states.form.date_invalid' }),
);

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());

export const article5FormSchema = z.object({
  deadline: requiredDate,
  status: z.enum(ARTICLE5_STATUSES, { error: 'states.form.choose' }),
  note: optionalText(1000, { multiline: true }),
  toVerify: checkbox,
});
export type Article5Form = z.output<typeof article5FormSchema>;

/** Adds an issue on the field for every ordering rule the dates break. */
function orderingRules<T extends MembershipDates>(value: T, ctx: z.RefinementCtx<T>) {
  for (const v of checkMembershipDates(value)) ctx.addIssue({ code: 'custom', path: [v.field], message: v.code });
}

const membershipFields = {
  signatureDate: optionalDate,
  consentType: z.enum(CONSENT_TYPES, { error: 'states.form.choose' }),
  consentDate: requiredDate,
  /** Empty: computed from the consent date. */
  eifDate: optionalDate,
  note: optionalText(1000, { multiline: true }).transform((v) => v ?? null),
};

export const membershipFormSchema = z
  .object({
    version: z.coerce.number({ error: 'states.form.version_invalid' }).int().min(1).max(2_147_483_647),
    ...membershipFields,
    withdrawalNotifiedDate: optionalDate,
    withdrawalEffectiveDate: optionalDate,
    suspensionNotifiedDate: optionalDate,
  })
  .transform((v) => ({ ...v, eifDate: v.eifDate ?? eifFromDeposit(v.consentDate) }))
  .superRefine(orderingRules);
export type MembershipForm = z.output<typeof membershipFormSchema>;

const name = requiredText(200, 'states.new.name_required');

export const newStateFormSchema = z
  .object({
    iso2: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
      z.string({ error: 'states.new.iso2_invalid' }).regex(/^[A-Z]{2}$/, { error: 'states.new.iso2_invalid' }),
    ),
    iso3: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
      z.string({ error: 'states.new.iso3_invalid' }).regex(/^[A-Z]{3}$/, { error: 'states.new.iso3_invalid' }),
    ),
    nameAr: name,
    nameZh: name,
    nameEn: name,
    nameFr: name,
    nameRu: name,
    nameEs: name,
    region: z.enum(REGIONS, { error: 'states.form.choose' }),
    reportingLanguage: z.enum(REPORTING_LANGUAGES, { error: 'states.form.choose' }),
    ...membershipFields,
  })
  .transform((v) => ({
    ...v,
    eifDate: v.eifDate ?? eifFromDeposit(v.consentDate),
    withdrawalNotifiedDate: null,
    withdrawalEffectiveDate: null,
    suspensionNotifiedDate: null,
  }))
  .superRefine(orderingRules);
export type NewStateForm = z.output<typeof newStateFormSchema>;
