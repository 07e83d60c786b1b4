/** Pieces every results page shares: breadcrumbs, the results' own navigation and downloads, answer formatting. */
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../platform/views/context.ts';
import { Breadcrumbs, Button, Tag } from '../../../../platform/views/components.tsx';
import { LANGUAGE_NAMES, LOCALES } from '../../../../platform/i18n/locales.ts';
import type { Column, Question, Texts } from '../../content.ts';
import { choiceCodes, dateOf, numberOf, tableRows, textIn, textOfAnswer } from '../summaries.ts';

export interface QuestionnaireHead {
  id: string;
  title: Texts;
  sourceLocale: string;
  isDemo: boolean;
}

export function useText() {
  const { locale } = usePage();
  return (texts: Texts | undefined, source: string, fallback = '') => textIn(texts, locale, source, fallback);
}

export function resultsBase(locale: string, id: string): string {
  return `/${locale}/questionnaires/${id}/results`;
}

export function ResultsBreadcrumbs({ q, current }: { q: QuestionnaireHead; current?: { href?: string; label: string }[] }) {
  const { t, locale } = usePage();
  const text = useText();
  return (
    <Breadcrumbs
      items={[
        { href: `/${locale}/questionnaires`, label: t('questionnaires.nav') },
        { href: `/${locale}/questionnaires/${q.id}`, label: <bdi>{text(q.title, q.sourceLocale, q.id)}</bdi> },
        ...(current ?? []),
      ]}
    />
  );
}

/** The results' sub-pages and the downloads. */
export function ResultsNav({ q, active }: { q: QuestionnaireHead; active: 'summary' | 'answers' | 'states' }) {
  const { t, locale } = usePage();
  const base = resultsBase(locale, q.id);
  const items: { key: typeof active; href: string; label: string }[] = [
    { key: 'summary', href: base, label: t('questionnaires.results.nav.summary') },
    { key: 'answers', href: `${base}/answers`, label: t('questionnaires.results.nav.answers') },
    { key: 'states', href: `${base}/states`, label: t('questionnaires.results.nav.states') },
  ];
  return (
    <>
      {q.isDemo ? (
        <p>
          <Tag tone="yellow">{t('questionnaires.results.demo')}</Tag>
        </p>
      ) : null}
      <nav aria-label={t('questionnaires.results.nav.label')}>
        <ul class="button-group compact-list">
          {items.map((i) => (
            <li key={i.key}>
              <a href={i.href} aria-current={i.key === active ? 'page' : undefined}>
                {i.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** Downloads: CSV, and XLSX with labels in a chosen language. */
export function Downloads({ q }: { q: QuestionnaireHead }) {
  const { t, locale } = usePage();
  const base = resultsBase(locale, q.id);
  const lang = (LOCALES as readonly string[]).includes(locale) ? locale : 'en';
  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('questionnaires.results.downloads.title')}</h2>
      <p class="muted">{t('questionnaires.results.downloads.hint')}</p>
      <form method="get" action={`${base}/export.xlsx`} class="filters">
        <div class="field">
          <label class="field__label" for="export-lang">
            {t('questionnaires.results.downloads.language')}
          </label>
          <select class="select" id="export-lang" name="lang">
            {LOCALES.map((l) => (
              <option key={l} value={l} selected={l === lang} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t('questionnaires.results.downloads.xlsx')}</Button>
      </form>
      <p>
        <a href={`${base}/export.csv?lang=${lang}`} download>
          {t('questionnaires.results.downloads.csv')}
        </a>
      </p>
    </section>
  );
}

/** A language's name in that language, or the code. */
export function LanguageName({ code }: { code: string }) {
  return (LOCALES as readonly string[]).includes(code) ? <span lang={code}>{LANGUAGE_NAMES[code as (typeof LOCALES)[number]]}</span> : <code dir="ltr">{code}</code>;
}

/** One answer as readers see it: choices with their labels, numbers with units, text in its language. */
export function AnswerValue({ q, value, source, lang }: { q: Question | Column; value: unknown; source: string; lang: string }): ComponentChildren {
  const { t, tr } = usePage();
  const text = useText();
  const none = <span class="muted">{t('questionnaires.results.no_answer')}</span>;
  switch (q.type) {
    case 'yesno':
    case 'single':
    case 'multiple': {
      const codes = choiceCodes(q.type, value);
      if (!codes.length) return none;
      return codes
        .map((c) => (q.type === 'yesno' ? t(`questionnaires.results.${c}`) : text(q.options?.find((o) => o.value === c)?.label, source, c)))
        .join(' · ');
    }
    case 'number': {
      const n = numberOf(value);
      if (n === undefined) return none;
      const unit = text(q.unit, source);
      return `${tr.formatNumber(n)}${unit ? ` ${unit}` : ''}`;
    }
    case 'date': {
      const d = dateOf(value);
      return d ? <time datetime={d}>{tr.formatDate(d)}</time> : none;
    }
    case 'short_text':
    case 'long_text': {
      const s = textOfAnswer(value);
      return s ? (
        <span lang={lang} dir="auto" class="thread__body">
          {s}
        </span>
      ) : (
        none
      );
    }
    case 'table': {
      const rows = tableRows(value);
      if (!rows.length) return none;
      const cols = (q as Question).columns ?? [];
      return (
        <div class="table-wrap" tabIndex={0}>
          <table class="table table--compact">
            <thead>
              <tr>
                {cols.map((c) => (
                  <th scope="col" key={c.id}>
                    {text(c.label, source, c.id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {cols.map((c) => (
                    <td key={c.id}>
                      <AnswerValue q={c} value={r[c.id]} source={source} lang={lang} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    default:
      return value ? t('questionnaires.results.file_given') : none;
  }
}
