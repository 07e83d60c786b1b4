/**
 * The paper as a Word document (docx package): title, date and "draft" marking, the sections,
 * tables of figures whose report names are hyperlinks to the reports, the chosen examples and the
 * follow-up list. Arabic is laid out right-to-left (bidi paragraphs, right-to-left runs and tables).
 * Text is always placed as text runs (the package escapes it), never as XML.
 */
import { AlignmentType, BorderStyle, Document, ExternalHyperlink, Footer, Header, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { plainText, textDirection, type DocTable, type PaperDocument } from './document.ts';

const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Arial', eastAsia: 'SimSun' };

export async function paperDocx(doc: PaperDocument): Promise<Buffer> {
  const rtlDoc = doc.dir === 'rtl';
  const bidiLang = rtlDoc ? 'ar-SA' : undefined;
  const isRtl = (text: string) => (textDirection(text) ?? doc.dir) === 'rtl';
  const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; color?: string; style?: string; rtl?: boolean } = {}) =>
    new TextRun({
      text: plainText(text),
      font: FONT,
      ...(opts.bold ? { bold: true, boldComplexScript: true } : {}),
      ...(opts.italics ? { italics: true } : {}),
      ...(opts.size ? { size: opts.size, sizeComplexScript: opts.size } : {}),
      ...(opts.color ? { color: opts.color } : {}),
      ...(opts.style ? { style: opts.style } : {}),
      ...((opts.rtl ?? rtlDoc) ? { rightToLeft: true } : {}),
      ...(bidiLang ? { language: { bidirectional: bidiLang } } : {}),
    });
  const para = (children: ParagraphChild[], opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; rtl?: boolean; spacingAfter?: number } = {}) =>
    new Paragraph({
      children,
      ...(opts.heading ? { heading: opts.heading } : {}),
      ...((opts.rtl ?? rtlDoc) ? { bidirectional: true } : {}),
      alignment: AlignmentType.START,
      spacing: { after: opts.spacingAfter ?? 120 },
    });
  /** A paragraph of user text, in its own direction. */
  const userPara = (text: string, italics = false) => {
    const rtl = isRtl(text);
    return para([run(text, { italics, rtl })], { rtl });
  };
  const hyperlink = (text: string, url: string) => new ExternalHyperlink({ link: url, children: [run(text, { style: 'Hyperlink', color: '0B57D0' })] });
  const cell = (children: Paragraph[], header = false) =>
    new TableCell({ children, ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } } : {}) });
  const table = (t: DocTable) => {
    const border = { style: BorderStyle.SINGLE, size: 4, color: 'A5A5A5' };
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      ...(rtlDoc ? { visuallyRightToLeft: true } : {}),
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [
        new TableRow({ tableHeader: true, children: t.head.map((h) => cell([para([run(h, { bold: true })])], true)) }),
        ...t.rows.map(
          (r) =>
            new TableRow({
              children: [
                cell([para([run(r.label)])]),
                cell([para([run(r.count)])]),
                cell([para([run(r.percent)])]),
                cell([para(r.links.length ? r.links.flatMap((l, i) => (i ? [run(doc.sep), hyperlink(l.text, l.url)] : [hyperlink(l.text, l.url)])) : [run('—')])]),
              ],
            }),
        ),
      ],
    });
  };
  const caption = (text: string) => para([run(text, { bold: true })], { spacingAfter: 80 });

  const body: (Paragraph | Table)[] = [];
  if (doc.draftMark) body.push(para([run(doc.draftMark.toUpperCase(), { bold: true, color: 'B00020', size: 28 })]));
  body.push(para([run(doc.title)], { heading: HeadingLevel.TITLE }));
  body.push(para([run(doc.subtitle, { size: 26 })]));
  body.push(para([run(doc.date, { color: '555555' })], { spacingAfter: 240 }));
  for (const s of doc.sections) {
    body.push(para([run(s.heading)], { heading: HeadingLevel.HEADING_1 }));
    for (const p of s.paras) body.push(userPara(p));
    if (s.id === 'cooperation') {
      body.push(caption(doc.figures.caption), table(doc.figures), para([]));
    }
    if (s.id === 'good_practice') {
      if (!doc.examples.items.length) body.push(para([run(doc.examples.empty, { italics: true })]));
      for (const e of doc.examples.items) {
        body.push(userPara(`“${e.quote}”`, true));
        body.push(para([run('— '), hyperlink(e.source, e.link.url)], { spacingAfter: 200 }));
      }
    }
    if (s.id === 'follow_up') {
      body.push(caption(doc.followUp.heading));
      if (!doc.followUp.items.length) body.push(para([run(doc.followUp.empty, { italics: true })]));
      for (const f of doc.followUp.items) {
        body.push(new Paragraph({ bullet: { level: 0 }, ...(rtlDoc ? { bidirectional: true } : {}), children: [run(`${f.state} (${f.status}): `), ...f.links.flatMap((l, i) => (i ? [run(doc.sep), hyperlink(l.text, l.url)] : [hyperlink(l.text, l.url)]))] }));
      }
    }
  }
  body.push(para([run(doc.indicators.caption)], { heading: HeadingLevel.HEADING_1 }), table(doc.indicators));

  const document = new Document({
    title: plainText(doc.title),
    description: plainText(doc.subtitle),
    creator: 'APMBC',
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        headers: doc.draftMark ? { default: new Header({ children: [para([run(doc.draftMark.toUpperCase(), { bold: true, color: 'B00020' })])] }) } : undefined,
        footers: { default: new Footer({ children: [para([run(doc.footer, { size: 16, color: '555555' })])] }) },
        properties: {},
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
