/**
 * Questionnaire results for the Committee's observations paper: for a year, the questionnaires
 * open at some time that year (circulated, answers accepted between opensAt and closesAt/closedAt)
 * with their response rates and key yes/no and choice results, as short sentences with figures
 * (message keys and values, so the paper writes them in any of its languages).
 * Only submitted responses count; answers to hidden questions are left out.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { Translator } from '../../../platform/i18n/messages.ts';
import { listCirculated } from './results-repository.ts';
import type { Texts } from '../content.ts';
import { loadResults } from './results-queries.ts';
import { openDuring, share, summariseAll, textIn, type ChoiceSummary, type ResponseRate } from './summaries.ts';

export interface Finding {
  /** Message key of the questionnaires results catalogue. */
  key: string;
  /** Its values; `question` and `option` are Texts, written in the paper's language by findingSentences. */
  values: Record<string, string | number | Texts>;
}

export interface QuestionnaireFindings {
  id: string;
  title: Texts;
  sourceLocale: string;
  isDemo: boolean;
  opensAt: Date | null;
  closesAt: Date | null;
  rates: ResponseRate[];
  findings: Finding[];
}

export interface PaperFindings {
  year: number;
  questionnaires: QuestionnaireFindings[];
}

/** The most chosen option(s) of a choice summary (ties all named, joined later). */
function topOptions(s: ChoiceSummary) {
  const max = Math.max(0, ...s.options.map((o) => o.count));
  return max > 0 ? s.options.filter((o) => o.count === max) : [];
}

export async function paperFindings(db: DbOrTx, year: number): Promise<PaperFindings> {
  const rows = (await listCirculated(db)).filter((q) => openDuring(q, year)).sort((a, b) => (a.opensAt ?? a.circulatedAt!).getTime() - (b.opensAt ?? b.circulatedAt!).getTime());
  const out: QuestionnaireFindings[] = [];
  for (const q of rows) {
    const data = await loadResults(db, q);
    const findings: Finding[] = [];
    const all = data.rates.find((r) => r.audience === 'all')!;
    findings.push({ key: 'questionnaires.results.paper.rate', values: { submitted: all.submitted, invited: all.invited, share: share(all.submitted, all.invited) } });
    for (const r of data.rates)
      if (r.audience !== 'all' && r.invited > 0)
        findings.push({ key: `questionnaires.results.paper.rate_${r.audience}`, values: { submitted: r.submitted, invited: r.invited, share: share(r.submitted, r.invited) } });
    for (const s of summariseAll(data.catalogue, data.counted)) {
      if (s.summary.kind !== 'choice' || s.summary.answered === 0) continue;
      const sum = s.summary;
      if (sum.type === 'yesno') {
        const yes = sum.options.find((o) => o.value === 'yes')?.count ?? 0;
        findings.push({ key: 'questionnaires.results.paper.yesno', values: { question: s.question.label, yes, answered: sum.answered, share: share(yes, sum.answered) } });
      } else {
        const top = topOptions(sum);
        if (!top.length) continue;
        const option: Texts = {};
        for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) option[l] = top.map((o) => textIn(o.label, l, q.sourceLocale, o.value)).join(' / ');
        findings.push({
          key: sum.type === 'multiple' ? 'questionnaires.results.paper.multiple' : 'questionnaires.results.paper.single',
          values: { question: s.question.label, option, count: top[0]!.count, answered: sum.answered, share: share(top[0]!.count, sum.answered) },
        });
      }
    }
    out.push({ id: q.id, title: q.title, sourceLocale: q.sourceLocale, isDemo: q.isDemo, opensAt: q.opensAt, closesAt: q.closesAt, rates: data.rates, findings });
  }
  return { year, questionnaires: out };
}

/** The findings of one questionnaire as sentences in the translator's language. */
export function findingSentences(f: QuestionnaireFindings, tr: Translator): string[] {
  return f.findings.map((x) => {
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(x.values)) values[k] = typeof v === 'object' ? textIn(v, tr.locale, f.sourceLocale) : v;
    return tr.t(x.key, values);
  });
}

/** One paragraph for the paper: the questionnaire named, then its findings, in the translator's language. */
export function findingsParagraph(f: QuestionnaireFindings, tr: Translator): string {
  const title = textIn(f.title, tr.locale, f.sourceLocale);
  return [tr.t('questionnaires.results.paper.heading', { title }), ...findingSentences(f, tr)].join(' ');
}
