/**
 * The audit log as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Arabic
 * and Chinese correctly). Cells that a spreadsheet would take for a formula — starting with
 * = + - @, a tab or a carriage return — are prefixed with a single quote (CSV injection).
 */

export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell inert for spreadsheets: `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV cell: null/undefined empty, formulas neutralised, quoted when needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = neutraliseFormula(value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Stable, machine-readable column names (the same in every interface language). */
export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'summary', 'ip', 'request_id'] as const;

export interface AuditCsvEvent {
  id: number;
  at: Date;
  actorLabel: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  ip: string | null;
  requestId: string | null;
}

export function auditCsvRow(e: AuditCsvEvent): string {
  return csvRow([e.id, e.at, e.actorLabel, e.actorUserId, e.action, e.entityType, e.entityId, e.summary ?? {}, e.ip, e.requestId]);
}
