/**
 * Spreadsheet cells that a spreadsheet program could take for a formula (text starting with
 * = + - @, a tab or a carriage return) are written as text behind a single quote. The escape is
 * reversible: text that already starts with quotes before such a character gets one more, and
 * `restoreFormulaText` removes exactly one, so an export read back gives the original text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula` for text it wrote (other text is returned unchanged). */
export function restoreFormulaText(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}
