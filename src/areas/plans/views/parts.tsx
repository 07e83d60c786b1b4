/** Pieces shared by the public and the editing pages of the action plans. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../platform/views/context.ts';
import { Button, PostForm, Tag } from '../../../platform/views/components.tsx';
import { DATA_FLAGS, displayText, TEXT_LOCALES, THEMES, type LocalizedText, type TextLocale } from '../plans.ts';

/**
 * Text of a plan in the page's language, isolated for mixed scripts. When it is missing in that
 * language the English (or another) text is shown, marked with its language so screen readers read
 * it right, and `missing` says so.
 */
export function LocalText({ text, fallback }: { text: LocalizedText | null | undefined; fallback?: ComponentChildren }) {
  const { locale } = usePage();
  const shown = displayText(text, locale);
  if (!shown) return <>{fallback ?? null}</>;
  if (shown.lang === locale) return <bdi>{shown.text}</bdi>;
  return (
    <bdi lang={shown.lang} dir={shown.lang === 'ar' ? 'rtl' : 'ltr'}>
      {shown.text}
    </bdi>
  );
}

/** Plain text of a plan text in the page's language (for <title> and attributes). */
export function plainText(text: LocalizedText | null | undefined, locale: string): string {
  return displayText(text, locale)?.text ?? '';
}

export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale === 'qps' ? 'en' : locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function themeLabel(t: (k: string) => string, theme: string): string {
  return (THEMES as readonly string[]).includes(theme) ? t(`plans.theme.${theme}`) : theme;
}

/** Themes as tags; the data flags (to verify, to complete) stand out. */
export function ThemeTags({ themes }: { themes: readonly string[] }) {
  const { t } = usePage();
  if (!themes.length) return null;
  return (
    <span>
      {themes.map((th, i) => (
        <span key={th}>
          {i ? ' ' : null}
          {(THEMES as readonly string[]).includes(th) ? (
            <Tag tone={(DATA_FLAGS as readonly string[]).includes(th) ? 'yellow' : 'grey'}>{themeLabel(t, th)}</Tag>
          ) : (
            <Tag tone="grey">
              <bdi>{th}</bdi>
            </Tag>
          )}
        </span>
      ))}
    </span>
  );
}

export function MeasureText({ measure }: { measure: string | null }) {
  const { t } = usePage();
  return <>{measure ? t(`plans.measure.${measure}`) : t('plans.measure.none')}</>;
}

/** Move up / move down buttons for one item of an ordered list (no JavaScript needed). */
export function MoveButtons({ action, version, name, first, last }: { action: string; version: number; name: string; first: boolean; last: boolean }) {
  const { t } = usePage();
  return (
    <span class="button-group">
      {first ? null : (
        <PostForm action={action} inline>
          <input type="hidden" name="version" value={String(version)} />
          <input type="hidden" name="direction" value="up" />
          <Button variant="secondary">
            {t('plans.admin.move_up')}
            <span class="visually-hidden"> ({name})</span>
          </Button>
        </PostForm>
      )}
      {last ? null : (
        <PostForm action={action} inline>
          <input type="hidden" name="version" value={String(version)} />
          <input type="hidden" name="direction" value="down" />
          <Button variant="secondary">
            {t('plans.admin.move_down')}
            <span class="visually-hidden"> ({name})</span>
          </Button>
        </PostForm>
      )}
    </span>
  );
}

/** The ids of the input of one language of a text field. */
export function textInputId(name: string, locale: string): string {
  return `f-${name}-${locale}`;
}

export interface TextColumn {
  /** Field name; the inputs are `<name>.<locale>`. */
  name: string;
  label: string;
  multiline?: boolean;
  maxLength: number;
  /** Empty in every language is fine (the text is optional). */
  optional?: boolean;
}

/**
 * The six languages side by side: one row per language, one column per text, so a translator sees
 * every version of a text at once. A language whose required text is empty is marked missing.
 */
export function TranslationTable({ caption, columns, values, errors }: { caption: string; columns: TextColumn[]; values: Record<string, unknown>; errors?: Record<string, string> | undefined }) {
  const { t, locale } = usePage();
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="table">
        <caption class="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.form.col_language')}</th>
            {columns.map((c) => (
              <th scope="col" key={c.name}>
                {c.label}
              </th>
            ))}
            <th scope="col">{t('plans.form.col_status')}</th>
          </tr>
        </thead>
        <tbody>
          {TEXT_LOCALES.map((l: TextLocale) => {
            const missing = columns.filter((c) => !str(values[`${c.name}.${l}`]).trim() && !(c.optional && TEXT_LOCALES.every((o) => !str(values[`${c.name}.${o}`]).trim())));
            return (
              <tr key={l}>
                <th scope="row">
                  {languageName(l, locale)}
                  {l === 'en' ? <span class="muted"> {t('plans.form.reference_language')}</span> : null}
                </th>
                {columns.map((c) => {
                  const name = `${c.name}.${l}`;
                  const id = textInputId(c.name, l);
                  const error = errors?.[name];
                  const common = {
                    id,
                    name,
                    lang: l,
                    dir: (l === 'ar' ? 'rtl' : 'ltr') as 'rtl' | 'ltr',
                    'aria-invalid': error ? ('true' as const) : undefined,
                    'aria-describedby': error ? `${id}-error` : undefined,
                  };
                  return (
                    <td key={c.name} class={error ? 'field--error' : undefined}>
                      <label class="visually-hidden" for={id}>
                        {t('plans.form.text_in', { field: c.label, language: languageName(l, locale) })}
                      </label>
                      {error ? (
                        <p class="field__error" id={`${id}-error`}>
                          <span class="visually-hidden">{t('common.errors.prefix')} </span>
                          {error}
                        </p>
                      ) : null}
                      {c.multiline ? (
                        <textarea class="textarea" rows={3} maxLength={c.maxLength} {...common}>
                          {str(values[name])}
                        </textarea>
                      ) : (
                        <input class="input input--full" type="text" maxLength={c.maxLength} value={str(values[name])} {...common} />
                      )}
                    </td>
                  );
                })}
                <td>{missing.length ? <Tag tone="yellow">{t('plans.form.missing')}</Tag> : <Tag tone="green">{t('plans.form.complete')}</Tag>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A stale edit: someone saved since the form was opened. The texts that differ are shown side by
 * side (theirs as saved, yours as typed); the form below keeps what the user typed and carries the
 * saved version, so saving again is a deliberate choice.
 */
export function ConflictPanel({ rows }: { rows: { label: string; yours: ComponentChildren; saved: ComponentChildren }[] }) {
  const { t } = usePage();
  return (
    <div class="conflict">
      <h2>{t('plans.conflict.title')}</h2>
      <p>{t('plans.conflict.text')}</p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('plans.conflict.caption')}>
        <table class="table">
          <caption class="table__caption">{t('plans.conflict.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.conflict.col_text')}</th>
              <th scope="col">{t('plans.conflict.col_saved')}</th>
              <th scope="col">{t('plans.conflict.col_yours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length ? (
              rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{r.label}</th>
                  <td>{r.saved}</td>
                  <td>{r.yours}</td>
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={3}>{t('plans.conflict.same')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p>{t('plans.conflict.again')}</p>
    </div>
  );
}

/** Rows of a conflict for the texts (per language) and plain fields that differ. */
export function conflictRows(
  t: (k: string, v?: Record<string, string | number>) => string,
  locale: string,
  fields: { name: string; label: string; localized?: boolean; show?: (v: string) => ComponentChildren }[],
  yours: Record<string, unknown>,
  saved: Record<string, unknown>,
): { label: string; yours: ComponentChildren; saved: ComponentChildren }[] {
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : Array.isArray(v) ? v.join(', ') : '');
  const cell = (v: string, lang?: string, show?: (v: string) => ComponentChildren) =>
    v ? (
      show ? (
        show(v)
      ) : (
        <bdi lang={lang} dir={lang === 'ar' ? 'rtl' : lang ? 'ltr' : undefined}>
          {v}
        </bdi>
      )
    ) : (
      <span class="muted">{t('plans.conflict.empty')}</span>
    );
  const out: { label: string; yours: ComponentChildren; saved: ComponentChildren }[] = [];
  for (const f of fields) {
    const names = f.localized ? TEXT_LOCALES.map((l) => [`${f.name}.${l}`, l] as const) : [[f.name, undefined] as const];
    for (const [name, lang] of names) {
      const a = str(yours[name]).trim();
      const b = str(saved[name]).trim();
      if (a === b) continue;
      const label = lang ? t('plans.form.text_in', { field: f.label, language: languageName(lang, locale) }) : f.label;
      out.push({ label, yours: cell(a, lang, f.show), saved: cell(b, lang, f.show) });
    }
  }
  return out;
}
