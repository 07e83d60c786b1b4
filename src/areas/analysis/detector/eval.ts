/**
 * Measures the narrative detector with its seeded term lists on the labelled passages of
 * eval-set.ts: precision and recall per indicator and per language.
 *
 *   npm run eval:detector              figures, and the passages it got wrong
 *   npm run eval:detector -- --quiet   figures only
 *
 * Two sets are reported:
 *  - the development set (every passage not marked `heldOut`): the term lists were improved
 *    until each indicator reached TARGET on it. The command exits with status 1 when any
 *    indicator falls below TARGET in precision or recall there.
 *  - the held-out batch: written after the last change to the lists and never used to change
 *    them, so its figures estimate how the detector does on text its lists were not built from.
 *    They are printed, not enforced.
 * A passage counts as a detection for an indicator when the detector finds at least one hit that
 * is not cancelled by a negation.
 */
import { pathToFileURL } from 'node:url';
import { INDICATOR_IDS } from '../indicators/definitions.ts';
import { compileLists, detect, type CompiledLists, type Hit } from './detector.ts';
import { EVAL_SET, type EvalPassage } from './eval-set.ts';
import { seedTermRows } from './seed-terms.ts';

export const TARGET = 0.9;

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface EvalError {
  passage: EvalPassage;
  indicatorId: string;
  kind: 'false_positive' | 'false_negative';
  hits: Hit[];
}

export interface SetResult {
  passages: number;
  byIndicator: Record<string, Score>;
  byLanguage: Record<string, { passages: number } & Score>;
  overall: Score;
  errors: EvalError[];
}

export interface EvalResult {
  development: SetResult;
  heldOut: SetResult;
  /** Indicators below TARGET in precision or recall on the development set. */
  failing: string[];
}

function score(tp: number, fp: number, fn: number): Score {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

type Counts = { tp: number; fp: number; fn: number };
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

function measure(lists: CompiledLists, passages: EvalPassage[]): SetResult {
  const byInd = new Map<string, Counts>(INDICATOR_IDS.map((id) => [id, zero()]));
  const byLang = new Map<string, Counts & { passages: number }>();
  const errors: EvalError[] = [];
  for (const p of passages) {
    const hits = detect(p.text, lists);
    const lc = byLang.get(p.lang) ?? { passages: 0, ...zero() };
    lc.passages++;
    byLang.set(p.lang, lc);
    for (const id of INDICATOR_IDS) {
      const own = hits.filter((h) => h.indicatorId === id);
      const predicted = own.some((h) => !h.negated);
      const actual = p.positives.includes(id);
      if (!predicted && !actual) continue;
      const k = predicted && actual ? 'tp' : predicted ? 'fp' : 'fn';
      byInd.get(id)![k]++;
      lc[k]++;
      if (k !== 'tp') errors.push({ passage: p, indicatorId: id, kind: k === 'fp' ? 'false_positive' : 'false_negative', hits: own });
    }
  }
  const byIndicator: Record<string, Score> = {};
  const total = zero();
  for (const [id, c] of byInd) {
    byIndicator[id] = score(c.tp, c.fp, c.fn);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  const byLanguage: SetResult['byLanguage'] = {};
  for (const [lang, c] of [...byLang].sort()) byLanguage[lang] = { passages: c.passages, ...score(c.tp, c.fp, c.fn) };
  return { passages: passages.length, byIndicator, byLanguage, overall: score(total.tp, total.fp, total.fn), errors };
}

export function runEval(lists: CompiledLists = compileLists(seedTermRows()), passages: EvalPassage[] = EVAL_SET): EvalResult {
  const development = measure(lists, passages.filter((p) => !p.heldOut));
  const heldOut = measure(lists, passages.filter((p) => p.heldOut));
  const failing = INDICATOR_IDS.filter((id) => development.byIndicator[id]!.precision < TARGET || development.byIndicator[id]!.recall < TARGET);
  return { development, heldOut, failing };
}

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
const row = (label: string, s: Score, width = 30) => `${label.padEnd(width)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}   ${pct(s.precision)}   ${pct(s.recall)}`;

function formatSet(r: SetResult, failing: string[] = []): string[] {
  const lines: string[] = [];
  lines.push(`${'indicator'.padEnd(30)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}   precision    recall`);
  for (const [id, s] of Object.entries(r.byIndicator)) lines.push(`${row(id, s)}${failing.includes(id) ? '  ✗ below target' : ''}`);
  lines.push(row('all indicators', r.overall));
  lines.push('');
  lines.push(`${'language'.padEnd(21)} ${'passages'.padStart(8)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}   precision    recall`);
  for (const [lang, s] of Object.entries(r.byLanguage)) lines.push(`${lang.padEnd(21)} ${String(s.passages).padStart(8)}${row('', s, 0)}`);
  return lines;
}

export function formatReport(r: EvalResult, opts: { errors?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`Narrative detector — development set: ${r.development.passages} labelled passages (target ≥ ${pct(TARGET).trim()} precision and recall per indicator)`);
  lines.push('');
  lines.push(...formatSet(r.development, r.failing));
  if (r.heldOut.passages) {
    lines.push('');
    lines.push(`Held-out batch: ${r.heldOut.passages} passages written after the last change to the term lists (reported, not enforced)`);
    lines.push('');
    lines.push(...formatSet(r.heldOut));
  }
  if (opts.errors !== false) {
    const errors = [...r.development.errors, ...r.heldOut.errors];
    if (errors.length) {
      lines.push('');
      lines.push('Passages the detector got wrong:');
      for (const e of errors) {
        const hits = e.hits.map((h) => `"${e.passage.text.slice(h.start, h.end)}" [${h.term}]${h.negated ? ` negated by "${h.cue}"` : ''}`).join('; ');
        lines.push(`  ${e.passage.id}${e.passage.heldOut ? ' (held out)' : ''} ${e.kind === 'false_positive' ? 'false positive' : 'missed'} ${e.indicatorId}: ${e.passage.text}${hits ? `\n      hits: ${hits}` : ''}`);
      }
    }
  }
  lines.push('');
  lines.push(r.failing.length ? `Below target on the development set: ${r.failing.join(', ')}` : 'Every indicator meets the target on the development set.');
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = runEval();
  console.log(formatReport(result, { errors: !process.argv.includes('--quiet') }));
  process.exitCode = result.failing.length ? 1 : 0;
}
