/**
 * A committee's paper as a Word document: title, date, "draft" marking, the sections and the table
 * of meetings. Arabic is laid out right-to-left; every paragraph of user text takes its own
 * direction. Text is placed as text runs (the package escapes it), never as XML.
 */
import { AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { plainText, textDirection } from '../../../platform/exports/text.ts';
import type { CommitteePaperDocument } from './document.ts';

const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Arial', eastAsia: 'SimSun' };

export async function committeePaperDocx(doc: CommitteePaperDocument): Promise<Buffer> {
  const rtlDoc = doc.dir === 'rtl';
  const run = (text: string, opts: { bold?: boolean; size?: number; color?: string; rtl?: boolean } = {}) =>
    new TextRun({
      text: plainText(text),
      font: FONT,
      ...(opts.bold ? { bold: true, boldComplexScript: true } : {}),
      ...(opts.size ? { size: opts.size, sizeComplexScript: opts.size } : {}),
      ...(opts.color ? { color: opts.color } : {}),
      ...((opts.rtl ?? rtlDoc) ? { rightToLeft: true, language: { bidirectional: 'ar-SA' } } : {}),
    });
  const para = (text: string, opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bold?: boolean; size?: number; color?: string; user?: boolean; after?: number } = {}) => {
    const rtl = opts.user ? (textDirection(text) ?? doc.dir) === 'rtl' : rtlDoc;
    return new Paragraph({
      children: [run(text, { ...(opts.bold ? { bold: true } : {}), ...(opts.size ? { size: opts.size } : {}), ...(opts.color ? { color: opts.color } : {}), rtl })],
      ...(opts.heading ? { heading: opts.heading } : {}),
      ...(rtl ? { bidirectional: true } : {}),
      alignment: AlignmentType.START,
      spacing: { after: opts.after ?? 120 },
    });
  };
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'A5A5A5' };
  const cell = (text: string, header = false) => new TableCell({ children: [para(text, { bold: header, user: !header, after: 40 })], ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } } : {}) });
  const meetings = doc.meetings.rows.length
    ? new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        ...(rtlDoc ? { visuallyRightToLeft: true } : {}),
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        rows: [new TableRow({ tableHeader: true, children: doc.meetings.head.map((h) => cell(h, true)) }), ...doc.meetings.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
      })
    : para(doc.meetings.empty);

  const body: (Paragraph | Table)[] = [];
  if (doc.draftMark) body.push(para(doc.draftMark.toUpperCase(), { bold: true, color: 'B00020', size: 28 }));
  body.push(para(doc.title, { heading: HeadingLevel.TITLE }), para(doc.subtitle, { size: 26 }), para(doc.date, { color: '555555', after: 240 }));
  for (const s of doc.sections) {
    body.push(para(s.heading, { heading: HeadingLevel.HEADING_1 }));
    for (const p of s.paras) body.push(para(p, { user: true }));
    if (s.id === 'activities') body.push(para(doc.meetings.caption, { bold: true, after: 80 }), meetings, para(''));
  }
  const document = new Document({
    title: plainText(doc.title),
    description: plainText(doc.subtitle),
    creator: 'APMBC',
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        headers: doc.draftMark ? { default: new Header({ children: [para(doc.draftMark.toUpperCase(), { bold: true, color: 'B00020' })] }) } : undefined,
        footers: { default: new Footer({ children: [para(doc.footer, { size: 16, color: '555555' })] }) },
        properties: {},
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
