/** Small shared pieces of the States pages: status tags, option lists, the reporting language name. */
import { Tag } from '../../../platform/views/components.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { intlTag } from '../../../platform/i18n/locales.ts';
import type { Translator } from '../../../platform/i18n/messages.ts';
import {
  ARTICLE5_STANDINGS,
  ARTICLE5_STATUSES,
  CONSENT_TYPES,
  MEMBERSHIP_STATUSES,
  REGIONS,
  REPORTING_LANGUAGES,
  type Article5Status,
  type MembershipStatus,
} from '../membership.ts';

type Tone = 'grey' | 'blue' | 'green' | 'red' | 'yellow' | 'purple';

const STATUS_TONE: Record<MembershipStatus, Tone> = {
  party: 'green',
  withdrawing: 'yellow',
  suspension_notified: 'yellow',
  not_yet_in_force: 'blue',
  signatory_not_party: 'grey',
  withdrawn: 'red',
};

const ARTICLE5_TONE: Record<Article5Status, Tone> = {
  original: 'blue',
  extended: 'purple',
  requested: 'yellow',
  completed: 'green',
  expired: 'red',
};

export function StatusTag({ status }: { status: MembershipStatus }) {
  const { t } = usePage();
  return <Tag tone={STATUS_TONE[status]}>{t(`states.status.${status}`)}</Tag>;
}

export function Article5Tag({ status }: { status: Article5Status }) {
  const { t } = usePage();
  return <Tag tone={ARTICLE5_TONE[status]}>{t(`states.article5_status.${status}`)}</Tag>;
}

export const regionOptions = (t: Translator['t']) => REGIONS.map((r) => ({ value: r, label: t(`states.region.${r}`) }));
export const statusOptions = (t: Translator['t']) => MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`states.status.${s}`) }));
export const standingOptions = (t: Translator['t']) => ARTICLE5_STANDINGS.map((s) => ({ value: s, label: t(`states.article5_standing.${s}`) }));
export const article5StatusOptions = (t: Translator['t']) => ARTICLE5_STATUSES.map((s) => ({ value: s, label: t(`states.article5_status.${s}`) }));
export const consentTypeOptions = (t: Translator['t']) => CONSENT_TYPES.map((c) => ({ value: c, label: t(`states.consent.${c}`) }));

/** Names of the six official languages in the page's language. */
export function languageOptions(locale: string) {
  const names = new Intl.DisplayNames([intlTag(locale)], { type: 'language' });
  return REPORTING_LANGUAGES.map((l) => ({ value: l, label: names.of(l) ?? l }));
}

export function languageName(code: string, locale: string): string {
  return new Intl.DisplayNames([intlTag(locale)], { type: 'language' }).of(code) ?? code;
}
