import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '../indicators/definitions.ts';
import { EVAL_SET } from './eval-set.ts';
import { runEval, TARGET } from './eval.ts';

describe('detector accuracy on the labelled passages', () => {
  const result = runEval();

  it('has at least 60 passages in at least four languages, with positives, negatives and near misses', () => {
    expect(EVAL_SET.length).toBeGreaterThanOrEqual(60);
    expect(new Set(EVAL_SET.map((p) => p.lang)).size).toBeGreaterThanOrEqual(4);
    for (const kind of ['positive', 'negative', 'near_miss'] as const) expect(EVAL_SET.some((p) => p.kind === kind)).toBe(true);
    expect(new Set(EVAL_SET.map((p) => p.id)).size).toBe(EVAL_SET.length);
  });

  it('has positives for every indicator', () => {
    for (const id of INDICATOR_IDS) expect(EVAL_SET.filter((p) => p.positives.includes(id)).length, id).toBeGreaterThanOrEqual(8);
  });

  it.each(INDICATOR_IDS)('%s reaches the target precision and recall on the development set', (id) => {
    const s = result.development.byIndicator[id]!;
    expect(s.precision, `${id} precision`).toBeGreaterThanOrEqual(TARGET);
    expect(s.recall, `${id} recall`).toBeGreaterThanOrEqual(TARGET);
  });

  it('reports the held-out batch on its own', () => {
    expect(result.heldOut.passages).toBeGreaterThan(0);
    expect(result.development.passages + result.heldOut.passages).toBe(EVAL_SET.length);
  });
});
