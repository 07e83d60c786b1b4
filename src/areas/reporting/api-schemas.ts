/**
 * Zod schemas of the reporting JSON API (v1): what the routes validate and return, and what
 * /api/openapi.json shows. The values of each form come from its definition (formValuesSchema), so
 * the document shows the real shape of every form of the current reporting format.
 */
import * as z from 'zod';
import type { FormDef, Text } from '../../platform/forms/definition.ts';
import { formValuesSchema } from '../../platform/forms/zod-schema.ts';
import { CURRENT_FORMAT } from './formats.ts';
import { FORM_STATUSES, REPORT_STATUSES } from './schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');
const isoDateTime = z.string().describe('ISO 8601 date and time (UTC)');
const versionToken = z.number().int().min(1).max(1_000_000_000);
const localizedNames = z.object({ ar: z.string(), zh: z.string(), en: z.string(), fr: z.string(), ru: z.string(), es: z.string() }).describe('Names in the six official languages');

export const reportKind = z.enum(['initial', 'annual']);
export const reportStatus = z.enum(REPORT_STATUSES);
export const visibility = z.enum(['public', 'restricted']);

/* ---------- Parameters ---------- */

export const reportParams = z.object({ id: z.uuid().describe('Report id') });
export const formParams = z.object({ id: z.uuid().describe('Report id'), formId: z.enum(CURRENT_FORMAT.forms.map((f) => f.id) as [string, ...string[]]).describe('Form id') });

export const listQuery = z.object({
  state: z.string().regex(/^[A-Za-z]{2}$/).optional().describe('ISO 3166-1 alpha-2 code of a State'),
  year: z.coerce.number().int().min(1999).max(2100).optional().describe('Year covered (annual) or of entry into force (initial)'),
  kind: reportKind.optional(),
  status: reportStatus
    .optional()
    .describe('Keep reports in this status. Statuses are shown only to those who may see them; without a token only `published` has an effect'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Page size, at most 200 (default 50)'),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional().describe('Number of reports to skip (default 0)'),
  page: z.coerce.number().int().min(1).max(100_000).optional().describe('1-based page number, an alternative to `offset`'),
});

export const reportQuery = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000).optional().describe('Submitted version number; by default the latest one the caller may see'),
});

/* ---------- Reports ---------- */

export const reportLinks = z.object({
  self: z.string().describe('This report in the JSON API'),
  html: z.string().describe('The report page'),
  pdf: z.string(),
  xlsx: z.string(),
  csv: z.string().describe('ZIP of one CSV file per form'),
  json: z.string().describe('The report as a JSON download'),
});

export const reportSummary = z.object({
  id: z.uuid(),
  state: z.object({ iso2: z.string(), names: localizedNames }),
  kind: reportKind,
  year: z.number().int(),
  periodStart: isoDate,
  periodEnd: isoDate,
  dueDate: isoDate,
  status: reportStatus
    .optional()
    .describe("Only for those who may see the report's working status: its State, the ISU, and committee members once submitted"),
  visibility,
  currentVersionNo: z.number().int().optional().describe('Number of submitted versions (only for those who may read submitted versions)'),
  publishedVersionNo: z.number().int().nullable().describe('The version shown to the public, or null'),
  submittedAt: isoDateTime.nullable().describe('Submission of the latest version the caller may see'),
  publishedAt: isoDateTime.nullable(),
  version: versionToken
    .optional()
    .describe("The report record's concurrency version (only for its State and the ISU): send it with submit, acknowledge, publish and return"),
  links: reportLinks,
});
export type ReportSummaryJson = z.infer<typeof reportSummary>;

export const listResponse = z.object({
  total: z.number().int().describe('Reports matching the filters that the caller may see'),
  limit: z.number().int(),
  offset: z.number().int(),
  data: z.array(reportSummary),
});

export const createBody = z.strictObject({
  kind: reportKind,
  year: z.number().int().min(1999).max(2100),
  startFromPrevious: z.boolean().optional().describe("Start from the values of the State's latest submitted report (default false)"),
});

export const versionBody = z.strictObject({ version: versionToken.describe('The version you read (optimistic concurrency)') });

export const submitBody = z.strictObject({
  version: versionToken.describe("The report's `version` from the draft"),
  visibility,
  declaration: z.boolean().describe('Must be true: the approver confirms the declaration'),
  explanations: z
    .record(z.string().max(300), z.string().max(2000))
    .optional()
    .describe('An explanation for each warning, keyed by its `explanationKey` from the check (`formId:path`)'),
  reason: z.string().max(2000).optional().describe('What a correction changes (required from the second version on)'),
});

export const commentBody = z.strictObject({
  formId: z.string().max(40).nullable().optional().describe('The form the comment is about, or null for the whole report'),
  body: z.string().max(5000),
});

export const returnBody = z.strictObject({
  version: versionToken.describe("The report's `version`"),
  comments: z.array(commentBody).min(1).max(50).describe('At least one comment saying what needs clarification'),
});

export const commentJson = z.object({
  id: z.uuid(),
  formId: z.string().nullable(),
  authorName: z.string(),
  authorSide: z.enum(['isu', 'state']),
  body: z.string(),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
});
export const commentsResponse = z.object({ data: z.array(commentJson) });

const issueJson = z.object({
  formId: z.string(),
  path: z.string().describe('Field path inside the form: `section.field`, `section.table.2.column`, or `_form`'),
  severity: z.enum(['error', 'warning']),
  code: z.string().describe('Stable message key of the rule'),
  message: z.string().describe('In the language negotiated from Accept-Language'),
});
export const checkResponse = z.object({
  reportId: z.uuid(),
  status: reportStatus,
  version: versionToken,
  canSubmit: z.boolean().describe('Whether the caller may submit the report now'),
  unfinished: z.array(z.string()).describe('Forms not yet complete, unchanged or not applicable'),
  errors: z.array(issueJson).describe('Must be fixed before submission'),
  warnings: z.array(issueJson.extend({ explanationKey: z.string().describe('Key of the explanation to give with the submission') })).describe('Need an explanation at submission'),
});

/* ---------- Forms, generated from the definitions ---------- */

export interface FormSchemas {
  def: FormDef;
  /** Values a client sends. */
  valuesIn: z.ZodType;
  /** Values the API returns. */
  valuesOut: z.ZodType;
  /** PUT /api/v1/reports/{id}/forms/{formId} */
  saveBody: z.ZodType;
  saveResponse: z.ZodType;
  /** One form of a submitted version. */
  snapshot: z.ZodType;
  /** One form of the working copy. */
  draft: z.ZodType;
}

const formIssue = z.object({ path: z.string(), severity: z.enum(['error', 'warning']), code: z.string(), message: z.string() });

export function formSchemas(def: FormDef, label: (t: Text) => string): FormSchemas {
  const valuesIn = formValuesSchema(def, { io: 'input', describe: label });
  const valuesOut = formValuesSchema(def, { io: 'output', describe: label });
  const snapshot = z.object({
    status: z.enum(FORM_STATUSES),
    unchangedSinceYear: z.number().int().nullable().describe('With status `unchanged`: the year whose content still applies'),
    values: valuesOut,
    explanations: z.record(z.string(), z.string()).describe('Explanations given for warnings, by field path'),
  });
  return {
    def,
    valuesIn,
    valuesOut,
    saveBody: z.strictObject({
      version: versionToken.describe("The form's `version` you read (optimistic concurrency)"),
      values: valuesIn.describe(`All values of form ${def.id}: the whole form is replaced, fields left out are emptied`),
      completed: z.boolean().optional().describe('Mark the form complete (it becomes complete only when it has no errors)'),
    }),
    saveResponse: z.object({
      formId: z.string(),
      version: versionToken.describe('The new version, to send with the next save'),
      status: z.enum(FORM_STATUSES),
      updatedAt: isoDateTime,
      values: valuesOut,
      issues: z.array(formIssue).describe('Required answers missing and other problems found in the saved values (they do not prevent saving)'),
    }),
    snapshot,
    draft: snapshot.extend({ version: versionToken.describe("The form's concurrency version"), updatedAt: isoDateTime }),
  };
}

/** Everything the routes and the API document need, built once with the English labels. */
export function reportApiSchemas(label: (t: Text) => string) {
  const forms = new Map(CURRENT_FORMAT.forms.map((def) => [def.id, formSchemas(def, label)] as const));
  const pick = (kind: 'snapshot' | 'draft') => z.object(Object.fromEntries([...forms].map(([id, s]) => [id, s[kind].optional()])));
  const versionJson = z.object({
    versionNo: z.number().int(),
    submittedAt: isoDateTime,
    publishedAt: isoDateTime.nullable(),
    reason: z.string().nullable().describe('What this version corrected'),
  });
  const reportDocument = reportSummary.extend({
    formatVersion: z.string().describe('Version of the reporting formats the report uses'),
    language: z.string(),
    nothingNew: z.boolean(),
    versionNo: z.number().int().describe('The submitted version shown'),
    versionVisibility: visibility,
    versionSubmittedAt: isoDateTime,
    versionPublishedAt: isoDateTime.nullable(),
    reason: z.string().nullable(),
    versions: z.array(versionJson).describe('The versions the caller may read'),
    forms: pick('snapshot').describe('Each form of this version, by form id'),
  });
  const draftDocument = reportSummary.extend({
    formatVersion: z.string(),
    language: z.string(),
    forms: pick('draft').describe('Each form of the working copy, by form id, with its concurrency version'),
  });
  return { forms, reportDocument, draftDocument };
}
export type ReportApiSchemas = ReturnType<typeof reportApiSchemas>;
