import { DateTimeText, Tag } from '../../../platform/views/components.tsx';
import { usePage } from '../../../platform/views/context.ts';
import { textOf, type FormDef } from '../../../platform/forms/definition.ts';
import type { FormStatus, ReportStatus } from '../report.ts';
import type { CommentRow, ReportRow } from '../reports-repository.ts';

const REPORT_TONE: Record<ReportStatus, 'grey' | 'blue' | 'green' | 'red' | 'yellow' | 'purple'> = {
  draft: 'grey',
  submitted: 'blue',
  returned: 'red',
  acknowledged: 'purple',
  published: 'green',
};

export function ReportStatusTag({ status, correcting }: { status: ReportStatus; correcting?: boolean }) {
  const { t } = usePage();
  return <Tag tone={REPORT_TONE[status]}>{t(correcting && status === 'draft' ? 'reporting.status.correcting' : `reporting.status.${status}`)}</Tag>;
}

const FORM_TONE: Record<FormStatus, 'grey' | 'blue' | 'green' | 'yellow' | 'purple'> = {
  not_started: 'grey',
  in_progress: 'blue',
  complete: 'green',
  unchanged: 'purple',
  not_applicable: 'yellow',
};

export function formStatusText(t: (k: string, v?: Record<string, string | number>) => string, status: FormStatus, since: number | null): string {
  return status === 'unchanged' ? t('reporting.form_status.unchanged', { year: since ?? '' }) : t(`reporting.form_status.${status}`);
}

export function formStatusTone(status: FormStatus) {
  return FORM_TONE[status];
}

export function useFormTitle() {
  const { locale, t } = usePage();
  return (def: FormDef) => textOf(def.title, locale, t);
}

/** "Annual report 2023" / "Initial report" with the State's name. */
export function reportTitle(t: (k: string, v?: Record<string, string | number>) => string, r: Pick<ReportRow, 'kind' | 'year'>, stateName: string): string {
  return r.kind === 'initial' ? t('reporting.title.initial', { state: stateName }) : t('reporting.title.annual', { state: stateName, year: r.year });
}

/** A clarification thread: each message with its author, side (ISU or State) and time. */
export function CommentList({ comments }: { comments: CommentRow[] }) {
  const { t } = usePage();
  return (
    <ol class="thread__list">
      {comments.map((c) => (
        <li key={c.id} class={`thread__item thread__item--${c.authorSide}`}>
          <p class="thread__meta">
            <strong>
              <bdi>{c.authorName}</bdi>
            </strong>{' '}
            ({t(`reporting.thread.side_${c.authorSide}`)}) · <DateTimeText value={c.createdAt} />
          </p>
          <p dir="auto" class="thread__body">
            {c.body}
          </p>
        </li>
      ))}
    </ol>
  );
}
