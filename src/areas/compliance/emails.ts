/** The reminder e-mail, written in the recipient's language. */
import type { Translator } from '../../platform/i18n/messages.ts';
import type { EmailInput } from '../../platform/mail/outbox.ts';
import type { Contact } from '../accounts/index.ts';
import { stateName, type IsoDate, type LocalizedText } from '../states/index.ts';
import { daysBetween, type DueReminder } from './compliance.ts';

export function reminderEmail(
  tr: Translator,
  m: { reminder: DueReminder; state: { names: LocalizedText }; contact: Contact; today: IsoDate; baseUrl: string },
): EmailInput {
  const { reminder } = m;
  const days = daysBetween(m.today, reminder.dueDate);
  const phase = days > 0 ? 'before' : days === 0 ? 'today' : 'after';
  const values = {
    name: m.contact.name,
    state: stateName(m.state, tr.locale),
    kind: reminder.kind,
    year: String(reminder.year),
    due: tr.formatDate(reminder.dueDate),
    days: Math.abs(days),
    link: `${m.baseUrl}/${tr.locale}/my`,
    platform: tr.t('common.platform_name'),
  };
  return {
    to: m.contact.email,
    toName: m.contact.name,
    locale: tr.locale,
    kind: 'reminder',
    subject: tr.t(`compliance.email.${phase}.subject`, values),
    text: tr.t(`compliance.email.${phase}.body`, values),
  };
}
