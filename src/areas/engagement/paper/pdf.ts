/** A committee's paper as PDF (typst, src/platform/exports/typst.ts): the same document as the DOCX. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDF_FONTS, renderPdf } from '../../../platform/exports/typst.ts';
import { plainText, textDirection } from '../../../platform/exports/text.ts';
import type { CommitteePaperDocument } from './document.ts';

const TEMPLATE = readFileSync(fileURLToPath(new URL('./paper.typ', import.meta.url)), 'utf8');

/** What the template receives (exported for tests). */
export function committeePaperPdfData(doc: CommitteePaperDocument) {
  const clean = JSON.parse(JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'string' ? plainText(v) : v))) as CommitteePaperDocument;
  return {
    doc: { ...clean, draftMark: clean.draftMark ?? null },
    fonts: doc.lang === 'ar' ? [PDF_FONTS.arabic, PDF_FONTS.cjk] : [PDF_FONTS.cjk, PDF_FONTS.arabic],
    ...(doc.lang === 'zh' ? { region: 'cn' } : {}),
    dirs: clean.sections.map((s) => s.paras.map((p) => textDirection(p) ?? 'auto')),
  };
}

export function committeePaperPdf(doc: CommitteePaperDocument): Buffer {
  return renderPdf(TEMPLATE, committeePaperPdfData(doc));
}
