/** Files attached to a response (chosen in the file questions); upload without JavaScript. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { Button, DateTimeText, ErrorSummary, NotificationBanner, PostForm, Table } from '../../../../platform/views/components.tsx';
import type { ResponseFileItem } from '../responses-repository.ts';
import { Content, RespondentCrumbs } from './shared.tsx';

export function FilesPage({ base, title, items, canEdit, maxBytes, maxFiles, error, flash }: { base: string; title: { text: string; lang: string }; items: ResponseFileItem[]; canEdit: boolean; maxBytes: number; maxFiles: number; error?: string | undefined; flash?: string | undefined }) {
  const { t, csrfToken } = usePage();
  const heading = t('questionnaires.answering.files.title');
  const mb = Math.max(1, Math.round(maxBytes / 1024 / 1024));
  return (
    <Layout title={`${heading} · ${title.text}`} before={<RespondentCrumbs base={base} title={title} here={heading} />}>
      {error ? <ErrorSummary errors={{ file: error }} /> : null}
      {flash ? <NotificationBanner kind="success">{t(`questionnaires.answering.files.flash_${flash}`)}</NotificationBanner> : null}
      <span class="caption">
        <Content value={title} />
      </span>
      <h1>{heading}</h1>
      <p>{t('questionnaires.answering.files.lead')}</p>
      <Table
        caption={t('questionnaires.answering.files.count', { count: items.length })}
        rows={items}
        empty={t('questionnaires.answering.files.none')}
        columns={[
          {
            header: t('questionnaires.answering.files.file'),
            cell: (a) => (
              <a href={`${base}/files/${a.fileId}`}>
                <bdi>{a.filename}</bdi>
              </a>
            ),
          },
          { header: t('questionnaires.answering.files.size'), numeric: true, cell: (a) => t('questionnaires.answering.files.kb', { size: Math.max(1, Math.round(a.size / 1024)) }) },
          {
            header: t('questionnaires.answering.files.added'),
            cell: (a) => (
              <>
                <DateTimeText value={a.createdAt} /> · <bdi>{a.createdByName}</bdi>
              </>
            ),
          },
          ...(canEdit
            ? [
                {
                  header: <span class="visually-hidden">{t('questionnaires.answering.files.actions')}</span>,
                  cell: (a: ResponseFileItem) => (
                    <PostForm action={`${base}/files/${a.fileId}/delete`} inline>
                      <button type="submit" class="link-button">
                        {t('questionnaires.answering.files.remove')}
                        <span class="visually-hidden"> {a.filename}</span>
                      </button>
                    </PostForm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && items.length < maxFiles ? (
        <form method="post" action={`${base}/files`} encType="multipart/form-data" class="form" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <h2>{t('questionnaires.answering.files.add')}</h2>
          <div class={`field${error ? ' field--error' : ''}`}>
            <label class="field__label" for="f-file">
              {t('questionnaires.answering.files.file')}
            </label>
            <div class="field__hint" id="f-file-hint">
              {t('questionnaires.answering.files.hint', { max: mb, files: maxFiles })}
            </div>
            {error ? (
              <p class="field__error" id="f-file-error">
                {error}
              </p>
            ) : null}
            <input class="file-input" type="file" id="f-file" name="file" aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'} accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.xlsx,.ods,.docx,.odt" />
          </div>
          <Button>{t('questionnaires.answering.files.upload')}</Button>
        </form>
      ) : null}
      <p>
        <a href={base}>{t('questionnaires.answering.receipt.back')}</a>
      </p>
    </Layout>
  );
}
