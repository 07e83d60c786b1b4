/**
 * Download links of one version of a report (PDF, XLSX, CSV in a ZIP, JSON), and the link to the
 * import page for a State's editable report. Placed by the report page and the task list.
 */
import { usePage } from '../../../platform/views/context.ts';

const FORMATS = [
  { key: 'pdf', path: 'export.pdf', type: 'application/pdf' },
  { key: 'xlsx', path: 'export.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { key: 'csv', path: 'export.csv.zip', type: 'application/zip' },
  { key: 'json', path: 'export.json', type: 'application/json' },
] as const;

export function Downloads({ reportId, version }: { reportId: string; version: number }) {
  const { t, locale } = usePage();
  const base = `/${locale}/reports/${reportId}`;
  return (
    <section class="downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('reporting.export.downloads.title')}</h2>
      <ul>
        {FORMATS.map((f) => (
          <li key={f.key}>
            <a href={`${base}/${f.path}?version=${version}`} type={f.type} download={f.key === 'pdf' ? undefined : true}>
              {t(`reporting.export.downloads.${f.key}`)}
            </a>
          </li>
        ))}
      </ul>
      <p class="muted">{t('reporting.export.downloads.hint')}</p>
    </section>
  );
}

/** For the task list of an editable report: bring in answers from a JSON or XLSX export. */
export function ImportLink({ reportId }: { reportId: string }) {
  const { t, locale } = usePage();
  return (
    <p>
      <a href={`/${locale}/reports/${reportId}/import`}>{t('reporting.export.import.link')}</a>
    </p>
  );
}

/** Link to the year's bulk download of public reports (for the public reports list or /data). */
export function BulkDownloadLink({ year }: { year: number }) {
  const { t, locale } = usePage();
  return (
    <a href={`/${locale}/reports/bulk/${year}.zip`} type="application/zip" download>
      {t('reporting.export.downloads.bulk', { year })}
    </a>
  );
}
