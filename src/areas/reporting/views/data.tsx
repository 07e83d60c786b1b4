import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Table } from '../../../platform/views/components.tsx';
import { BulkDownloadLink } from './downloads.tsx';

export interface YearRow {
  year: number;
  published: number;
}

/** Open data: bulk downloads by year and the JSON API, for researchers and civil society. */
export function DataPage({ years }: { years: YearRow[] }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('reporting.data.title')}>
      <h1>{t('reporting.data.title')}</h1>
      <p class="lead">{t('reporting.data.lead')}</p>
      <h2>{t('reporting.data.bulk_title')}</h2>
      <p>{t('reporting.data.bulk_text')}</p>
      <Table
        caption={t('reporting.data.bulk_caption')}
        captionHidden
        rows={years}
        empty={t('reporting.data.none')}
        columns={[
          { header: t('reporting.public.filter_year'), cell: (y) => <a href={`/${locale}/reports?year=${y.year}`}>{String(y.year)}</a> },
          { header: t('reporting.data.col_reports'), numeric: true, cell: (y) => String(y.published) },
          { header: t('reporting.data.col_download'), cell: (y) => <BulkDownloadLink year={y.year} /> },
        ]}
      />
      <h2>{t('reporting.data.api_title')}</h2>
      <p>{t('reporting.data.api_text')}</p>
      <ul>
        <li>
          <a href="/api/openapi.json" type="application/json">
            {t('reporting.data.api_document')}
          </a>
        </li>
        <li>
          <a href="/api/v1/states" type="application/json">
            <code>GET /api/v1/states</code>
          </a>{' '}
          — {t('reporting.data.api_states')}
        </li>
        <li>
          <a href="/api/v1/reports" type="application/json">
            <code>GET /api/v1/reports</code>
          </a>{' '}
          — {t('reporting.data.api_reports')}
        </li>
      </ul>
      <p>{t('reporting.data.api_tokens')}</p>
      <h2>{t('reporting.data.licence_title')}</h2>
      <p>{t('reporting.data.licence_text')}</p>
    </Layout>
  );
}
