/** Pages that say why answering is not possible now: link revoked or expired, not open yet, closed. */
import { usePage } from '../../../../platform/views/context.ts';
import { Layout } from '../../../../platform/views/layout.tsx';
import { DateText, DateTimeText } from '../../../../platform/views/components.tsx';
import { FormView, type References } from '../../../../platform/forms/render.tsx';
import type { FormDef, FormValues } from '../../../../platform/forms/definition.ts';
import { Content } from './shared.tsx';

/** Revoked or expired: says so and whom to ask, without showing anything of the questionnaire. */
export function LinkProblemPage({ problem, contacts }: { problem: 'revoked' | 'expired'; contacts: { name: string; email: string }[] }) {
  const { t } = usePage();
  const title = t(`questionnaires.answering.link.${problem}_title`);
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(`questionnaires.answering.link.${problem}_text`)}</p>
      <p>{t('questionnaires.answering.link.ask')}</p>
      {contacts.length ? (
        <ul>
          {contacts.map((c, i) => (
            <li key={i}>
              <bdi>{c.name}</bdi> — <a href={`mailto:${c.email}`} dir="ltr">{c.email}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </Layout>
  );
}

export function NotOpenPage({ title, opensAt }: { title: { text: string; lang: string }; opensAt: Date | null }) {
  const { t } = usePage();
  return (
    <Layout title={title.text}>
      <span class="caption">{t('questionnaires.answering.caption')}</span>
      <h1>
        <Content value={title} />
      </h1>
      <p class="lead">
        {opensAt ? (
          <>
            {t('questionnaires.answering.not_open.opens')} <DateText value={opensAt} />
          </>
        ) : (
          t('questionnaires.answering.not_open.later')
        )}
      </p>
      <p>{t('questionnaires.answering.not_open.come_back')}</p>
    </Layout>
  );
}

/** Answers sent after closing: nothing was saved; what was typed is shown so it is not lost. */
export function ClosedPage({ base, title, closedAt, typed }: { base: string; title: { text: string; lang: string }; closedAt: Date | null; typed?: { def: FormDef; values: FormValues; references: References } | undefined }) {
  const { t } = usePage();
  const heading = t('questionnaires.answering.closed.title');
  return (
    <Layout title={heading}>
      <span class="caption">
        <Content value={title} />
      </span>
      <h1>{heading}</h1>
      <p class="lead">
        {t('questionnaires.answering.closed.lead')} {closedAt ? <DateTimeText value={closedAt} /> : null}
      </p>
      <p>{typed ? t('questionnaires.answering.closed.typed') : t('questionnaires.answering.closed.kept')}</p>
      {typed ? <FormView def={typed.def} values={typed.values} references={typed.references} headingLevel={2} /> : null}
      <p>
        <a href={base}>{t('questionnaires.answering.receipt.back')}</a>
      </p>
    </Layout>
  );
}
