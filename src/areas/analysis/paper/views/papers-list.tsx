/** The observations papers by year: status, last change, link to each. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Breadcrumbs, DateTimeText, Table, Tag } from '../../../../platform/views/components.tsx';
import type { PaperListRow } from '../paper-queries.ts';

export function PapersListPage({ rows }: { rows: PaperListRow[] }) {
  const { t, locale } = usePage();
  const title = t('analysis.papers.title');
  return (
    <Layout title={title} before={<Breadcrumbs items={[{ href: `/${locale}/`, label: t('analysis.breadcrumbs.home') }, { label: title }]} />}>
      <h1>{title}</h1>
      <p class="lead">{t('analysis.papers.lead')}</p>
      <Table<PaperListRow>
        caption={t('analysis.papers.caption')}
        rows={rows}
        empty={t('analysis.papers.empty')}
        columns={[
          { header: t('analysis.papers.col_year'), cell: (r) => <a href={`/${locale}/analysis/papers/${r.year}`}>{t('analysis.paper.title', { year: String(r.year) })}</a> },
          { header: t('analysis.papers.col_status'), cell: (r) => (r.paper ? <Tag tone={r.paper.status === 'final' ? 'green' : 'yellow'}>{t(`analysis.paper.status.${r.paper.status}`)}</Tag> : t('analysis.papers.not_started')) },
          { header: t('analysis.papers.col_updated'), cell: (r) => (r.paper ? <DateTimeText value={r.paper.updatedAt} /> : '—') },
        ]}
      />
    </Layout>
  );
}
