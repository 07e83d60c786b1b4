import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateTimeText, ErrorSummary, NotificationBanner, PostForm, Table } from '../../../platform/views/components.tsx';
import type { ReportRow } from '../reports-repository.ts';
import { reportTitle } from './shared.tsx';

export interface AttachmentItem {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  description: string | null;
  createdAt: Date;
}

export function AttachmentsPage({ report, stateName, items, canEdit, maxBytes, error, flash }: { report: ReportRow; stateName: string; items: AttachmentItem[]; canEdit: boolean; maxBytes: number; error?: string | undefined; flash?: string | undefined }) {
  const { t, locale, csrfToken } = usePage();
  const base = `/${locale}/reports/${report.id}`;
  const heading = reportTitle(t, report, stateName);
  return (
    <Layout title={`${t('reporting.attachments.title')} · ${heading}`} before={<Breadcrumbs items={[{ href: `${base}/edit`, label: heading }, { label: t('reporting.attachments.title') }]} />}>
      {error ? <ErrorSummary errors={{ file: error }} /> : null}
      {flash ? <NotificationBanner kind="success">{t(`reporting.attachments.flash_${flash}`)}</NotificationBanner> : null}
      <span class="caption">{heading}</span>
      <h1>{t('reporting.attachments.title')}</h1>
      <Table
        caption={t('reporting.attachments.count', { count: items.length })}
        rows={items}
        empty={t('reporting.attachments.none')}
        columns={[
          { header: t('reporting.attachments.file'), cell: (a) => <a href={`${base}/attachments/${a.id}`}><bdi>{a.filename}</bdi></a> },
          { header: t('reporting.attachments.description'), cell: (a) => <bdi>{a.description ?? ''}</bdi> },
          { header: t('reporting.attachments.size'), numeric: true, cell: (a) => t('reporting.attachments.kb', { size: Math.max(1, Math.round(a.size / 1024)) }) },
          { header: t('reporting.attachments.added'), cell: (a) => <DateTimeText value={a.createdAt} /> },
          ...(canEdit
            ? [
                {
                  header: <span class="visually-hidden">{t('reporting.check.actions')}</span>,
                  cell: (a: AttachmentItem) => (
                    <PostForm action={`${base}/attachments/${a.id}/delete`} inline>
                      <button type="submit" class="link-button">
                        {t('common.actions.delete')}
                        <span class="visually-hidden"> {a.filename}</span>
                      </button>
                    </PostForm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit ? (
        <form method="post" action={`${base}/attachments`} encType="multipart/form-data" class="form" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <h2>{t('reporting.attachments.add')}</h2>
          <div class={`field${error ? ' field--error' : ''}`}>
            <label class="field__label" for="f-file">
              {t('reporting.attachments.file')}
            </label>
            <div class="field__hint" id="f-file-hint">
              {t('reporting.attachments.hint', { max: Math.round(maxBytes / 1024 / 1024) })}
            </div>
            {error ? (
              <p class="field__error" id="f-file-error">
                {error}
              </p>
            ) : null}
            <input class="file-input" type="file" id="f-file" name="file" aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'} accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.xlsx,.ods,.docx,.odt,.csv" />
          </div>
          <div class="field">
            <label class="field__label" for="f-description">
              {t('reporting.attachments.description')}
            </label>
            <input class="input input--full" type="text" id="f-description" name="description" maxLength={500} dir="auto" />
          </div>
          <Button>{t('reporting.attachments.upload')}</Button>
        </form>
      ) : null}
      <p>
        <a href={`${base}/edit`}>{t('reporting.submitted.back')}</a>
      </p>
    </Layout>
  );
}
