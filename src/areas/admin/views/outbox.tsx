import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateTimeText, ErrorSummary, NotificationBanner, Pagination, PostForm, SelectField, SummaryList, Table, Tag, UserText } from '../../../platform/views/components.tsx';
import { LANGUAGE_NAMES, isLocale } from '../../../platform/i18n/locales.ts';
import { OUTBOX_STATUSES, type OutboxEmail, type OutboxStatus } from '../../../platform/mail/outbox-repository.ts';

const TONE: Record<OutboxStatus, 'grey' | 'blue' | 'green' | 'red' | 'yellow' | 'purple'> = {
  queued: 'blue',
  sending: 'yellow',
  sent: 'green',
  failed: 'red',
  stored: 'purple',
};

export function StatusTag({ status }: { status: OutboxStatus }) {
  const { t } = usePage();
  return <Tag tone={TONE[status]}>{t(`admin.outbox.status.${status}`)}</Tag>;
}

function Language({ code }: { code: string }) {
  return isLocale(code) ? <span lang={code}>{LANGUAGE_NAMES[code]}</span> : <code dir="ltr">{code}</code>;
}

function Recipient({ email }: { email: Pick<OutboxEmail, 'toAddress' | 'toName'> }) {
  return email.toName ? (
    <>
      <UserText>{email.toName}</UserText> <span class="muted" dir="ltr">&lt;{email.toAddress}&gt;</span>
    </>
  ) : (
    <bdi>{email.toAddress}</bdi>
  );
}

export interface OutboxPageProps {
  rows: OutboxEmail[];
  kinds: string[];
  counts: Record<string, number>;
  status?: string | undefined;
  kind?: string | undefined;
  errors?: Record<string, string> | undefined;
  prevHref?: string | undefined;
  nextHref?: string | undefined;
}

export function OutboxPage({ rows, kinds, counts, status, kind, errors, prevHref, nextHref }: OutboxPageProps) {
  const { t, locale, tr } = usePage();
  const base = `/${locale}/admin/outbox`;
  return (
    <Layout title={t('admin.outbox.title')} wide>
      {errors && Object.keys(errors).length ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('admin.outbox.title')}</h1>
      <p class="lead">{t('admin.outbox.lead')}</p>
      <h2 class="visually-hidden">{t('admin.outbox.counts')}</h2>
      <p class="button-group">
        {OUTBOX_STATUSES.map((s) => (
          <a href={`${base}?status=${s}`} key={s}>
            <StatusTag status={s} /> {tr.formatNumber(counts[s] ?? 0)}
          </a>
        ))}
      </p>
      <form method="get" action={base} class="filters" role="search" aria-label={t('admin.outbox.filters')}>
        <SelectField
          name="status"
          label={t('admin.outbox.filter.status')}
          value={status}
          placeholder={t('admin.outbox.filter.any')}
          error={errors?.status}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`admin.outbox.status.${s}`) }))}
        />
        <SelectField
          name="kind"
          label={t('admin.outbox.filter.kind')}
          value={kind}
          placeholder={t('admin.outbox.filter.any')}
          error={errors?.kind}
          options={kinds.map((k) => ({ value: k, label: k }))}
        />
        <Button variant="secondary">{t('common.actions.filter')}</Button>
      </form>
      <Table<OutboxEmail>
        caption={t('admin.outbox.caption')}
        empty={t('admin.outbox.empty')}
        rows={rows}
        columns={[
          { header: t('admin.outbox.col.created'), cell: (r) => <DateTimeText value={r.createdAt} /> },
          { header: t('admin.outbox.col.to'), cell: (r) => <Recipient email={r} /> },
          {
            header: t('admin.outbox.col.subject'),
            cell: (r) => (
              <a href={`${base}/${r.id}`} dir="auto">
                {r.subject}
              </a>
            ),
          },
          { header: t('admin.outbox.col.kind'), cell: (r) => <code dir="ltr">{r.kind}</code> },
          { header: t('admin.outbox.col.language'), cell: (r) => <Language code={r.locale} /> },
          { header: t('admin.outbox.col.status'), cell: (r) => <StatusTag status={r.status} /> },
          { header: t('admin.outbox.col.attempts'), numeric: true, cell: (r) => tr.formatNumber(r.attempts) },
          { header: t('admin.outbox.col.sent'), cell: (r) => <DateTimeText value={r.sentAt} /> },
          {
            header: t('admin.outbox.col.last_error'),
            cell: (r) => (r.lastError ? <span dir="auto">{r.lastError.length > 160 ? `${r.lastError.slice(0, 160)}…` : r.lastError}</span> : <span class="muted">—</span>),
          },
        ]}
      />
      <Pagination prevHref={prevHref} nextHref={nextHref} />
    </Layout>
  );
}

export function OutboxEmailPage({ email, retried, canRetry }: { email: OutboxEmail; retried: boolean; canRetry: boolean }) {
  const { t, locale, tr } = usePage();
  const base = `/${locale}/admin/outbox`;
  return (
    <Layout
      title={t('admin.outbox.email.title')}
      before={
        <Breadcrumbs
          items={[
            { href: `/${locale}/`, label: t('admin.breadcrumbs.home') },
            { href: base, label: t('admin.outbox.title') },
            { label: t('admin.outbox.email.title') },
          ]}
        />
      }
    >
      {retried ? (
        <NotificationBanner kind="success">
          <p>{t('admin.outbox.email.retried')}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        {t('admin.outbox.email.title')}: <span dir="auto">{email.subject}</span>
      </h1>
      <SummaryList
        rows={[
          { key: t('admin.outbox.col.to'), value: <Recipient email={email} /> },
          { key: t('admin.outbox.col.subject'), value: <span dir="auto">{email.subject}</span> },
          { key: t('admin.outbox.col.kind'), value: <code dir="ltr">{email.kind}</code> },
          { key: t('admin.outbox.col.language'), value: <Language code={email.locale} /> },
          { key: t('admin.outbox.col.status'), value: <StatusTag status={email.status} /> },
          { key: t('admin.outbox.col.attempts'), value: tr.formatNumber(email.attempts) },
          { key: t('admin.outbox.col.created'), value: <DateTimeText value={email.createdAt} /> },
          { key: t('admin.outbox.email.next_attempt'), value: email.status === 'queued' ? <DateTimeText value={email.nextAttemptAt} /> : <span class="muted">—</span> },
          { key: t('admin.outbox.col.sent'), value: <DateTimeText value={email.sentAt} /> },
          { key: t('admin.outbox.col.last_error'), value: email.lastError ? <span dir="auto">{email.lastError}</span> : <span class="muted">—</span> },
          { key: t('admin.outbox.email.html'), value: email.htmlBody ? t('common.yes') : t('common.no') },
        ]}
      />
      {canRetry ? (
        <PostForm action={`${base}/${email.id}/retry`}>
          <p>{t('admin.outbox.email.retry_hint')}</p>
          <Button>{t('admin.outbox.email.retry')}</Button>
        </PostForm>
      ) : null}
      <h2>{t('admin.outbox.email.body')}</h2>
      <pre class="email-body" dir="auto">
        {email.textBody}
      </pre>
    </Layout>
  );
}
