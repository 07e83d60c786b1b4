/**
 * Work plan pages: the plans (per committee and year), one plan with its numbered items and the form
 * to add one, one item with its edit form, its evidence links and its place in the plan.
 */
import { usePage } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Breadcrumbs, Button, Checkbox, DateText, ErrorSummary, NotificationBanner, PostForm, SelectField, SummaryList, Table, Tag, TextArea, TextField } from '../../../platform/views/components.tsx';
import { localized, type Committee } from '../../states/index.ts';
import { ITEM_STATUSES, WORK_PLAN_KINDS, type ItemStatus, type WorkPlanKind } from '../schema.ts';
import type { ResolvedLink } from '../evidence-queries.ts';
import type { ItemWithOwner, WorkPlanRow } from '../work-plans-repository.ts';
import { isOverdue } from '../work-plans.ts';
import { langOf, textIn } from '../texts.ts';
import { EvidenceSection } from './evidence.tsx';

const STATUS_TONE: Record<ItemStatus, 'grey' | 'blue' | 'green' | 'purple'> = { planned: 'grey', in_progress: 'blue', done: 'green', dropped: 'purple' };

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = usePage();
  return <Tag tone={STATUS_TONE[status]}>{t(`engagement.items.status.${status}`)}</Tag>;
}

const today = () => new Date().toISOString().slice(0, 10);

function planTitle(t: (k: string, v?: Record<string, string | number>) => string, locale: string, plan: Pick<WorkPlanRow, 'kind' | 'year'>, committee: Committee | undefined): string {
  return t(`engagement.plans.title.${plan.kind}`, { committee: committee ? localized(committee.names, locale) : '', year: String(plan.year) });
}

function crumbs(locale: string, t: (k: string) => string, rest: { href?: string; label: string }[] = []) {
  return [{ href: `/${locale}/`, label: t('engagement.breadcrumbs.home') }, { href: `/${locale}/work-plans`, label: t('engagement.plans.list_title') }, ...rest];
}

/** Text written by users, shown with the language it is in. */
function Written({ texts }: { texts: Record<string, string | undefined> }) {
  const { locale } = usePage();
  return (
    <span lang={langOf(texts, locale)} dir="auto">
      {textIn(texts, locale)}
    </span>
  );
}

/* ---------------------------------------------------------------- the list */

export interface WorkPlansPageProps {
  plans: { plan: WorkPlanRow; items: number; done: number; overdue: number }[];
  years: number[];
  year: number | undefined;
  committee: string | undefined;
  committees: Committee[];
  creatable: string[];
  errors?: Record<string, string> | undefined;
  values?: Record<string, string> | undefined;
}

export function WorkPlansPage(p: WorkPlansPageProps) {
  const { t, locale, tr } = usePage();
  const title = t('engagement.plans.list_title');
  const committeeById = new Map(p.committees.map((c) => [c.id, c]));
  return (
    <Layout title={title} wide before={<Breadcrumbs items={crumbs(locale, t).slice(0, 1).concat([{ label: title }])} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} /> : null}
      <h1>{title}</h1>
      <p class="lead">{t('engagement.plans.lead')}</p>
      <form class="filters" method="get" action={`/${locale}/work-plans`}>
        <SelectField name="year" id="filter-year" label={t('engagement.plans.filter_year')} value={p.year ? String(p.year) : ''} placeholder={t('engagement.plans.all_years')} options={p.years.map((y) => ({ value: String(y), label: tr.formatNumber(y, { useGrouping: false }) }))} />
        <SelectField name="committee" id="filter-committee" label={t('engagement.plans.filter_committee')} value={p.committee ?? ''} placeholder={t('engagement.plans.all_committees')} options={p.committees.map((c) => ({ value: c.id, label: localized(c.names, locale) }))} />
        <Button variant="secondary">{t('engagement.plans.filter_apply')}</Button>
      </form>
      <Table
        caption={t('engagement.plans.table_caption')}
        rows={p.plans}
        empty={t('engagement.plans.none')}
        columns={[
          { header: t('engagement.plans.col.plan'), cell: (r) => <a href={`/${locale}/work-plans/${r.plan.id}`}>{planTitle(t, locale, r.plan, committeeById.get(r.plan.committeeId))}</a> },
          { header: t('engagement.plans.col.items'), numeric: true, cell: (r) => tr.formatNumber(r.items) },
          { header: t('engagement.plans.col.done'), numeric: true, cell: (r) => tr.formatNumber(r.done) },
          { header: t('engagement.plans.col.overdue'), numeric: true, cell: (r) => (r.overdue ? <Tag tone="red">{tr.formatNumber(r.overdue)}</Tag> : tr.formatNumber(0)) },
          { header: t('engagement.plans.col.demo'), cell: (r) => (r.plan.isDemo ? <Tag tone="yellow">{t('engagement.demo_tag')}</Tag> : null) },
        ]}
      />
      {p.creatable.length ? (
        <section aria-labelledby="new-plan">
          <h2 id="new-plan">{t('engagement.plans.new_title')}</h2>
          <PostForm action={`/${locale}/work-plans`}>
            <SelectField name="committee" label={t('engagement.plans.field.committee')} value={p.values?.committee ?? p.creatable[0]} error={p.errors?.committee} options={p.creatable.map((id) => ({ value: id, label: committeeById.get(id) ? localized(committeeById.get(id)!.names, locale) : id }))} />
            <TextField name="year" label={t('engagement.plans.field.year')} width="short" value={p.values?.year ?? String(new Date().getUTCFullYear())} error={p.errors?.year} attrs={{ inputmode: 'numeric' }} />
            <SelectField name="kind" label={t('engagement.plans.field.kind')} value={p.values?.kind ?? 'work_plan'} error={p.errors?.kind} options={WORK_PLAN_KINDS.map((k: WorkPlanKind) => ({ value: k, label: t(`engagement.plans.kind.${k}`) }))} />
            <Button>{t('engagement.plans.create')}</Button>
          </PostForm>
        </section>
      ) : null}
    </Layout>
  );
}

/* ---------------------------------------------------------------- one plan */

export interface ItemForm {
  title: string;
  description: string;
  owner: string;
  owner_label: string;
  due: string;
  status: string;
  actions: string;
  progress: string;
}

type Owner = { id: string; name: string; role: string; committeeId: string | null };

function ItemFields({ values, errors, owners, current }: { values: ItemForm; errors: Record<string, string> | undefined; owners: Owner[]; current?: ItemWithOwner | undefined }) {
  const { t } = usePage();
  const options = owners.map((o) => ({ value: o.id, label: o.name }));
  // An owner disabled since keeps their place on the item, marked.
  if (current?.ownerUserId && !owners.some((o) => o.id === current.ownerUserId)) options.unshift({ value: current.ownerUserId, label: t('engagement.items.owner_disabled', { name: current.ownerName ?? '' }) });
  return (
    <>
      <TextField name="title" label={t('engagement.items.field.title')} value={values.title} error={errors?.title} attrs={{ maxLength: 500 }} />
      <TextArea name="description" label={t('engagement.items.field.description')} value={values.description} error={errors?.description} rows={3} maxLength={5000} />
      <SelectField name="owner" label={t('engagement.items.field.owner')} hint={t('engagement.items.field.owner_hint')} value={values.owner} error={errors?.owner} placeholder={t('engagement.items.no_owner')} options={options} />
      <TextField name="owner_label" label={t('engagement.items.field.owner_label')} hint={t('engagement.items.field.owner_label_hint')} value={values.owner_label} error={errors?.owner_label} width="medium" />
      <TextField name="due" type="date" label={t('engagement.items.field.due')} value={values.due} error={errors?.due} width="short" />
      <SelectField name="status" label={t('engagement.items.field.status')} value={values.status} error={errors?.status} options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`engagement.items.status.${s}`) }))} />
      <TextField name="actions" label={t('engagement.items.field.actions')} hint={t('engagement.items.field.actions_hint')} value={values.actions} error={errors?.actions} width="medium" />
      <TextArea name="progress" label={t('engagement.items.field.progress')} value={values.progress} error={errors?.progress} rows={3} maxLength={5000} />
    </>
  );
}

const EMPTY_ITEM: ItemForm = { title: '', description: '', owner: '', owner_label: '', due: '', status: 'planned', actions: '', progress: '' };

export interface WorkPlanPageProps {
  plan: WorkPlanRow;
  committee: Committee | undefined;
  items: ItemWithOwner[];
  evidenceCounts: Map<string, number>;
  owners: Owner[];
  canEdit: boolean;
  flash: string | undefined;
  errors?: Record<string, string> | undefined;
  values?: ItemForm | undefined;
  introError?: string | undefined;
}

function OwnerText({ item }: { item: Pick<ItemWithOwner, 'ownerName' | 'ownerLabel' | 'ownerDisabled'> }) {
  const { t } = usePage();
  if (!item.ownerName && !item.ownerLabel) return <span class="muted">{t('engagement.items.no_owner')}</span>;
  return (
    <>
      {item.ownerName ? <bdi>{item.ownerName}</bdi> : null}
      {item.ownerName && item.ownerDisabled ? (
        <>
          {' '}
          <Tag tone="red">{t('engagement.items.owner_inactive_tag')}</Tag>
        </>
      ) : null}
      {item.ownerName && item.ownerLabel ? ' · ' : null}
      {item.ownerLabel ? <bdi>{item.ownerLabel}</bdi> : null}
    </>
  );
}

export function WorkPlanPage(p: WorkPlanPageProps) {
  const { t, locale, tr } = usePage();
  const title = planTitle(t, locale, p.plan, p.committee);
  const now = today();
  return (
    <Layout title={title} wide before={<Breadcrumbs items={crumbs(locale, t, [{ label: title }])} />}>
      {p.errors && Object.keys(p.errors).length ? <ErrorSummary errors={p.errors} /> : null}
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.plans.flash.${p.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        {title} {p.plan.isDemo ? <Tag tone="yellow">{t('engagement.demo_tag')}</Tag> : null}
      </h1>
      {textIn(p.plan.intro, locale) ? (
        <p class="lead">
          <Written texts={p.plan.intro} />
        </p>
      ) : null}
      <Table
        caption={t('engagement.items.table_caption')}
        rows={p.items}
        empty={t('engagement.items.none')}
        columns={[
          { header: t('engagement.items.col.number'), numeric: true, cell: (i) => tr.formatNumber(i.position) },
          {
            header: t('engagement.items.col.item'),
            cell: (i) => (
              <a href={`/${locale}/work-plans/${p.plan.id}/items/${i.id}`} id={`item-${i.id}`}>
                <Written texts={i.title} />
              </a>
            ),
          },
          { header: t('engagement.items.col.owner'), cell: (i) => <OwnerText item={i} /> },
          {
            header: t('engagement.items.col.due'),
            cell: (i) => (
              <>
                <DateText value={i.dueDate} style="medium" />
                {isOverdue(i, now) ? (
                  <>
                    {' '}
                    <Tag tone="red">{t('engagement.items.overdue')}</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t('engagement.items.col.status'), cell: (i) => <ItemStatusTag status={i.status} /> },
          { header: t('engagement.items.col.actions'), cell: (i) => (i.actionIds.length ? <span dir="ltr">{i.actionIds.join(', ')}</span> : '—') },
          { header: t('engagement.items.col.evidence'), numeric: true, cell: (i) => tr.formatNumber(p.evidenceCounts.get(i.id) ?? 0) },
        ]}
      />
      {p.canEdit ? (
        <>
          <section aria-labelledby="add-item">
            <h2 id="add-item">{t('engagement.items.add_title')}</h2>
            <p class="field__hint">{t('engagement.items.language_note', { language: t(`engagement.language.${locale}`) })}</p>
            <PostForm action={`/${locale}/work-plans/${p.plan.id}/items`}>
              <ItemFields values={p.values ?? EMPTY_ITEM} errors={p.errors} owners={p.owners} />
              <Button>{t('engagement.items.add')}</Button>
            </PostForm>
          </section>
          <section aria-labelledby="plan-intro">
            <h2 id="plan-intro">{t('engagement.plans.intro_title')}</h2>
            <PostForm action={`/${locale}/work-plans/${p.plan.id}/intro`}>
              <input type="hidden" name="version" value={String(p.plan.version)} />
              <TextArea name="intro" label={t('engagement.plans.intro_label', { language: t(`engagement.language.${locale}`) })} value={(p.plan.intro as Record<string, string | undefined>)[locale] ?? ''} error={p.introError} rows={4} maxLength={5000} />
              <Button variant="secondary">{t('engagement.plans.intro_save')}</Button>
            </PostForm>
          </section>
        </>
      ) : null}
    </Layout>
  );
}

/* ---------------------------------------------------------------- one item */

export interface ItemPageProps {
  plan: WorkPlanRow;
  committee: Committee | undefined;
  item: ItemWithOwner;
  isFirst: boolean;
  isLast: boolean;
  owners: Owner[];
  links: ResolvedLink[];
  canEdit: boolean;
  flash: string | undefined;
  errors?: Record<string, string> | undefined;
  values?: ItemForm | undefined;
  linkErrors?: Record<string, string> | undefined;
  linkValues?: Record<string, string> | undefined;
  problem?: string | undefined;
  deleteError?: string | undefined;
}

export function ItemPage(p: ItemPageProps) {
  const { t, locale, tr } = usePage();
  const planName = planTitle(t, locale, p.plan, p.committee);
  const itemTitle = `${tr.formatNumber(p.item.position)}. ${textIn(p.item.title, locale)}`;
  const base = `/${locale}/work-plans/${p.plan.id}/items/${p.item.id}`;
  const i = p.item;
  const current: ItemForm = p.values ?? {
    title: (i.title as Record<string, string | undefined>)[locale] ?? '',
    description: (i.description as Record<string, string | undefined>)[locale] ?? '',
    owner: i.ownerUserId ?? '',
    owner_label: i.ownerLabel ?? '',
    due: i.dueDate ?? '',
    status: i.status,
    actions: i.actionIds.join(', '),
    progress: i.progressNote ?? '',
  };
  const allErrors = { ...(p.errors ?? {}), ...(p.linkErrors ?? {}), ...(p.deleteError ? { confirm: p.deleteError } : {}) };
  return (
    <Layout title={itemTitle} before={<Breadcrumbs items={crumbs(locale, t, [{ href: `/${locale}/work-plans/${p.plan.id}`, label: planName }, { label: itemTitle }])} />}>
      {Object.keys(allErrors).length ? <ErrorSummary errors={allErrors} fieldIds={{ address: 'f-address', confirm: 'f-confirm' }} /> : null}
      {p.problem ? (
        <NotificationBanner kind="warning">
          <p>{p.problem}</p>
        </NotificationBanner>
      ) : null}
      {p.flash ? (
        <NotificationBanner kind="success">
          <p>{t(`engagement.items.flash.${p.flash}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>
        {tr.formatNumber(i.position)}. <Written texts={i.title} />
      </h1>
      <SummaryList
        rows={[
          { key: t('engagement.items.field.status'), value: <ItemStatusTag status={i.status} /> },
          { key: t('engagement.items.field.owner'), value: <OwnerText item={i} /> },
          {
            key: t('engagement.items.field.due'),
            value: (
              <>
                <DateText value={i.dueDate} />
                {isOverdue(i, today()) ? (
                  <>
                    {' '}
                    <Tag tone="red">{t('engagement.items.overdue')}</Tag>
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: t('engagement.items.field.actions'),
            value: i.actionIds.length ? (
              <ul class="compact-list">
                {i.actionIds.map((a) => (
                  <li key={a}>
                    <a href={`/${locale}/plans/actions/${a}`} dir="ltr">
                      {a}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          },
          ...(textIn(i.description, locale) ? [{ key: t('engagement.items.field.description'), value: <Written texts={i.description} /> }] : []),
          ...(i.progressNote ? [{ key: t('engagement.items.field.progress'), value: <span dir="auto">{i.progressNote}</span> }] : []),
          ...(i.completedAt ? [{ key: t('engagement.items.completed_at'), value: <DateText value={i.completedAt} /> }] : []),
        ]}
      />
      <EvidenceSection links={p.links} base={base} canEdit={p.canEdit} values={p.linkValues} errors={p.linkErrors} />
      {p.canEdit ? (
        <>
          <section aria-labelledby="edit-item">
            <h2 id="edit-item">{t('engagement.items.edit_title')}</h2>
            <p class="field__hint">{t('engagement.items.language_note', { language: t(`engagement.language.${locale}`) })}</p>
            <PostForm action={base}>
              <input type="hidden" name="version" value={String(i.version)} />
              <ItemFields values={current} errors={p.errors} owners={p.owners} current={i} />
              <Button>{t('engagement.items.save')}</Button>
            </PostForm>
          </section>
          <section aria-labelledby="place-item">
            <h2 id="place-item">{t('engagement.items.place_title')}</h2>
            <div class="button-group">
              {!p.isFirst ? (
                <PostForm action={`${base}/move`} inline>
                  <input type="hidden" name="direction" value="up" />
                  <Button variant="secondary">{t('engagement.items.move_up')}</Button>
                </PostForm>
              ) : null}
              {!p.isLast ? (
                <PostForm action={`${base}/move`} inline>
                  <input type="hidden" name="direction" value="down" />
                  <Button variant="secondary">{t('engagement.items.move_down')}</Button>
                </PostForm>
              ) : null}
            </div>
            <h3>{t('engagement.items.delete_title')}</h3>
            <PostForm action={`${base}/delete`}>
              <input type="hidden" name="version" value={String(i.version)} />
              <div class={`field${p.deleteError ? ' field--error' : ''}`}>
                {p.deleteError ? (
                  <p class="field__error" id="f-confirm-error">
                    {p.deleteError}
                  </p>
                ) : null}
                <Checkbox name="confirm" value="yes" label={t('engagement.items.delete_confirm')} />
              </div>
              <Button variant="warning">{t('engagement.items.delete')}</Button>
            </PostForm>
          </section>
        </>
      ) : null}
    </Layout>
  );
}
