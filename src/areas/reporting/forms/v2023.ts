/**
 * Article 7 reporting formats, version "2023": cover page and Forms A–J as adopted by the Meetings
 * of States Parties (Form D revised at 6MSP, B and G at 8MSP) with the Oslo Action Plan additions
 * of the Guide to Reporting (SHA/CHA, land release, disaggregated data, cooperation and
 * assistance). Column lists are a reconstruction to verify against the official templates; a
 * revised format becomes a new version file, and each report records the version it used.
 */
import type { FormDef, FormValues, RuleDef } from '../../../platform/forms/definition.ts';
import { sumColumn } from '../../../platform/forms/validate.ts';
import { form, options, type ScalarSpec } from './builder.ts';

export const FORMAT_VERSION = '2023';

const mineType: ScalarSpec = { id: 'mineType', type: 'reference', source: 'mineTypes', required: true };
const quantity: ScalarSpec = { id: 'quantity', type: 'integer', required: true };
const lots: ScalarSpec = { id: 'lotNumbers', type: 'text', maxLength: 500 };
const notes: ScalarSpec = { id: 'notes', type: 'text', maxLength: 2000 };
const SECTORS = ['clearance', 'risk_education', 'victim_assistance', 'stockpile_destruction', 'capacity_building', 'advocacy', 'various'];

const total = (v: FormValues, s: string, t: string, c = 'quantity') => sumColumn(v, s, t, c);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export const cover = form('cover', [
  {
    id: 'contacts',
    intro: true,
    fields: [
      {
        id: 'people',
        type: 'table',
        required: true,
        maxRows: 20,
        columns: [
          { id: 'organisation', type: 'text', required: true, maxLength: 300 },
          { id: 'name', type: 'text', required: true, maxLength: 200 },
          { id: 'position', type: 'text', maxLength: 200 },
          { id: 'phone', type: 'text', maxLength: 50 },
          { id: 'email', type: 'text', maxLength: 320 },
        ],
      },
    ],
  },
  {
    id: 'general',
    fields: [
      { id: 'language', type: 'choice', required: true, options: options('language', ['ar', 'zh', 'en', 'fr', 'ru', 'es']), display: 'select' },
      { id: 'remarks', type: 'narrative', hint: true, maxLength: 5000, rows: 4 },
    ],
  },
]);

export const formA = form('A', [
  {
    id: 'measures',
    intro: true,
    fields: [
      {
        id: 'list',
        type: 'table',
        maxRows: 100,
        columns: [
          { id: 'kind', type: 'choice', required: true, options: options('measureKind', ['law', 'decree', 'regulation', 'penal', 'administrative', 'other']), display: 'select' },
          { id: 'title', type: 'text', required: true, maxLength: 500 },
          { id: 'adoptedOn', type: 'date' },
          { id: 'status', type: 'choice', options: options('measureStatus', ['in_force', 'in_preparation']) },
          { id: 'description', type: 'narrative', maxLength: 5000, rows: 3 },
        ],
      },
      { id: 'narrative', type: 'narrative', hint: true },
    ],
  },
]);

export const formB = form('B', [
  {
    id: 'stockpile',
    intro: true,
    fields: [{ id: 'stocks', type: 'table', maxRows: 200, totals: ['quantity'], columns: [mineType, quantity, lots, notes] }],
  },
  {
    id: 'discovered',
    intro: true,
    fields: [
      {
        id: 'stocks',
        type: 'table',
        maxRows: 100,
        totals: ['quantity'],
        columns: [mineType, quantity, lots, { id: 'discoveredOn', type: 'date', withinPeriod: true }, { id: 'place', type: 'text', maxLength: 300 }, notes],
      },
    ],
  },
]);

const formCRules: RuleDef[] = [
  {
    id: 'C.release-not-above-area',
    severity: 'warning',
    check: (v, ctx) => {
      const prev = ctx.previous;
      if (!prev) return [];
      const areaBefore = sumColumn(prev, 'hazards', 'areas', 'sizeSqm');
      const released = sumColumn(v, 'release', 'byRegion', 'cancelledSqm') + sumColumn(v, 'release', 'byRegion', 'reducedSqm') + sumColumn(v, 'release', 'byRegion', 'clearedSqm');
      return areaBefore > 0 && released > areaBefore ? [{ path: 'release.byRegion', message: 'reporting.rules.release_above_area', values: { released, before: areaBefore } }] : [];
    },
  },
  {
    id: 'C.cha-has-size',
    severity: 'warning',
    check: (v) => {
      const rows = (v.hazards?.areas as Record<string, unknown>[] | undefined) ?? [];
      return rows.flatMap((r, i) => (num(r.areaCount) && !num(r.sizeSqm) ? [{ path: `hazards.areas.${i}.sizeSqm`, message: 'reporting.rules.size_missing' }] : []));
    },
  },
];

export const formC = form(
  'C',
  [
    {
      id: 'hazards',
      intro: true,
      fields: [
        {
          id: 'areas',
          type: 'table',
          maxRows: 300,
          totals: ['areaCount', 'sizeSqm'],
          columns: [
            { id: 'region', type: 'text', required: true, maxLength: 200 },
            { id: 'kind', type: 'choice', required: true, options: options('hazardKind', ['sha', 'cha']) },
            { id: 'areaCount', type: 'integer', required: true },
            { id: 'sizeSqm', type: 'decimal', scale: 0, unit: 'reporting.units.sqm' },
            { id: 'contamination', type: 'multichoice', options: options('contamination', ['conventional', 'improvised']) },
            { id: 'mineType', type: 'reference', source: 'mineTypes' },
            { id: 'estimatedMines', type: 'integer' },
            { id: 'emplaced', type: 'text', maxLength: 200 },
            notes,
          ],
        },
      ],
    },
    {
      id: 'release',
      intro: true,
      fields: [
        {
          id: 'byRegion',
          type: 'table',
          maxRows: 300,
          totals: ['cancelledSqm', 'reducedSqm', 'clearedSqm', 'minesDestroyed'],
          columns: [
            { id: 'region', type: 'text', required: true, maxLength: 200 },
            { id: 'cancelledSqm', type: 'decimal', scale: 0, unit: 'reporting.units.sqm', actions: ['OAP-27'] },
            { id: 'reducedSqm', type: 'decimal', scale: 0, unit: 'reporting.units.sqm' },
            { id: 'clearedSqm', type: 'decimal', scale: 0, unit: 'reporting.units.sqm' },
            { id: 'minesDestroyed', type: 'integer' },
          ],
        },
        { id: 'methodology', type: 'narrative', hint: true },
      ],
    },
    {
      id: 'plan',
      fields: [
        { id: 'hasPlan', type: 'yesno', actions: ['OAP-23'] },
        { id: 'planSummary', type: 'narrative', showIf: { field: 'hasPlan', in: [true] } },
      ],
    },
  ],
  formCRules,
);

const formDRules: RuleDef[] = [
  {
    id: 'D.retained-balance',
    severity: 'warning',
    check: (v) => {
      const held = total(v, 'retained', 'holdings');
      const last = num(v.use?.heldLastYear);
      if (last === undefined || held === 0) return [];
      const consumed = num(v.use?.consumed) ?? 0;
      const inTraining = total(v, 'transferredTraining', 'transfers');
      const out = total(v, 'transferredDestruction', 'transfers');
      const expected = last - consumed - out + inTraining;
      return expected !== held ? [{ path: 'retained.holdings', message: 'reporting.rules.retained_balance', values: { held, expected, last, consumed } }] : [];
    },
  },
  {
    id: 'D.consumed-not-above-held',
    severity: 'error',
    check: (v) => {
      const last = num(v.use?.heldLastYear);
      const consumed = num(v.use?.consumed);
      return last !== undefined && consumed !== undefined && consumed > last ? [{ path: 'use.consumed', message: 'reporting.rules.consumed_above_held', values: { consumed, last } }] : [];
    },
  },
];

const transferColumns: ScalarSpec[] = [{ id: 'counterpart', type: 'text', required: true, maxLength: 300 }, mineType, quantity, lots, notes];

export const formD = form(
  'D',
  [
    {
      id: 'retained',
      intro: true,
      fields: [
        {
          id: 'holdings',
          type: 'table',
          maxRows: 100,
          totals: ['quantity'],
          columns: [{ id: 'institution', type: 'text', required: true, maxLength: 300 }, mineType, quantity, lots, notes],
        },
      ],
    },
    { id: 'transferredTraining', fields: [{ id: 'transfers', type: 'table', maxRows: 100, totals: ['quantity'], columns: transferColumns }] },
    { id: 'transferredDestruction', fields: [{ id: 'transfers', type: 'table', maxRows: 100, totals: ['quantity'], columns: transferColumns }] },
    {
      id: 'use',
      intro: true,
      fields: [
        { id: 'heldLastYear', type: 'integer', hint: true },
        { id: 'consumed', type: 'integer' },
        { id: 'intendedPurpose', type: 'narrative' },
        { id: 'actualUse', type: 'narrative' },
      ],
    },
  ],
  formDRules,
);

export const formE = form('E', [
  {
    id: 'facilities',
    intro: true,
    fields: [
      {
        id: 'list',
        type: 'table',
        maxRows: 50,
        columns: [
          { id: 'facility', type: 'text', required: true, maxLength: 300 },
          { id: 'action', type: 'choice', required: true, options: options('facilityAction', ['convert', 'decommission']) },
          { id: 'status', type: 'choice', required: true, options: options('facilityStatus', ['in_process', 'completed']) },
          notes,
        ],
      },
      { id: 'neverProduced', type: 'yesno', hint: true },
    ],
  },
]);

export const formF = form('F', [
  {
    id: 'programmes',
    intro: true,
    fields: [
      {
        id: 'list',
        type: 'table',
        maxRows: 50,
        columns: [
          { id: 'programme', type: 'choice', required: true, options: options('programme', ['art4', 'art5']) },
          { id: 'methods', type: 'text', maxLength: 1000 },
          { id: 'sites', type: 'text', maxLength: 1000 },
          { id: 'safetyStandards', type: 'text', maxLength: 1000 },
          { id: 'environmentalStandards', type: 'text', maxLength: 1000 },
          { id: 'status', type: 'narrative', maxLength: 5000, rows: 3 },
        ],
      },
    ],
  },
]);

const formGRules: RuleDef[] = [
  {
    id: 'G.destroyed-not-above-held',
    severity: 'warning',
    check: (v, ctx) => {
      const prevB = ctx.previousForms?.B;
      const currentB = ctx.forms.B;
      if (!prevB && !currentB) return [];
      const destroyed = total(v, 'stockpile', 'destroyed');
      const held = (prevB ? total(prevB, 'stockpile', 'stocks') : 0) + (currentB ? total(currentB, 'discovered', 'stocks') : 0);
      return prevB && destroyed > held ? [{ path: 'stockpile.destroyed', message: 'reporting.rules.destroyed_above_held', values: { destroyed, held } }] : [];
    },
  },
];

export const formG = form(
  'G',
  [
    { id: 'stockpile', intro: true, fields: [{ id: 'destroyed', type: 'table', maxRows: 200, totals: ['quantity'], columns: [mineType, quantity, lots, notes] }] },
    { id: 'minedAreas', intro: true, fields: [{ id: 'destroyed', type: 'table', maxRows: 200, totals: ['quantity'], columns: [mineType, quantity, notes] }] },
    { id: 'discovered', fields: [{ id: 'destroyed', type: 'table', maxRows: 100, totals: ['quantity'], columns: [mineType, quantity, lots, { id: 'destroyedOn', type: 'date', withinPeriod: true }, notes] }] },
  ],
  formGRules,
);

const characteristics: ScalarSpec[] = [
  { id: 'designation', type: 'text', required: true, maxLength: 200 },
  { id: 'dimensions', type: 'text', maxLength: 200 },
  { id: 'fusing', type: 'text', maxLength: 300 },
  { id: 'explosiveType', type: 'text', maxLength: 200 },
  { id: 'explosiveGrams', type: 'decimal', scale: 1, unit: 'reporting.units.grams' },
  { id: 'metalGrams', type: 'decimal', scale: 1, unit: 'reporting.units.grams' },
  { id: 'photo', type: 'file', accept: ['image'] },
  notes,
];

export const formH = form('H', [
  { id: 'produced', intro: true, fields: [{ id: 'types', type: 'table', maxRows: 100, columns: characteristics }] },
  { id: 'possessed', intro: true, fields: [{ id: 'types', type: 'table', maxRows: 100, columns: characteristics }] },
]);

export const formI = form('I', [
  {
    id: 'warnings',
    intro: true,
    fields: [
      {
        id: 'areas',
        type: 'table',
        maxRows: 300,
        columns: [
          { id: 'area', type: 'text', required: true, maxLength: 300 },
          { id: 'measures', type: 'multichoice', options: options('warningMeasure', ['marking', 'fencing', 'monitoring', 'risk_education', 'public_information']) },
          notes,
        ],
      },
    ],
  },
  {
    id: 'riskEducation',
    fields: [
      { id: 'beneficiaries', type: 'people', hint: true },
      { id: 'narrative', type: 'narrative' },
    ],
  },
]);

const assistanceColumns = (counterpart: string): ScalarSpec[] => [
  { id: counterpart, type: 'text', required: true, maxLength: 300 },
  { id: 'amount', type: 'money' },
  { id: 'year', type: 'integer', min: 1997, max: 2100 },
  { id: 'sector', type: 'choice', options: options('sector', SECTORS), display: 'select' },
  { id: 'southSouth', type: 'yesno' },
  { id: 'inKind', type: 'text', maxLength: 1000 },
];

export const formJ = form('J', [
  {
    id: 'victims',
    intro: true,
    fields: [
      { id: 'casualties', type: 'people', hint: true },
      { id: 'survivors', type: 'people' },
      { id: 'narrative', type: 'narrative' },
    ],
  },
  {
    id: 'received',
    intro: true,
    fields: [
      { id: 'assistance', type: 'table', maxRows: 200, columns: assistanceColumns('partner') },
      { id: 'nationalResources', type: 'money', hint: true, actions: ['OAP-42'] },
    ],
  },
  {
    id: 'provided',
    intro: true,
    fields: [{ id: 'assistance', type: 'table', maxRows: 300, columns: assistanceColumns('recipient') }],
  },
  {
    id: 'cooperation',
    fields: [
      { id: 'resourcePlan', type: 'yesno', actions: ['OAP-42'] },
      { id: 'resourcePlanSummary', type: 'narrative', showIf: { field: 'resourcePlan', in: [true] } },
      { id: 'nationalPlatform', type: 'yesno', hint: true, actions: ['OAP-45'] },
      { id: 'platformLastMet', type: 'date', showIf: { field: 'nationalPlatform', in: [true] } },
      { id: 'platformDescription', type: 'narrative', showIf: { field: 'nationalPlatform', in: [true] } },
      { id: 'needs', type: 'narrative', hint: true, actions: ['OAP-42'] },
      { id: 'narrative', type: 'narrative', actions: ['OAP-43', 'OAP-44', 'OAP-46'] },
    ],
  },
  {
    id: 'gender',
    intro: true,
    fields: [
      { id: 'integrated', type: 'yesno', actions: ['OAP-47'] },
      { id: 'narrative', type: 'narrative', actions: ['OAP-45', 'OAP-47'] },
    ],
  },
  { id: 'other', fields: [{ id: 'narrative', type: 'narrative', hint: true }] },
]);

export const FORMS_2023: FormDef[] = [cover, formA, formB, formC, formD, formE, formF, formG, formH, formI, formJ];
