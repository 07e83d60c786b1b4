/**
 * How long the yearly bulk ZIP takes to build for 160 full reports (JSON + combined CSV files).
 * Run: node --import tsx bench/report-bulk.ts
 */
import { createTranslators, loadCatalogues } from '../src/platform/i18n/messages.ts';
import { readSubmission } from '../src/platform/forms/values.ts';
import { CURRENT_FORMAT } from '../src/areas/reporting/formats.ts';
import { reportDocument } from '../src/areas/reporting/exports/document.ts';
import { exportContext } from '../src/areas/reporting/exports/context.ts';
import { bulkZip } from '../src/areas/reporting/exports/archives.ts';
import { fullValues } from '../tests/integration/reporting-exports/fixtures.ts';

const translator = createTranslators(loadCatalogues());
const values = fullValues();
const forms = Object.fromEntries(CURRENT_FORMAT.forms.map((def) => [def.id, { status: 'complete', unchangedSinceYear: null, values: readSubmission(def, values[def.id] ?? {}, { json: true }).values, explanations: {} }]));
const docs = Array.from({ length: 160 }, (_, i) =>
  reportDocument({
    report: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, stateIso2: `S${String.fromCharCode(65 + (i % 26))}`, kind: 'annual', year: 2023, periodStart: '2023-01-01', periodEnd: '2023-12-31' },
    version: { versionNo: 1, formatVersion: CURRENT_FORMAT.version, language: 'en', visibility: 'public', nothingNew: false, reason: null, snapshot: { forms }, submittedAt: new Date('2024-04-20T10:00:00Z'), publishedAt: new Date('2024-05-02T09:00:00Z') },
    stateName: `State ${i}`,
    baseUrl: 'http://localhost:3000',
    locale: 'en',
  }),
);
const ctx = exportContext(translator('en'), { mineTypes: [] });
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const zip = bulkZip(docs, ctx);
  console.log(`160 reports: ${(performance.now() - t0).toFixed(0)} ms, ${(zip.length / 1024).toFixed(0)} KB`);
}
