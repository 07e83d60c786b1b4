/**
 * Accessible building blocks in the spirit of the GOV.UK Design System, mirrored for right-to-left
 * (the stylesheet uses logical properties only). Every component takes already-translated text.
 */
import type { ComponentChildren } from 'preact';
import { usePage } from './context.ts';

export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken} />;
}

export interface ErrorItem {
  field: string;
  message: string;
}

/** The error summary: first on the page, focused by the client module, each error links to its field. */
export function ErrorSummary({ errors, fieldIds }: { errors: Record<string, string> | ErrorItem[]; fieldIds?: Record<string, string> }) {
  const { t } = usePage();
  const items = Array.isArray(errors) ? errors : Object.entries(errors).map(([field, message]) => ({ field, message }));
  if (items.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-module="error-summary" aria-labelledby="error-summary-title">
      <h2 class="error-summary__title" id="error-summary-title">
        {t('common.errors.summary_title')}
      </h2>
      <ul class="error-summary__list">
        {items.map((e) => (
          <li key={e.field}>{e.field === '_form' ? e.message : <a href={`#${fieldIds?.[e.field] ?? fieldId(e.field)}`}>{e.message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface FieldProps {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  id?: string;
  /** Visually larger label, used when the field is the page's only question. */
  pageHeading?: boolean;
}

function FieldShell({ name, label, hint, error, id, children }: FieldProps & { children: ComponentChildren }) {
  const fid = id ?? fieldId(name);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={fid}>
        {label}
      </label>
      {hint ? (
        <div class="field__hint" id={`${fid}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="field__error" id={`${fid}-error`}>
          <span class="visually-hidden">{usePage().t('common.errors.prefix')} </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(fid: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${fid}-hint` : '', error ? `${fid}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Extra attributes a text input may carry. */
export interface InputAttrs {
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel' | 'url' | 'search';
  spellcheck?: boolean;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  maxLength?: number;
  pattern?: string;
  required?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  'data-module'?: string;
}

export function TextField(props: FieldProps & { value?: string | number | null | undefined; type?: string; width?: 'short' | 'medium' | 'full'; attrs?: InputAttrs }) {
  const fid = props.id ?? fieldId(props.name);
  return (
    <FieldShell {...props}>
      <input
        class={`input input--${props.width ?? 'full'}`}
        id={fid}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        dir="auto"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(fid, props.hint, props.error)}
        {...(props.attrs as Record<string, unknown>)}
      />
    </FieldShell>
  );
}

/** A multi-line text field; `lang` when the text is in another language than the page (e.g. a paper's Arabic version). */
export function TextArea(props: FieldProps & { value?: string | null | undefined; rows?: number; maxLength?: number; lang?: string | undefined }) {
  const fid = props.id ?? fieldId(props.name);
  return (
    <FieldShell {...props}>
      <textarea
        class="textarea"
        id={fid}
        name={props.name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        lang={props.lang}
        dir="auto"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(fid, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & { value?: string | null | undefined; options: { value: string; label: string }[]; placeholder?: string },
) {
  const fid = props.id ?? fieldId(props.name);
  return (
    <FieldShell {...props}>
      <select class="select" id={fid} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(fid, props.hint, props.error)}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox({ name, label, checked, hint, value = 'on' }: { name: string; label: ComponentChildren; checked?: boolean; hint?: ComponentChildren; value?: string }) {
  const fid = fieldId(name);
  return (
    <div class="checkbox">
      <input class="checkbox__input" type="checkbox" id={fid} name={name} value={value} checked={checked} aria-describedby={hint ? `${fid}-hint` : undefined} />
      <label class="checkbox__label" for={fid}>
        {label}
      </label>
      {hint ? (
        <div class="field__hint" id={`${fid}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export function Radios({
  name,
  legend,
  options,
  value,
  error,
  hint,
}: {
  name: string;
  legend: ComponentChildren;
  options: { value: string; label: string; hint?: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: ComponentChildren;
}) {
  const fid = fieldId(name);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(fid, hint, error)}>
        <legend class="fieldset__legend">{legend}</legend>
        {hint ? (
          <div class="field__hint" id={`${fid}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p class="field__error" id={`${fid}-error`}>
            {error}
          </p>
        ) : null}
        {options.map((o, i) => (
          <div class="radio" key={o.value}>
            <input class="radio__input" type="radio" id={i === 0 ? fid : `${fid}-${i}`} name={name} value={o.value} checked={o.value === value} />
            <label class="radio__label" for={i === 0 ? fid : `${fid}-${i}`}>
              {o.label}
            </label>
            {o.hint ? <div class="field__hint">{o.hint}</div> : null}
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Button({ children, variant = 'primary', name, value, type = 'submit' }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning'; name?: string; value?: string; type?: 'submit' | 'button' }) {
  return (
    <button class={`button button--${variant}`} type={type} name={name} value={value}>
      {children}
    </button>
  );
}

/** A POST form with the CSRF token; `inline` for one-button forms inside tables. */
export function PostForm({ action, children, inline, enctype, id }: { action: string; children: ComponentChildren; inline?: boolean; enctype?: string; id?: string }) {
  return (
    <form method="post" action={action} class={inline ? 'form form--inline' : 'form'} enctype={enctype} id={id} novalidate>
      <CsrfField />
      {children}
    </form>
  );
}

export function SummaryList({ rows }: { rows: { key: ComponentChildren; value: ComponentChildren; action?: ComponentChildren }[] }) {
  return (
    <dl class="summary-list">
      {rows.map((r, i) => (
        <div class="summary-list__row" key={i}>
          <dt class="summary-list__key">{r.key}</dt>
          <dd class="summary-list__value">{r.value}</dd>
          {r.action ? <dd class="summary-list__actions">{r.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

export interface Column<T> {
  header: ComponentChildren;
  cell: (row: T) => ComponentChildren;
  numeric?: boolean;
}

/**
 * The scrolling box around a wide table: focusable, so keyboard users can scroll it, and named
 * after the table for screen readers (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function TableWrap({ label, children }: { label?: ComponentChildren; children: ComponentChildren }) {
  const name = typeof label === 'string' ? label : undefined;
  return (
    <div class="table-wrap" tabIndex={0} role={name ? 'region' : undefined} aria-label={name}>
      {children}
    </div>
  );
}

export function Table<T>({ caption, columns, rows, empty, captionHidden }: { caption: ComponentChildren; columns: Column<T>[]; rows: T[]; empty?: ComponentChildren; captionHidden?: boolean }) {
  return (
    <TableWrap label={caption}>
      <table class="table">
        <caption class={captionHidden ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th scope="col" class={c.numeric ? 'num' : undefined} key={i}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((r, ri) => (
              <tr key={ri}>
                {columns.map((c, ci) => (
                  <td class={c.numeric ? 'num' : undefined} key={ci}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function NotificationBanner({ kind = 'info', title, children }: { kind?: 'info' | 'success' | 'warning'; title?: ComponentChildren; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <div class={`banner banner--${kind}`} role={kind === 'success' ? 'status' : 'region'} aria-labelledby={`banner-${kind}-title`}>
      <h2 class="banner__title" id={`banner-${kind}-title`}>
        {title ?? t(`common.banner.${kind}`)}
      </h2>
      <div class="banner__content">{children}</div>
    </div>
  );
}

export function Tag({ children, tone = 'grey' }: { children: ComponentChildren; tone?: 'grey' | 'blue' | 'green' | 'red' | 'yellow' | 'purple' }) {
  return <strong class={`tag tag--${tone}`}>{children}</strong>;
}

/** A date in the user's language, machine-readable in `datetime`. */
export function DateText({ value, style = 'long' }: { value: Date | string | null | undefined; style?: 'long' | 'medium' | 'short' }) {
  const { tr } = usePage();
  if (!value) return <>—</>;
  const iso = typeof value === 'string' ? value : value.toISOString();
  return <time datetime={iso.length === 10 ? iso : iso.slice(0, 19) + 'Z'}>{tr.formatDate(value, style)}</time>;
}

export function DateTimeText({ value }: { value: Date | null | undefined }) {
  const { tr } = usePage();
  if (!value) return <>—</>;
  return <time datetime={value.toISOString()}>{tr.formatDateTime(value)}</time>;
}

export function Breadcrumbs({ items }: { items: { href?: string; label: ComponentChildren }[] }) {
  const { t } = usePage();
  return (
    <nav class="breadcrumbs" aria-label={t('common.breadcrumbs')}>
      <ol>
        {items.map((it, i) => (
          <li key={i}>{it.href ? <a href={it.href}>{it.label}</a> : <span aria-current="page">{it.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** Previous/next pagination that works without JavaScript. */
export function Pagination({ prevHref, nextHref, label }: { prevHref?: string | undefined; nextHref?: string | undefined; label?: string }) {
  const { t } = usePage();
  if (!prevHref && !nextHref) return null;
  return (
    <nav class="pagination" aria-label={label ?? t('common.pagination.label')}>
      <ul>
        {prevHref ? (
          <li class="pagination__prev">
            <a href={prevHref} rel="prev">
              {t('common.pagination.previous')}
            </a>
          </li>
        ) : null}
        {nextHref ? (
          <li class="pagination__next">
            <a href={nextHref} rel="next">
              {t('common.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export interface TaskItem {
  href?: string | undefined;
  title: ComponentChildren;
  hint?: ComponentChildren;
  status: ComponentChildren;
  tone?: 'grey' | 'blue' | 'green' | 'red' | 'yellow' | 'purple';
}

/** GOV.UK task list: each item's title links to its page; the status is read after the title. */
export function TaskList({ items }: { items: TaskItem[] }) {
  return (
    <ul class="task-list">
      {items.map((it, i) => (
        <li class="task-list__item" key={i}>
          <div class="task-list__name">
            {it.href ? <a href={it.href}>{it.title}</a> : it.title}
            {it.hint ? <div class="field__hint">{it.hint}</div> : null}
          </div>
          <div class="task-list__status">
            <Tag tone={it.tone ?? 'grey'}>{it.status}</Tag>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** User-entered text: isolated so mixed Arabic/Latin stays readable. */
export function UserText({ children }: { children: ComponentChildren }) {
  return <bdi>{children}</bdi>;
}
