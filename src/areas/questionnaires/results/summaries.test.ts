import { describe, expect, it } from 'vitest';
import type { QuestionnaireContent } from '../content.ts';
import {
  choiceCodes,
  countedResponses,
  crossTabulate,
  groupsPresent,
  median,
  openDuring,
  questionCatalogue,
  responseRates,
  summariseAll,
  textAnswers,
  textIn,
  type ResponseInput,
} from './summaries.ts';
import { responseRows, tableSheetRows, type ExportInput } from './exports.ts';

const v1: QuestionnaireContent = {
  sections: [
    {
      id: 's',
      title: { en: 'S' },
      questions: [
        { id: 'ok', type: 'yesno', label: { en: 'OK?' } },
        { id: 'n', type: 'number', label: { en: 'N' }, showIf: { question: 'ok', in: ['yes'] } },
        { id: 'old', type: 'short_text', label: { en: 'Old' } },
      ],
    },
  ],
};
const v2: QuestionnaireContent = {
  sections: [
    {
      id: 's',
      title: { en: 'S', fr: 'S fr' },
      questions: [
        { id: 'ok', type: 'yesno', label: { en: 'OK now?' } },
        { id: 'n', type: 'number', label: { en: 'N' }, showIf: { question: 'ok', in: ['yes'] } },
        { id: 'pick', type: 'multiple', label: { en: 'Pick' }, options: [{ value: 'a', label: { en: 'A', fr: 'A fr' } }, { value: 'b', label: { en: 'B' } }] },
        { id: 'when', type: 'date', label: { en: 'When' } },
        { id: 'rows', type: 'table', label: { en: 'Rows' }, columns: [{ id: 'name', type: 'short_text', label: { en: 'Name' } }, { id: 'k', type: 'number', label: { en: 'K' } }, { id: 'yn', type: 'yesno', label: { en: 'YN' } }] },
      ],
    },
  ],
};
const versions = [
  { id: 'v1', versionNo: 1, content: v1 },
  { id: 'v2', versionNo: 2, content: v2 },
];

function resp(id: string, over: Partial<ResponseInput>): ResponseInput {
  return { id, respondentKey: `mine_action_director:${id}`, audience: 'mine_action_director', stateIso2: id, status: 'submitted', locale: 'en', versionId: 'v2', values: {}, submittedAt: new Date('2023-06-01T00:00:00Z'), ...over };
}

const responses: ResponseInput[] = [
  resp('SN', { versionId: 'v1', values: { s: { ok: true, n: 10, old: 'Ancien texte' } } }),
  resp('IQ', { values: { s: { ok: false, n: 999, pick: ['a', 'b'], when: '2022-03-01', rows: [{ _id: 'x1', name: 'Équipe', k: 2, yn: true }, { _id: 'x2', name: '', k: 4, yn: false }] } } }),
  resp('JP', { audience: 'donor', respondentKey: 'donor:JP', values: { s: { ok: true, n: '30', pick: ['a', 'zz'], when: '2021-12-31' } } }),
  resp('KH', { status: 'in_progress', values: { s: { ok: true, n: 1000 } } }),
];

describe('questions across versions', () => {
  it('orders by the newest version, keeps questions only older versions had, and takes the newest wording', () => {
    const cat = questionCatalogue(versions);
    expect(cat.map((e) => e.code)).toEqual(['s.ok', 's.n', 's.pick', 's.when', 's.rows', 's.old']);
    expect(cat[0]!.question.label.en).toBe('OK now?');
  });
});

describe('summaries', () => {
  const counted = countedResponses(versions, responses);
  const byCode = Object.fromEntries(summariseAll(questionCatalogue(versions), counted).map((s) => [s.code, s.summary]));

  it('counts submitted responses only unless asked, and leaves hidden answers out', () => {
    expect(counted.map((r) => r.id)).toEqual(['SN', 'IQ', 'JP']);
    expect(countedResponses(versions, responses, { includeInProgress: true })).toHaveLength(4);
    // IQ answered "no": its 999 is hidden and not counted; JP's "30" typed as text counts.
    expect(byCode['s.n']).toEqual({ kind: 'number', answered: 2, sum: 40, median: 20, min: 10, max: 30 });
  });

  it('yes/no: the engine’s booleans counted as yes and no (codes read too)', () => {
    expect(choiceCodes('yesno', 'yes')).toEqual(['yes']);
    expect(choiceCodes('yesno', false)).toEqual(['no']);
    expect(byCode['s.ok']).toMatchObject({ kind: 'choice', type: 'yesno', answered: 3, options: [{ value: 'yes', count: 2 }, { value: 'no', count: 1 }] });
  });

  it('multiple choice: shares of respondents, unknown codes kept under their code', () => {
    const s = byCode['s.pick'];
    expect(s).toMatchObject({ kind: 'choice', answered: 2 });
    expect(s?.kind === 'choice' && s.options.map((o) => [o.value, o.count])).toEqual([
      ['a', 2],
      ['b', 1],
      ['zz', 1],
    ]);
  });

  it('dates: earliest and latest; texts: how many; tables: rows, responses and column summaries', () => {
    expect(byCode['s.when']).toEqual({ kind: 'date', answered: 2, earliest: '2021-12-31', latest: '2022-03-01' });
    expect(byCode['s.old']).toEqual({ kind: 'text', answered: 1 });
    const t = byCode['s.rows'];
    expect(t).toMatchObject({ kind: 'table', answered: 1, rows: 2 });
    if (t?.kind !== 'table') throw new Error('table');
    expect(t.columns.map((c) => c.summary)).toEqual([
      { kind: 'text', answered: 1 },
      { kind: 'number', answered: 2, sum: 6, median: 3, min: 2, max: 4 },
      expect.objectContaining({ kind: 'choice', answered: 2 }),
    ]);
  });

  it('median of an even and an odd list; choice codes of odd values', () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeUndefined();
    expect(choiceCodes('yesno', 'maybe')).toEqual([]);
    expect(choiceCodes('multiple', ['a', 'a', 3, ''])).toEqual(['a']);
    expect(choiceCodes('single', '')).toEqual([]);
  });
});

describe('response rates', () => {
  it('counts distinct units of invitations not revoked; a submitted response whose invitation was revoked still counts', () => {
    const rates = responseRates(
      [
        { id: 'i1', audience: 'mine_action_director', stateIso2: 'SN', revokedAt: null },
        { id: 'i2', audience: 'mine_action_director', stateIso2: 'SN', revokedAt: null },
        { id: 'i3', audience: 'mine_action_director', stateIso2: 'IQ', revokedAt: new Date() },
        { id: 'i4', audience: 'donor', stateIso2: 'JP', revokedAt: new Date() },
        { id: 'i5', audience: 'other', stateIso2: null, revokedAt: null },
      ],
      [
        { respondentKey: 'mine_action_director:SN', audience: 'mine_action_director', status: 'in_progress' },
        { respondentKey: 'mine_action_director:IQ', audience: 'mine_action_director', status: 'submitted' },
        { respondentKey: 'donor:JP', audience: 'donor', status: 'in_progress' },
      ],
    );
    expect(rates).toEqual([
      { audience: 'mine_action_director', invited: 2, started: 2, submitted: 1 },
      { audience: 'other', invited: 1, started: 0, submitted: 0 },
      { audience: 'all', invited: 3, started: 2, submitted: 1 },
    ]);
  });
});

describe('cross-tabulation and free text', () => {
  const counted = countedResponses(versions, responses);
  it('counts answers per audience group', () => {
    const x = crossTabulate(questionCatalogue(versions), counted);
    expect(x.map((e) => e.code)).toEqual(['s.ok', 's.pick']);
    expect(x[0]!.options.find((o) => o.value === 'yes')!.counts).toEqual({ affected: 1, donor: 1, other: 0 });
    expect(x[0]!.answered).toEqual({ affected: 2, donor: 1, other: 0 });
    expect(groupsPresent(counted)).toEqual(['affected', 'donor']);
  });

  it('lists text answers and table text cells with their tag paths', () => {
    expect(textAnswers(questionCatalogue(versions), counted).map((a) => [a.responseId, a.path, a.text])).toEqual([
      ['SN', 's.old', 'Ancien texte'],
      ['IQ', 's.rows.x1.name', 'Équipe'],
    ]);
  });

  it('texts fall back to the source language, then English, then any', () => {
    expect(textIn({ en: 'A', fr: 'A fr' }, 'fr')).toBe('A fr');
    expect(textIn({ en: 'A', fr: 'A fr' }, 'ar', 'fr')).toBe('A fr');
    expect(textIn({ ru: 'Р' }, 'ar')).toBe('Р');
    expect(textIn(undefined, 'ar', 'en', 'code')).toBe('code');
  });
});

describe('exports', () => {
  const texts = {
    fixed: { respondent_key: 'Key', state_iso2: 'ISO', state_name: 'State', audience: 'Audience', status: 'Status', submitted_at: 'Submitted', language: 'Language', version: 'Version' },
    audience: (a: string) => `aud:${a}`,
    status: (s: string) => `st:${s}`,
    yes: 'Oui',
    no: 'Non',
    rowsOf: (l: string) => `${l} (rows)`,
    labelOf: (l: string) => `${l} (labels)`,
    rowNo: 'Row',
    about: ['about'],
    sheetAbout: 'about',
    sheetResponses: 'responses',
  };
  const input: ExportInput = {
    catalogue: questionCatalogue(versions),
    responses: countedResponses(versions, responses),
    versionNo: new Map([
      ['v1', 1],
      ['v2', 2],
    ]),
    stateName: (iso2) => `name:${iso2}`,
    lang: 'fr',
    sourceLocale: 'en',
    texts,
  };

  it('one row per response under a codes row and a labels row; choices as codes then labels', () => {
    const rows = responseRows(input);
    expect(rows[0]).toEqual(['respondent_key', 'state_iso2', 'state_name', 'audience', 'status', 'submitted_at', 'language', 'version', 's.ok', 's.ok.label', 's.n', 's.pick', 's.pick.label', 's.when', 's.rows', 's.old']);
    expect(rows[1]!.slice(8)).toEqual(['OK now?', 'OK now? (labels)', 'N', 'Pick', 'Pick (labels)', 'When', 'Rows (rows)', 'Old']);
    expect(rows[3]).toEqual(['mine_action_director:IQ', 'IQ', 'name:IQ', 'aud:mine_action_director', 'st:submitted', '2023-06-01T00:00:00.000Z', 'en', 2, 'no', 'Non', null, 'a; b', 'A fr; B', '2022-03-01', 2, null]);
    expect(rows[2]!.slice(8, 11)).toEqual(['yes', 'Oui', 10]);
  });

  it('table rows on their own sheet with the response key', () => {
    const rows = tableSheetRows(input.catalogue.find((e) => e.code === 's.rows')!, input);
    expect(rows[0]).toEqual(['respondent_key', 'state_iso2', 'row', 's.rows.name', 's.rows.k', 's.rows.yn', 's.rows.yn.label']);
    expect(rows.slice(2)).toEqual([
      ['mine_action_director:IQ', 'IQ', 1, 'Équipe', 2, 'yes', 'Oui'],
      ['mine_action_director:IQ', 'IQ', 2, null, 4, 'no', 'Non'],
    ]);
  });
});

describe('open during a year', () => {
  const q = (o: string | null, c: string | null, closed: string | null = null) => ({ circulatedAt: new Date('2023-05-01'), opensAt: o ? new Date(o) : null, closesAt: c ? new Date(c) : null, closedAt: closed ? new Date(closed) : null });
  it('overlaps the year; closing by hand ends it; never circulated never counts', () => {
    expect(openDuring(q('2023-05-01', '2023-07-01'), 2023)).toBe(true);
    expect(openDuring(q('2023-05-01', '2023-07-01'), 2024)).toBe(false);
    expect(openDuring(q('2023-12-01', '2024-02-01'), 2024)).toBe(true);
    expect(openDuring(q('2023-05-01', null, '2023-06-01'), 2024)).toBe(false);
    expect(openDuring(q('2023-05-01', null), 2026)).toBe(true);
    expect(openDuring({ ...q('2023-05-01', '2023-07-01'), circulatedAt: null }, 2023)).toBe(false);
  });
});
