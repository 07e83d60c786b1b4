/** The texts of the e-mails this area sends, written in the recipient's language. */
import type { Translator } from '../../platform/i18n/messages.ts';
import type { EmailInput } from '../../platform/mail/outbox.ts';

export function invitationEmail(
  tr: Translator,
  m: { to: string; name: string; inviterName: string; role: string; link: string; expiresAt: Date },
): EmailInput {
  const values = {
    name: m.name,
    inviter: m.inviterName,
    role: tr.t(`accounts.roles.${m.role}`),
    link: m.link,
    expires: tr.formatDateTime(m.expiresAt),
    platform: tr.t('common.platform_name'),
  };
  return {
    to: m.to,
    toName: m.name,
    locale: tr.locale,
    kind: 'invitation',
    subject: tr.t('accounts.email.invitation.subject', values),
    text: tr.t('accounts.email.invitation.body', values),
  };
}

export function passwordResetEmail(tr: Translator, m: { to: string; name: string; link: string; expiresAt: Date }): EmailInput {
  const values = { name: m.name, link: m.link, expires: tr.formatDateTime(m.expiresAt), platform: tr.t('common.platform_name') };
  return {
    to: m.to,
    toName: m.name,
    locale: tr.locale,
    kind: 'password_reset',
    subject: tr.t('accounts.email.reset.subject', values),
    text: tr.t('accounts.email.reset.body', values),
  };
}
