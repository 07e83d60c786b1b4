/** ISU's page for the reminder schedule: its steps, adding one, turning one off, running the reminders now. */
import { Layout } from '../../../platform/views/layout.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { Breadcrumbs, Button, DateTimeText, ErrorSummary, NotificationBanner, PostForm, Table, Tag, TextField, UserText } from '../../../platform/views/components.tsx';
import type { ReminderRuleRow } from '../compliance-repository.ts';
import type { ReminderRunResult } from '../reminders-commands.ts';

export interface RecentReminder {
  id: string;
  createdAt: Date;
  toAddress: string;
  toName: string | null;
  subject: string;
  status: string;
}

export type RulesFlash = 'added' | 'enabled' | 'disabled' | 'deleted';

export interface RemindersPageProps {
  rules: ReminderRuleRow[];
  recent: RecentReminder[];
  flash?: RulesFlash | undefined;
  ran?: Pick<ReminderRunResult, 'due' | 'queued' | 'alreadyQueued'> | undefined;
  values?: { offsetDays?: string } | undefined;
  errors?: Record<string, string> | undefined;
  canViewOutbox: boolean;
}

/** "60 days before the due date", "on the due date", "7 days after the due date". */
export function offsetText(t: (key: string, values?: Record<string, string | number>) => string, offset: number): string {
  if (offset === 0) return t('compliance.reminders.offset_on');
  return offset < 0 ? t('compliance.reminders.offset_before', { days: -offset }) : t('compliance.reminders.offset_after', { days: offset });
}

export function RemindersPage({ rules, recent, flash, ran, values, errors, canViewOutbox }: RemindersPageProps) {
  const { t, locale } = usePage();
  const base = `/${locale}/admin/reminders`;
  const title = t('compliance.reminders.title');
  return (
    <Layout
      title={title}
      wide
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('compliance.breadcrumb.home') },
            { href: `/${locale}/workspace/compliance`, label: t('compliance.nav.compliance') },
            { label: title },
          ]}
        />
      }
    >
      {errors && Object.keys(errors).length ? <ErrorSummary errors={errors} /> : null}
      {flash ? (
        <NotificationBanner kind="success">
          <p>{t(`compliance.reminders.flash.${flash}`)}</p>
        </NotificationBanner>
      ) : null}
      {ran ? (
        <NotificationBanner kind="success">
          <p>{t('compliance.reminders.ran', { due: ran.due, queued: ran.queued, already: ran.alreadyQueued })}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{t('compliance.reminders.lead')}</p>

      <Table
        caption={t('compliance.reminders.caption')}
        rows={rules}
        empty={t('compliance.reminders.none')}
        columns={[
          { header: t('compliance.reminders.col_when'), cell: (r) => offsetText(t, r.offsetDays) },
          { header: t('compliance.reminders.col_status'), cell: (r) => (r.enabled ? <Tag tone="green">{t('compliance.reminders.on')}</Tag> : <Tag tone="grey">{t('compliance.reminders.off')}</Tag>) },
          { header: t('compliance.reminders.col_changed'), cell: (r) => <DateTimeText value={r.updatedAt} /> },
          {
            header: t('compliance.reminders.col_actions'),
            cell: (r) => (
              <span class="button-group">
                <PostForm action={`${base}/${r.id}/${r.enabled ? 'disable' : 'enable'}`} inline>
                  <Button variant="secondary">
                    {r.enabled ? t('compliance.reminders.turn_off') : t('compliance.reminders.turn_on')}
                    <span class="visually-hidden"> ({offsetText(t, r.offsetDays)})</span>
                  </Button>
                </PostForm>
                <PostForm action={`${base}/${r.id}/delete`} inline>
                  <Button variant="warning">
                    {t('compliance.reminders.delete')}
                    <span class="visually-hidden"> ({offsetText(t, r.offsetDays)})</span>
                  </Button>
                </PostForm>
              </span>
            ),
          },
        ]}
      />

      <h2 id="add-rule-title">{t('compliance.reminders.add_title')}</h2>
      <PostForm action={base}>
        <TextField
          name="offsetDays"
          label={t('compliance.reminders.offset_label')}
          hint={t('compliance.reminders.offset_hint')}
          value={values?.offsetDays}
          error={errors?.offsetDays}
          width="short"
          attrs={{ inputmode: 'text', spellcheck: false, maxLength: 8 }}
        />
        <Button>{t('compliance.reminders.add')}</Button>
      </PostForm>

      <h2>{t('compliance.reminders.run_title')}</h2>
      <p>{t('compliance.reminders.run_lead')}</p>
      <PostForm action={`${base}/run`}>
        <Button variant="secondary">{t('compliance.reminders.run')}</Button>
      </PostForm>

      <Table
        caption={t('compliance.reminders.recent_caption')}
        rows={recent}
        empty={t('compliance.reminders.recent_none')}
        columns={[
          { header: t('compliance.reminders.col_queued'), cell: (r) => <DateTimeText value={r.createdAt} /> },
          {
            header: t('compliance.reminders.col_to'),
            cell: (r) => (r.toName ? <UserText>{r.toName}</UserText> : <bdi>{r.toAddress}</bdi>),
          },
          { header: t('compliance.reminders.col_subject'), cell: (r) => (canViewOutbox ? <a href={`/${locale}/admin/outbox/${r.id}`}><UserText>{r.subject}</UserText></a> : <UserText>{r.subject}</UserText>) },
          { header: t('compliance.reminders.col_delivery'), cell: (r) => t(`compliance.reminders.delivery.${r.status}`) },
        ]}
      />
      {canViewOutbox ? (
        <p>
          <a href={`/${locale}/admin/outbox?kind=reminder`}>{t('compliance.reminders.outbox_link')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
