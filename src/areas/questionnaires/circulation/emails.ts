/** The e-mails of circulation (invitation, new link, reminder), written in the invitee's language. */
import type { Translator } from '../../../platform/i18n/messages.ts';
import type { EmailInput } from '../../../platform/mail/outbox.ts';
import type { Texts } from '../content.ts';
import { answerPath } from '../respondents.ts';
import { lastDayOf } from './circulation.ts';

export type CirculationEmailKind = 'invitation' | 'new_link' | 'reminder';

/** A questionnaire's text in a language, or in its source language when not translated. */
export function textIn(texts: Texts, locale: string, sourceLocale: string): string {
  const own = texts[locale as keyof Texts]?.trim();
  if (own) return own;
  const source = texts[sourceLocale as keyof Texts]?.trim();
  if (source) return source;
  return Object.values(texts).find((v) => v?.trim())?.trim() ?? '';
}

export interface CirculationEmailInput {
  kind: CirculationEmailKind;
  invitee: { name: string; email: string; stateIso2: string | null };
  questionnaire: { title: Texts; sourceLocale: string; opensAt: Date | null; closesAt: Date | null };
  token: string;
  baseUrl: string;
  /** Whom the invitee may write to with questions. */
  contact?: { name: string; email: string } | undefined;
  /** The moment the e-mail is written (is the questionnaire open yet?). */
  now: Date;
}

export function circulationEmail(tr: Translator, m: CirculationEmailInput): Omit<EmailInput, 'dedupeKey'> {
  const t = tr.t;
  const title = textIn(m.questionnaire.title, tr.locale, m.questionnaire.sourceLocale);
  const link = `${m.baseUrl}${answerPath(tr.locale, m.token)}`;
  const platform = t('common.platform_name');
  const p = 'questionnaires.circulation.email';
  const parts = [
    t(`${p}.greeting`, { name: m.invitee.name }),
    t(`${p}.${m.kind}.intro`, { title, platform }),
  ];
  if (m.questionnaire.opensAt && m.questionnaire.opensAt > m.now) parts.push(t(`${p}.opens`, { date: tr.formatDate(m.questionnaire.opensAt) }));
  parts.push(t(`${p}.link`, { link }));
  parts.push(m.questionnaire.closesAt ? t(`${p}.closes`, { date: tr.formatDate(lastDayOf(m.questionnaire.closesAt)) }) : t(`${p}.no_closing`));
  parts.push(t(`${p}.languages`));
  if (m.invitee.stateIso2) parts.push(t(`${p}.shared`));
  parts.push(m.contact ? t(`${p}.contact`, { contactName: m.contact.name, contactEmail: m.contact.email }) : t(`${p}.contact_isu`));
  parts.push(t(`${p}.signoff`, { platform }));
  return {
    to: m.invitee.email,
    toName: m.invitee.name,
    locale: tr.locale,
    kind: m.kind === 'reminder' ? 'questionnaire_reminder' : 'questionnaire_invitation',
    subject: t(`${p}.${m.kind}.subject`, { title }),
    text: parts.join('\n\n'),
  };
}
