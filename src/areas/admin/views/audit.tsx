import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Button, DateTimeText, ErrorSummary, Table, TextField, UserText } from '../../../platform/views/components.tsx';
import type { AuditEventRow } from '../audit-queries.ts';

export interface AuditFilterValues {
  q?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_FILTER_FIELDS = ['q', 'action', 'entityType', 'entityId', 'actor', 'from', 'to'] as const;

/** The query string of a filter (empty fields left out), e.g. `?action=accounts.&actor=a%40b.org`. */
export function filterQuery(values: AuditFilterValues, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const k of AUDIT_FILTER_FIELDS) {
    const v = values[k];
    if (typeof v === 'string' && v !== '') params.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function compactJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function Scalar({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span class="muted">—</span>;
  if (typeof value === 'object') return <code dir="ltr">{compactJson(value)}</code>;
  return <UserText>{String(value)}</UserText>;
}

/** A summary as a definition list: top-level keys, before → after for changes, compact JSON below. */
export function AuditSummary({ summary }: { summary: unknown }) {
  if (!summary || typeof summary !== 'object' || Array.isArray(summary)) {
    return summary === null || summary === undefined ? <span class="muted">—</span> : <Scalar value={summary} />;
  }
  const entries = Object.entries(summary as Record<string, unknown>);
  if (entries.length === 0) return <span class="muted">—</span>;
  return (
    <dl class="audit-summary">
      {entries.slice(0, 20).map(([key, value]) => {
        const changes = key === 'changed' && value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
        return (
          <div key={key}>
            <dt>
              <code dir="ltr">{key}</code>
            </dt>
            <dd>
              {changes ? (
                <dl>
                  {Object.entries(changes).map(([field, change]) => {
                    const c = change as { before?: unknown; after?: unknown } | null;
                    const isPair = c && typeof c === 'object' && 'before' in c && 'after' in c;
                    return (
                      <div key={field}>
                        <dt>
                          <code dir="ltr">{field}</code>
                        </dt>
                        <dd>
                          {isPair ? (
                            <>
                              <Scalar value={c.before} /> → <Scalar value={c.after} />
                            </>
                          ) : (
                            <Scalar value={change} />
                          )}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              ) : (
                <Scalar value={value} />
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export interface AuditPageProps {
  values: AuditFilterValues;
  errors?: Record<string, string> | undefined;
  rows: AuditEventRow[];
  /** Link to older events (keyset), and back to the newest when not on the first page. */
  olderHref?: string | undefined;
  newestHref?: string | undefined;
}

export function AuditPage({ values, errors, rows, olderHref, newestHref }: AuditPageProps) {
  const { t, locale } = usePage();
  const base = `/${locale}/admin/audit`;
  const field = (name: keyof AuditFilterValues, label: string, hint?: string, type = 'text', width: 'short' | 'medium' | 'full' = 'medium') => (
    <TextField name={name} label={label} hint={hint} value={values[name]} error={errors?.[name]} type={type} width={width} attrs={{ spellcheck: false }} />
  );
  return (
    <Layout title={t('admin.audit.title')} wide>
      {errors && Object.keys(errors).length ? <ErrorSummary errors={errors} /> : null}
      <h1>{t('admin.audit.title')}</h1>
      <p class="lead">{t('admin.audit.lead')}</p>
      <form method="get" action={base} class="filters" role="search" aria-label={t('admin.audit.filters')}>
        {field('q', t('admin.audit.filter.q'), t('admin.audit.filter.q_hint'))}
        {field('action', t('admin.audit.filter.action'), t('admin.audit.filter.action_hint'))}
        {field('entityType', t('admin.audit.filter.entity_type'), undefined, 'text', 'short')}
        {field('entityId', t('admin.audit.filter.entity_id'))}
        {field('actor', t('admin.audit.filter.actor'), t('admin.audit.filter.actor_hint'))}
        {field('from', t('admin.audit.filter.from'), undefined, 'date', 'short')}
        {field('to', t('admin.audit.filter.to'), undefined, 'date', 'short')}
        <Button variant="secondary">{t('common.actions.filter')}</Button>
      </form>
      <p>
        <a href={`${base}.csv${filterQuery(values)}`} download>
          {t('admin.audit.download_csv')}
        </a>{' '}
        <span class="muted">{t('admin.audit.download_csv_hint')}</span>
      </p>
      <Table<AuditEventRow>
        caption={t('admin.audit.caption')}
        empty={t('admin.audit.empty')}
        rows={rows}
        columns={[
          { header: t('admin.audit.col.time'), cell: (r) => <DateTimeText value={r.at} /> },
          {
            header: t('admin.audit.col.actor'),
            cell: (r) =>
              r.actorUserId ? (
                <a href={`${base}${filterQuery({ actor: r.actorUserId })}`} title={t('admin.audit.filter_by_actor')}>
                  <UserText>{r.actorLabel}</UserText>
                </a>
              ) : (
                <UserText>{r.actorLabel}</UserText>
              ),
          },
          { header: t('admin.audit.col.action'), cell: (r) => <code dir="ltr">{r.action}</code> },
          {
            header: t('admin.audit.col.entity'),
            cell: (r) => (
              <>
                <code dir="ltr">{r.entityType}</code>
                {r.entityId ? (
                  <>
                    {' '}
                    <a href={`${base}${filterQuery({ entityType: r.entityType, entityId: r.entityId })}`}>
                      <bdi>{r.entityId}</bdi>
                    </a>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t('admin.audit.col.summary'), cell: (r) => <AuditSummary summary={r.summary} /> },
          { header: t('admin.audit.col.ip'), cell: (r) => (r.ip ? <bdi>{r.ip}</bdi> : <span class="muted">—</span>) },
          { header: t('admin.audit.col.request'), cell: (r) => (r.requestId ? <code dir="ltr">{r.requestId}</code> : <span class="muted">—</span>) },
        ]}
      />
      {olderHref || newestHref ? (
        <nav class="pagination" aria-label={t('common.pagination.label')}>
          <ul>
            {newestHref ? (
              <li class="pagination__prev">
                <a href={newestHref}>{t('admin.audit.newest')}</a>
              </li>
            ) : null}
            {olderHref ? (
              <li class="pagination__next">
                <a href={olderHref} rel="next">
                  {t('admin.audit.older')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}
