/** Pieces shared by the respondent's pages: the questionnaire's name in its language, statuses, breadcrumbs. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../platform/views/context.ts';
import { Breadcrumbs, Tag } from '../../../../platform/views/components.tsx';
import type { SectionProgress } from '../answering.ts';
import type { ResponseRow } from '../responses-repository.ts';

/** Content text: marked with its language when it is not the page's (a missing translation shown in the source language). */
export function Content({ value, as = 'span' }: { value: { text: string; lang: string }; as?: 'span' | 'div' | 'p' }) {
  const { locale } = usePage();
  const Tag_ = as;
  return (
    <Tag_ lang={value.lang !== locale ? value.lang : undefined} dir="auto">
      {value.text}
    </Tag_>
  );
}

/** The title of a questionnaire for <title>. */
export function plainTitle(value: { text: string }): string {
  return value.text;
}

export type ResponseStatus = 'not_started' | 'in_progress' | 'submitted' | 'changed';

export function responseStatus(response: ResponseRow | undefined, changedAfter: boolean): ResponseStatus {
  if (!response) return 'not_started';
  if (response.status === 'submitted') return changedAfter ? 'changed' : 'submitted';
  return 'in_progress';
}

export function StatusTag({ status }: { status: ResponseStatus }) {
  const { t } = usePage();
  const tone = status === 'submitted' ? 'green' : status === 'changed' ? 'purple' : status === 'in_progress' ? 'blue' : 'grey';
  return <Tag tone={tone}>{t(`questionnaires.answering.status.${status}`)}</Tag>;
}

export function ProgressTag({ progress }: { progress: SectionProgress }) {
  const { t } = usePage();
  return <>{t(`questionnaires.answering.progress.${progress}`)}</>;
}

export const progressTone = (p: SectionProgress) => (p === 'completed' ? 'green' : p === 'in_progress' ? 'blue' : 'grey') as 'green' | 'blue' | 'grey';

/** Breadcrumbs from the respondent's start page. */
export function RespondentCrumbs({ base, title, here }: { base: string; title: { text: string; lang: string }; here: ComponentChildren }) {
  return <Breadcrumbs items={[{ href: base, label: <Content value={title} /> }, { label: here }]} />;
}
