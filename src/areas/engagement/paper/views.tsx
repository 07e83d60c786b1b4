/**
 * A committee's paper on its activities and priorities: the committees and years with something
 * recorded; one paper with its status, downloads in six languages, the texts of one language
 * (written from the records until someone edits them) and the recorded meetings behind them.
 */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, DateTimeText, ErrorSummary, NotificationBanner, PostForm, Table, Tag, TextArea } from '../../../platform/views/components.tsx';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { localized, type Committee } from '../../states/index.ts';
import { textIn } from '../texts.ts';
import type { PaperFacts } from './paper-facts.ts';
import type { CommitteePaperRow } from './paper-repository.ts';
import { listText, meetingDates, SECTION_IDS, SECTION_MAX, type SectionTexts } from './sections.ts';

export type PaperFlash = 'saved' | 'redrafted' | 'final' | 'draft';
export const sectionField = (id: string) => `s_${id}`;

function crumbs(locale: string, t: (k: string) => string, rest: { href?: string; label: string }[] = []) {
  return [{ href: `/${locale}/`, label: t('engagement.breadcrumbs.home') }, { href: `/${locale}/committee-papers`, label: t('engagement.paper.list_title') }, ...rest];
}

export function CommitteePapersPage({ rows, committees }: { rows: { committeeId: string; year: number; status: 'draft' | 'final' | null }[]; committees: Committee[] }) {
  const { t, locale, tr } = usePage();
  const title = t('engagement.paper.list_title');
  const name = (id: string) => {
    const c = committees.find((x) => x.id === id);
    return c ? localized(c.names, locale) : id;
  };
  return (
    <Layout title={title} before={<Breadcrumbs items={crumbs(locale, t).slice(0, 1).concat([{ label: title }])} />}>
      <h1>{title}</h1>
      <p class="lead">{t('engagement.paper.list_lead')}</p>
      <Table
        caption={title}
        captionHidden
        rows={rows}
        empty={t('engagement.paper.list_none')}
        columns={[
          { header: t('engagement.paper.col.committee'), cell: (r) => <a href={`/${locale}/committee-papers/${r.committeeId}/${r.year}`}>{name(r.committeeId)}</a> },
          { header: t('engagement.paper.col.year'), numeric: true, cell: (r) => tr.formatNumber(r.year, { useGrouping: false }) },
          { header: t('engagement.paper.col.status'), cell: (r) => (r.status ? <Tag tone={r.status === 'final' ? 'green' : 'yellow'}>{t(`engagement.paper.status.${r.status}`)}</Tag> : <span class="muted">{t('engagement.paper.status.none')}</span>) },
        ]}
      />
    </Layout>
  );
}

export interface CommitteePaperPageProps {
  facts: PaperFacts;
  year: number;
  paper: CommitteePaperRow | undefined;
  lang: Locale;
  texts: SectionTexts;
  /** Whether the texts shown are saved ones (false: the draft written from the records). */
  saved: boolean;
  canEdit: boolean;
  flash?: PaperFlash | undefined;
  stale?: boolean | undefined;
  errors?: Record<string, string> | undefined;
}

export function CommitteePaperPage(p: CommitteePaperPageProps) {
  const { t, locale, tr } = usePage();
  const committee = localized(p.facts.committee.names, locale);
  const y = tr.formatNumber(p.year, { useGrouping: false });
  const title = t('engagement.paper.doc_title', { committee, year: y });
  const base = `/${locale}/committee-papers/${p.facts.committee.id}/${p.year}`;
  const status = p.paper?.status ?? 'draft';
  const version = p.paper?.version ?? 0;
  const state = (iso2: string) => (p.facts.stateNames.get(iso2) ? localized(p.facts.stateNames.get(iso2)!, locale) : iso2);
  return (
    <Layout title={title} wide before={<Breadcrumbs items={crumbs(locale, t, [{ label: title }])} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} /> : null}
      {p.stale ? (
        <NotificationBanner kind="warning" title={t('engagement.paper.stale_title')}>
          <p>{t('errors.engagement.paper.stale')}</p>
        </NotificationBanner>
      ) : null}
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.paper.flash.${p.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <p id="status">
        <Tag tone={status === 'final' ? 'green' : 'yellow'}>{t(`engagement.paper.status.${status}`)}</Tag>{' '}
        {p.paper ? (
          <>
            {t('engagement.paper.version_line', { version: p.paper.version })}
            {' · '}
            <DateTimeText value={p.paper.updatedAt} />
          </>
        ) : (
          t('engagement.paper.not_saved')
        )}
      </p>
      <p class="lead">{t('engagement.paper.lead')}</p>
      {p.canEdit && p.paper ? (
        <PostForm action={`${base}/status`}>
          <input type="hidden" name="version" value={String(version)} />
          <input type="hidden" name="lang" value={p.lang} />
          <input type="hidden" name="status" value={status === 'final' ? 'draft' : 'final'} />
          <Button variant="secondary">{t(status === 'final' ? 'engagement.paper.mark_draft' : 'engagement.paper.mark_final')}</Button>
        </PostForm>
      ) : null}

      <h2 id="downloads">{t('engagement.paper.downloads')}</h2>
      <Table<Locale>
        caption={t('engagement.paper.downloads')}
        captionHidden
        rows={[...LOCALES]}
        columns={[
          { header: t('engagement.paper.col.language'), cell: (l) => <span lang={l}>{LANGUAGE_NAMES[l]}</span> },
          {
            header: t('engagement.paper.col.files'),
            cell: (l) => (
              <>
                <a href={`${base}.docx?lang=${l}`} download>
                  {t('engagement.paper.docx', { language: LANGUAGE_NAMES[l] })}
                </a>
                {' · '}
                <a href={`${base}.pdf?lang=${l}`} download>
                  {t('engagement.paper.pdf', { language: LANGUAGE_NAMES[l] })}
                </a>
              </>
            ),
          },
        ]}
      />

      <h2 id="texts">{t('engagement.paper.texts')}</h2>
      <nav aria-label={t('engagement.paper.languages')}>
        <p>
          {t('engagement.paper.languages')}:{' '}
          {LOCALES.map((l, i) => (
            <>
              {i ? ' · ' : ''}
              {l === p.lang ? (
                <strong lang={l} aria-current="true">
                  {LANGUAGE_NAMES[l]}
                </strong>
              ) : (
                <a href={`${base}?lang=${l}#texts`} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </a>
              )}
            </>
          ))}
        </p>
      </nav>
      {!p.saved ? (
        <NotificationBanner>
          <p>{t('engagement.paper.generated', { language: LANGUAGE_NAMES[p.lang] })}</p>
        </NotificationBanner>
      ) : null}
      {p.canEdit ? (
        <>
          <PostForm action={base} id="texts-form">
            <input type="hidden" name="version" value={String(version)} />
            <input type="hidden" name="lang" value={p.lang} />
            {SECTION_IDS.map((s) => (
              <TextArea key={s} name={sectionField(s)} label={t(`engagement.paper.section.${s}`)} value={p.texts[s]} lang={p.lang} rows={s === 'activities' ? 12 : 6} maxLength={SECTION_MAX} error={p.errors?.[sectionField(s)]} />
            ))}
            <Button>{t('engagement.paper.save', { language: LANGUAGE_NAMES[p.lang] })}</Button>
          </PostForm>
          {p.saved && p.paper ? (
            <PostForm action={`${base}/redraft`}>
              <input type="hidden" name="version" value={String(version)} />
              <input type="hidden" name="lang" value={p.lang} />
              <p class="field__hint">{t('engagement.paper.redraft_hint', { language: LANGUAGE_NAMES[p.lang] })}</p>
              <Button variant="warning">{t('engagement.paper.redraft', { language: LANGUAGE_NAMES[p.lang] })}</Button>
            </PostForm>
          ) : null}
        </>
      ) : (
        SECTION_IDS.map((s) => (
          <section key={s}>
            <h3>{t(`engagement.paper.section.${s}`)}</h3>
            {p.texts[s]
              .split(/\n{2,}/)
              .filter((x) => x.trim())
              .map((x, i) => (
                <p key={i} lang={p.lang} dir="auto" class="narrative">
                  {x}
                </p>
              ))}
          </section>
        ))
      )}

      <h2 id="records">{t('engagement.paper.records')}</h2>
      <Table
        caption={t('engagement.paper.meetings_caption', { year: y })}
        rows={p.facts.meetings}
        empty={t('engagement.paper.meetings_none')}
        columns={[
          { header: t('engagement.paper.col.date'), cell: (m) => meetingDates(tr, m) },
          {
            header: t('engagement.paper.col.meeting'),
            cell: (m) => (
              <a href={`/${locale}/meetings/${m.id}`}>
                <bdi>{textIn(m.title, locale)}</bdi>
              </a>
            ),
          },
          { header: t('engagement.paper.col.kind'), cell: (m) => t(`engagement.paper.kind.${m.kind}`) },
          { header: t('engagement.paper.col.states'), cell: (m) => (m.states.length ? listText(locale, m.states.map(state)) : '—') },
        ]}
      />
    </Layout>
  );
}
