/** The respondent's start page: what the questionnaire is, for whom one answers, with whom, the sections and their progress. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { DateText, DateTimeText, NotificationBanner, SummaryList, TaskList } from '../../../../platform/views/components.tsx';
import { FormView, type References } from '../../../../platform/forms/render.tsx';
import type { FormDef, FormValues } from '../../../../platform/forms/definition.ts';
import type { SectionProgress } from '../answering.ts';
import type { Availability } from '../respondent-context.ts';
import { Content, ProgressTag, StatusTag, progressTone, type ResponseStatus } from './shared.tsx';

export interface StartPageProps {
  base: string;
  title: { text: string; lang: string };
  description: { text: string; lang: string };
  stateName: string | null;
  audience: string;
  colleagues: string[];
  status: ResponseStatus;
  availability: Availability;
  opensAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  lastSaved: { at: Date; by: string | null } | undefined;
  submitted: { at: Date; receipt: string | null; by: string | null } | undefined;
  sections: { id: string; title: string; progress: SectionProgress }[];
  fileCount: number;
  hasFileQuestions: boolean;
  hasHistory: boolean;
  flash: string | undefined;
  /** When closed: the answers, read-only. */
  readOnly?: { def: FormDef; values: FormValues; references: References } | undefined;
}

export function StartPage(p: StartPageProps) {
  const { t } = usePage();
  const open = p.availability === 'open';
  return (
    <Layout title={p.title.text}>
      {p.flash ? <NotificationBanner kind="success">{t(`questionnaires.answering.flash.${p.flash}`)}</NotificationBanner> : null}
      {p.availability === 'closed' ? (
        <NotificationBanner kind="warning" title={t('questionnaires.answering.closed.title')}>
          <p>{p.submitted ? t('questionnaires.answering.closed.submitted') : p.lastSaved ? t('questionnaires.answering.closed.not_submitted') : t('questionnaires.answering.closed.nothing')}</p>
        </NotificationBanner>
      ) : null}
      {p.submitted && open ? (
        <NotificationBanner title={t('questionnaires.answering.submitted_banner.title')}>
          <p>
            {t('questionnaires.answering.submitted_banner.text', { receipt: p.submitted.receipt ?? '' })} <DateTimeText value={p.submitted.at} />
          </p>
          <p>{t('questionnaires.answering.submitted_banner.changes')}</p>
        </NotificationBanner>
      ) : null}
      <span class="caption">{t('questionnaires.answering.caption')}</span>
      <h1>
        <Content value={p.title} />
      </h1>
      {p.description.text ? <Content value={p.description} as="p" /> : null}
      <SummaryList
        rows={[
          { key: t('questionnaires.answering.start.answering_for'), value: p.stateName ? t('questionnaires.answering.start.for_state', { state: p.stateName, audience: p.audience }) : p.audience },
          ...(p.colleagues.length ? [{ key: t('questionnaires.answering.start.shared_with'), value: <ul>{p.colleagues.map((c, i) => <li key={i}><bdi>{c}</bdi></li>)}</ul> }] : []),
          { key: t('questionnaires.answering.start.status'), value: <StatusTag status={p.status} /> },
          ...(p.closesAt ? [{ key: t('questionnaires.answering.start.deadline'), value: <DateText value={p.closesAt} /> }] : []),
          ...(p.lastSaved
            ? [
                {
                  key: t('questionnaires.answering.start.last_saved'),
                  value: (
                    <>
                      <DateTimeText value={p.lastSaved.at} />
                      {p.lastSaved.by ? (
                        <>
                          {' · '}
                          <bdi>{p.lastSaved.by}</bdi>
                        </>
                      ) : null}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {open ? (
        <>
          <h2>{t('questionnaires.answering.start.sections')}</h2>
          <p>{t('questionnaires.answering.start.saved_hint')}</p>
          <TaskList items={p.sections.map((s, i) => ({ href: `${p.base}/sections/${s.id}`, title: t('questionnaires.answering.start.section_item', { number: i + 1, title: s.title }), status: <ProgressTag progress={s.progress} />, tone: progressTone(s.progress) }))} />
          {p.hasFileQuestions || p.fileCount ? (
            <p>
              <a href={`${p.base}/files`}>{t('questionnaires.answering.start.files', { count: p.fileCount })}</a>
            </p>
          ) : null}
          <p>
            <a class="button button--primary" href={`${p.base}/review`}>
              {p.submitted ? t('questionnaires.answering.start.see_answers') : t('questionnaires.answering.start.review')}
            </a>
          </p>
        </>
      ) : null}
      {p.submitted ? (
        <p>
          <a href={`${p.base}/receipt`}>{t('questionnaires.answering.start.receipt')}</a>
        </p>
      ) : null}
      {p.hasHistory ? (
        <p>
          <a href={`${p.base}/history`}>{t('questionnaires.answering.start.history')}</a>
        </p>
      ) : null}
      {p.readOnly ? (
        <section aria-labelledby="answers-title">
          <h2 id="answers-title">{t('questionnaires.answering.start.your_answers')}</h2>
          <FormView def={p.readOnly.def} values={p.readOnly.values} references={p.readOnly.references} headingLevel={3} />
        </section>
      ) : null}
    </Layout>
  );
}
