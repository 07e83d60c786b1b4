/**
 * How long a full Article 7 report PDF takes (every form answered), in each interface language.
 * Run: node --import tsx bench/report-pdf.ts [outdir]   (writes the PDFs to outdir when given)
 * Target: < 1 s per report; measured numbers are in bench/report-pdf.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslators, loadCatalogues } from '../src/platform/i18n/messages.ts';
import { readSubmission } from '../src/platform/forms/values.ts';
import { warmUpPdf } from '../src/platform/exports/typst.ts';
import { CURRENT_FORMAT } from '../src/areas/reporting/formats.ts';
import { reportDocument } from '../src/areas/reporting/exports/document.ts';
import { exportContext } from '../src/areas/reporting/exports/context.ts';
import { reportPdf } from '../src/areas/reporting/exports/pdf.ts';
import { fullValues } from '../tests/integration/reporting-exports/fixtures.ts';

const out = process.argv[2];
const translator = createTranslators(loadCatalogues());
const values = fullValues();
const forms = Object.fromEntries(
  CURRENT_FORMAT.forms.map((def) => [def.id, { status: 'complete', unchangedSinceYear: null, values: readSubmission(def, values[def.id] ?? {}, { json: true }).values, explanations: def.id === 'C' ? { 'hazards.areas.0.sizeSqm': 'Surveyed again in 2023.' } : {} }]),
);
const doc = reportDocument({
  report: { id: '00000000-0000-4000-8000-000000000000', stateIso2: 'SN', kind: 'annual', year: 2023, periodStart: '2023-01-01', periodEnd: '2023-12-31' },
  version: { versionNo: 2, formatVersion: CURRENT_FORMAT.version, language: 'fr', visibility: 'public', nothingNew: false, reason: 'Areas split by province', snapshot: { forms }, submittedAt: new Date('2024-04-20T10:00:00Z'), publishedAt: new Date('2024-05-02T09:00:00Z') },
  stateName: 'Sénégal',
  baseUrl: 'http://localhost:3000',
  locale: 'en',
});
const mineTypes = [{ code: 'PMN', name: 'PMN' }, { code: 'PMN-2', name: 'PMN-2' }, { code: 'M14', name: 'M14' }];

let t0 = performance.now();
warmUpPdf();
console.log(`compiler start with fonts: ${(performance.now() - t0).toFixed(0)} ms`);
if (out) mkdirSync(out, { recursive: true });
for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
  const ctx = exportContext(translator(locale), { mineTypes });
  const times: number[] = [];
  let pdf: Buffer | undefined;
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    pdf = reportPdf(doc, ctx);
    times.push(performance.now() - t0);
  }
  console.log(`${locale}: first ${times[0]!.toFixed(0)} ms, then ${times.slice(1).map((x) => x.toFixed(0)).join(' / ')} ms, ${(pdf!.length / 1024).toFixed(0)} KB`);
  if (out) writeFileSync(join(out, `report-${locale}.pdf`), pdf!);
}
