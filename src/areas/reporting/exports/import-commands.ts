/**
 * Importing a State's own export (JSON or XLSX) into an editable report of that State: every form
 * in the file is read with the form engine; if any value cannot be read, nothing is imported and
 * the issues are returned. Otherwise all forms are saved in one transaction (status "in progress",
 * to be checked and completed again) with one audit event `reporting.report.imported`.
 */
import type { AppDeps } from '../../../platform/deps.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { FormValues, Issue } from '../../../platform/forms/definition.ts';
import { readSubmission } from '../../../platform/forms/values.ts';
import { isEmpty } from '../../../platform/forms/validate.ts';
import type { Principal } from '../../accounts/index.ts';
import { getFormat } from '../formats.ts';
import { canEditReport } from '../policy.ts';
import * as repo from '../reports-repository.ts';

type Deps = Pick<AppDeps, 'database'>;

export interface ImportInput {
  reportId: string;
  forms: { formId: string; body: FormValues }[];
  source: 'json' | 'xlsx';
  filename: string;
}

export type ImportResult =
  | { kind: 'invalid'; issues: (Issue & { formId: string })[] }
  | { kind: 'imported'; forms: string[]; skipped: string[] };

const hasContent = (values: FormValues) => Object.values(values).some((section) => Object.values(section ?? {}).some((v) => !isEmpty(v)));

function assertEditable(user: Principal | undefined, report: repo.ReportRow) {
  if (canEditReport(user, report)) return;
  if (user?.stateIso2 === report.stateIso2) throw conflict('report.not_editable', { status: report.status });
  throw new AppError('forbidden', 'forbidden');
}

export async function importReport(deps: Deps, actor: Actor, user: Principal | undefined, input: ImportInput): Promise<ImportResult> {
  const db = deps.database.db;
  const report = await repo.findReport(db, input.reportId);
  if (!report) throw notFound();
  assertEditable(user, report);
  const format = getFormat(report.formatVersion);
  if (!format) throw notFound();

  const issues: (Issue & { formId: string })[] = [];
  const parsed: { formId: string; values: FormValues }[] = [];
  const seen = new Set<string>();
  for (const f of input.forms) {
    const def = format.forms.find((d) => d.id === f.formId);
    if (!def || seen.has(f.formId)) {
      issues.push({ formId: f.formId, path: '_form', severity: 'error', message: def ? 'reporting.export.import.duplicate_sheet' : 'reporting.export.import.unknown_form' });
      continue;
    }
    seen.add(def.id);
    const read = readSubmission(def, f.body, { json: true });
    for (const i of read.issues) issues.push({ ...i, formId: def.id });
    parsed.push({ formId: def.id, values: read.values });
  }
  if (issues.length) return { kind: 'invalid', issues };

  const withContent = parsed.filter((p) => hasContent(p.values));
  const skipped = parsed.filter((p) => !hasContent(p.values)).map((p) => p.formId);
  await withTransaction(db, async (tx) => {
    const locked = await repo.lockReport(tx, report.id);
    if (!locked) throw notFound();
    assertEditable(user, locked);
    for (const p of withContent) {
      const current = await repo.findForm(tx, report.id, p.formId);
      if (!current) throw notFound();
      const saved = await repo.updateFormIfVersion(tx, report.id, p.formId, current.version, { values: p.values, status: 'in_progress', unchangedSinceYear: null, updatedBy: actor.userId });
      if (!saved) throw conflict('form.stale');
    }
    await recordAudit(tx, actor, {
      action: 'reporting.report.imported',
      entityType: 'report',
      entityId: report.id,
      summary: { source: input.source, filename: input.filename.slice(0, 200), forms: withContent.map((p) => p.formId), skipped },
    });
  });
  return { kind: 'imported', forms: withContent.map((p) => p.formId), skipped };
}
