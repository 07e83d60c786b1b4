/**
 * PDF from typst templates (@myriaddreamin/typst-ts-node-compiler). Data goes in as JSON through
 * `sys.inputs.data` and is read in the template with `json(bytes(sys.inputs.data))`: user text is a
 * typst string, shown as text and never parsed as markup, so it cannot inject typst code.
 *
 * Fonts come from npm packages only (Amiri for Arabic, Noto Sans SC for Chinese, Latin and
 * Cyrillic). The compiler offers no switch to skip system fonts, so while it starts it is pointed
 * at a fontconfig file that names no existing folder; templates also set `fallback: false`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));

/** Font families available to templates, with the npm files they come from. */
export const PDF_FONTS = {
  arabic: 'Amiri',
  cjk: 'Noto Sans SC',
} as const;

function fontFiles(): string[] {
  const amiri = dirname(require.resolve('@expo-google-fonts/amiri/package.json'));
  const notoSc = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return [
    join(amiri, '400Regular/Amiri_400Regular.ttf'),
    join(amiri, '700Bold/Amiri_700Bold.ttf'),
    join(notoSc, '400Regular/NotoSansSC_400Regular.ttf'),
    join(notoSc, '700Bold/NotoSansSC_700Bold.ttf'),
  ];
}

let compiler: NodeCompiler | undefined;
let compilations = 0;

function createCompiler(): NodeCompiler {
  const blobs = fontFiles().map((f) => readFileSync(f));
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = join(HERE, 'no-system-fonts.conf');
  try {
    // The workspace is this folder: templates get no file access beyond it (they need none).
    return NodeCompiler.create({ workspace: HERE, fontArgs: [{ fontBlobs: blobs }] });
  } finally {
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
  }
}

const WARM_UP = `#set text(font: ("${PDF_FONTS.cjk}", "${PDF_FONTS.arabic}"), fallback: false)
Latin Кириллица 中文 #text(font: "${PDF_FONTS.arabic}", dir: rtl)[العربية] *Latin Кириллица 中文* #text(font: "${PDF_FONTS.arabic}", weight: "bold")[العربية]
#table(columns: 2, [1], [2])`;

/**
 * Starts the compiler, loads the fonts and lays out a line in every script once, so the first real
 * PDF does not pay for parsing 20 MB of fonts (call it at start-up or before timing).
 */
export function warmUpPdf(): void {
  renderPdf(WARM_UP, {});
}

export class PdfRenderError extends Error {
  constructor(readonly diagnostics: unknown[]) {
    super(`typst: ${JSON.stringify(diagnostics).slice(0, 2000)}`);
  }
}

/** Compiles `template` with `data` (as `sys.inputs.data`) to a PDF. Synchronous: ~10–50 ms a report. */
export function renderPdf(template: string, data: unknown): Buffer {
  compiler ??= createCompiler();
  const c = compiler;
  const result = c.compile({ mainFileContent: template, inputs: { data: JSON.stringify(data) } });
  if (result.hasError() || !result.result) {
    const error = result.takeError() ?? result.takeDiagnostics();
    throw new PdfRenderError(error ? c.fetchDiagnostics(error) : []);
  }
  const pdf = c.pdf(result.result);
  // The compiler memoises between runs; clear old entries now and then so memory stays flat.
  if (++compilations % 25 === 0) c.evictCache(10);
  return pdf;
}
