/** A signed-in person's questionnaires: the invitations naming them, with where each stands. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { DateText, Table, Tag } from '../../../../platform/views/components.tsx';
import { Content, StatusTag, type ResponseStatus } from './shared.tsx';

export interface MyQuestionnaireRow {
  questionnaireId: string;
  title: { text: string; lang: string };
  stateName: string | null;
  audience: string;
  status: ResponseStatus;
  availability: 'not_open' | 'open' | 'closed';
  problem: 'revoked' | 'expired' | null;
  closesAt: Date | null;
}

export function MyQuestionnairesPage({ rows }: { rows: MyQuestionnaireRow[] }) {
  const { t, locale } = usePage();
  const heading = t('questionnaires.answering.my.title');
  return (
    <Layout title={heading} wide>
      <h1>{heading}</h1>
      <Table
        caption={t('questionnaires.answering.my.count', { count: rows.length })}
        captionHidden
        rows={rows}
        empty={t('questionnaires.answering.my.none')}
        columns={[
          {
            header: t('questionnaires.answering.my.questionnaire'),
            cell: (r) =>
              r.problem ? (
                <Content value={r.title} />
              ) : (
                <a href={`/${locale}/questionnaires/${r.questionnaireId}/respond`}>
                  <Content value={r.title} />
                </a>
              ),
          },
          { header: t('questionnaires.answering.start.answering_for'), cell: (r) => (r.stateName ? t('questionnaires.answering.start.for_state', { state: r.stateName, audience: r.audience }) : r.audience) },
          {
            header: t('questionnaires.answering.start.status'),
            cell: (r) =>
              r.problem ? <Tag tone="red">{t(`questionnaires.answering.my.${r.problem}`)}</Tag> : r.availability === 'open' ? <StatusTag status={r.status} /> : (
                <>
                  <StatusTag status={r.status} /> <Tag>{t(`questionnaires.answering.my.${r.availability}`)}</Tag>
                </>
              ),
          },
          { header: t('questionnaires.answering.start.deadline'), cell: (r) => (r.closesAt ? <DateText value={r.closesAt} /> : '—') },
        ]}
      />
    </Layout>
  );
}
