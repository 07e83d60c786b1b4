/** What every export needs besides the document: the interface language and reference names. */
import type { Translator } from '../../../platform/i18n/messages.ts';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface ExportContext {
  /** Interface language of labels (ar, zh, en, fr, ru, es; the test pseudo-locale too). */
  locale: string;
  tr: Translator;
  t: Translate;
  /** Mine-type names by code. */
  mineTypes: Map<string, string>;
  /** Attachment file names by file id. */
  attachments: Map<string, string>;
}

export function exportContext(tr: Translator, refs: { mineTypes: { code: string; name: string }[]; attachments?: { fileId: string; filename: string }[] }): ExportContext {
  return {
    locale: tr.locale,
    tr,
    t: (k, v) => tr.t(k, v),
    mineTypes: new Map(refs.mineTypes.map((m) => [m.code, m.name])),
    attachments: new Map((refs.attachments ?? []).map((a) => [a.fileId, a.filename])),
  };
}

/**
 * Direction of a text by its first strong character (like dir="auto"). Text without letters (phone
 * numbers, codes, amounts) is left-to-right, so "+221 33 000" keeps its order in Arabic documents.
 */
export function textDirection(text: string): 'rtl' | 'ltr' | undefined {
  if (!text) return undefined;
  const m = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]|\p{L}/u.exec(text);
  if (!m) return 'ltr';
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(m[0]) ? 'rtl' : 'ltr';
}
