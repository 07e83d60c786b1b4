/**
 * CSV documents for spreadsheets: UTF-8 with a byte order mark (so Excel reads Arabic and Chinese
 * correctly), CRLF line ends, every text cell protected against formula injection.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './cells.ts';

export type CsvCell = string | number | boolean | null | undefined;

export function csvDocument(rows: CsvCell[][]): string {
  const safe = rows.map((row) => row.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c === null || c === undefined ? '' : c)));
  return `\uFEFF${stringify(safe, { record_delimiter: 'windows', cast: { boolean: (b) => (b ? 'true' : 'false') } })}`;
}
