/**
 * The Article 7 report from draft to publication, in Chromium, in Arabic and in English, with and
 * without JavaScript: a preparer fills Forms C, D and J (numbers typed in Arabic-Indic and Eastern
 * Arabic-Indic digits), a colleague's conflicting edit is detected and resolved, the approver
 * submits after checking the answers, ISU returns Form C with a comment, the State answers and
 * corrects, the approver resubmits, ISU acknowledges and publishes, and the public page, the PDF
 * and the XLSX show the values. Each variant uses a State of its own (users created for the test).
 */
import { describe, expect, it } from 'vitest';
import readExcelFile from 'read-excel-file/node';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { createUser, TEST_PASSWORD } from '../support/app.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser, type Session } from '../support/browser.ts';
import { pdfText, squash, words } from '../integration/reporting-exports/helpers.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

interface Variant {
  locale: 'ar' | 'en';
  js: boolean;
  iso2: string;
}

/** What the preparer types, per interface language (content stays as typed). */
const TEXT = {
  ar: {
    region: 'الحدود الشمالية',
    region2: 'وادي عربة',
    institution: 'مركز التدريب الوطني على إزالة الألغام',
    partner: 'صندوق المانحين التجريبي',
    genderA: 'تشكل النساء ثلث فرق إزالة الألغام.',
    genderB: 'تُعقد جلسات التوعية بالمخاطر للنساء والرجال كلٌّ على حدة.',
    contact: 'الهيئة الوطنية لإزالة الألغام',
    person: 'منسقة تجريبية',
    comment: 'يرجى تقسيم المناطق حسب المحافظة.',
    reply: 'تم التقسيم: انظروا الصفين.',
    reason: 'تقسيم المناطق حسب المحافظة',
  },
  en: {
    region: 'Northern border',
    region2: 'Eastern valley',
    institution: 'National demining training centre',
    partner: 'Demo Donor Fund',
    genderA: 'Women make up a third of the clearance teams.',
    genderB: 'Risk education sessions are held separately for women and men.',
    contact: 'National Mine Action Authority',
    person: 'Demo Focal Point',
    comment: 'Please split the areas by province.',
    reply: 'Done: see the two rows now.',
    reason: 'Areas split by province',
  },
} as const;

/** Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…) digits, as typed on Arabic keyboards. */
const arabicIndic = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));
const easternArabicIndic = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x6f0 + Number(d)));

// Arabic without JavaScript and English with it: both languages, both ways of working, within the
// CI time budget (the other two combinations add no step of their own).
describe.each<Variant>([
  { locale: 'ar', js: false, iso2: 'YE' },
  { locale: 'en', js: true, iso2: 'TH' },
])('Article 7 report from draft to publication ($locale, JavaScript $js)', ({ locale, js, iso2 }) => {
  it(
    'is prepared, checked, submitted, returned, corrected, published and read',
    async () => {
      const t = tr(locale);
      const text = TEXT[locale];
      const n = (x: number) => t.formatNumber(x);
      const label = `${locale}-${js ? 'js' : 'nojs'}`;
      const db = browser.app.database;
      const [prep1, prep2, approver] = await Promise.all([
        createUser(db, { role: 'state_preparer', stateIso2: iso2, name: `Preparer One ${iso2}`, locale }),
        createUser(db, { role: 'state_preparer', stateIso2: iso2, name: `Preparer Two ${iso2}`, locale }),
        createUser(db, { role: 'state_approver', stateIso2: iso2, name: `Approver ${iso2}`, locale }),
      ]);
      const open = async (who: string, email: string) => {
        const s = await browser.session({ name: `report-${label}-${who}`, javaScript: js });
        s.allowErrorDocuments(409, 422);
        await signIn(s, locale, email, email.endsWith('@demo.example.org') ? undefined : TEST_PASSWORD);
        return s;
      };
      const p1 = await open('preparer', prep1.email);

      // ---- The preparer starts the report with empty forms ----------------------------------
      await p1.goto(`/${locale}/my`);
      expect(await htmlLangDir(p1.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
      // A State with no submitted report starts from empty forms; otherwise it is asked.
      const blank = p1.page.locator('main form[action$="/reports"] input[type="radio"][name="startFrom"][value="blank"]');
      if (await blank.count()) await blank.check();
      await clickAndWait(p1, 'main form[action$="/reports"] button[type="submit"]');
      const reportId = /\/reports\/([0-9a-f-]{36})\/edit/.exec(p1.path())?.[1];
      expect(reportId, p1.path()).toBeTruthy();
      const base = `/${locale}/reports/${reportId}`;
      await p1.step('task list of the new report');
      if (js) await axeCheck(p1.page, `${base}/edit`);

      // ---- Form C: hazardous areas and land release, typed in Arabic-Indic digits ----------
      await clickAndWait(p1, `main a[href="${base}/forms/C"]`);
      await addRow(p1, 'hazards.areas', js);
      await p1.page.fill('[name="s.hazards.areas.0.region"]', text.region);
      await p1.page.check('[name="s.hazards.areas.0.kind"][value="cha"]');
      await p1.page.fill('[name="s.hazards.areas.0.areaCount"]', arabicIndic('12'));
      await p1.page.fill('[name="s.hazards.areas.0.sizeSqm"]', arabicIndic('1250000').replace(/(.)(...)(...)$/, '$1\u066c$2\u066c$3'));
      await addRow(p1, 'release.byRegion', js);
      await p1.page.fill('[name="s.release.byRegion.0.region"]', text.region);
      await p1.page.fill('[name="s.release.byRegion.0.clearedSqm"]', easternArabicIndic('45000'));
      await p1.page.fill('[name="s.release.byRegion.0.minesDestroyed"]', arabicIndic('37'));
      // A conditional question: shown to everyone without JavaScript, revealed by the answer with it.
      const planSummary = p1.page.locator('[data-show-if-name="s.plan.hasPlan"]');
      if (js) expect(await planSummary.isHidden()).toBe(true);
      await p1.page.check('[name="s.plan.hasPlan"][value="yes"]');
      expect(await planSummary.isVisible()).toBe(true);
      await p1.page.fill('[name="s.plan.planSummary"]', text.reason);
      await p1.step('Form C filled');
      if (js) await axeCheck(p1.page, `${base}/forms/C`);
      await complete(p1);
      await expectFormStatus(p1, 'C', t.t('reporting.form_status.complete'));
      // Stored as numbers, whatever digits were typed.
      await p1.goto(`${base}/forms/C`);
      expect(await p1.page.inputValue('[name="s.hazards.areas.0.areaCount"]')).toBe('12');
      expect(await p1.page.inputValue('[name="s.hazards.areas.0.sizeSqm"]')).toBe('1250000');
      expect(await p1.page.inputValue('[name="s.release.byRegion.0.clearedSqm"]')).toBe('45000');

      // ---- Form D: mines retained, with a balance the rules check ---------------------------
      await p1.goto(`${base}/forms/D`);
      await addRow(p1, 'retained.holdings', js);
      await p1.page.fill('[name="s.retained.holdings.0.institution"]', text.institution);
      await p1.page.selectOption('[name="s.retained.holdings.0.mineType"]', { index: 1 });
      await p1.page.fill('[name="s.retained.holdings.0.quantity"]', arabicIndic('40'));
      await p1.page.fill('[name="s.use.heldLastYear"]', arabicIndic('45'));
      await p1.page.fill('[name="s.use.consumed"]', arabicIndic('5'));
      await p1.step('Form D filled');
      // Autosaved in the background: the row added on the page gets the id the server gave it.
      if (js) await expect.poll(() => p1.page.inputValue('[name="s.retained.holdings.0._id"]'), { timeout: 15_000 }).toMatch(/^[A-Za-z0-9_-]{8}$/);
      await complete(p1);
      await expectFormStatus(p1, 'D', t.t('reporting.form_status.complete'));

      // ---- Form J, and a colleague editing it at the same time -------------------------------
      const p2 = await open('colleague', prep2.email);
      await p2.goto(`${base}/forms/J`);
      await p1.goto(`${base}/forms/J`);
      await addRow(p1, 'received.assistance', js);
      await p1.page.fill('[name="s.received.assistance.0.partner"]', text.partner);
      await p1.page.fill('[name="s.received.assistance.0.amount.amount"]', arabicIndic('250000'));
      await p1.page.fill('[name="s.received.assistance.0.amount.currency"]', 'USD');
      await p1.page.fill('[name="s.received.assistance.0.year"]', arabicIndic('2025'));
      await p1.page.selectOption('[name="s.received.assistance.0.sector"]', 'clearance');
      await p1.page.check('[name="s.received.assistance.0.southSouth"][value="no"]');
      await p1.page.check('[name="s.gender.integrated"][value="yes"]');
      await p1.page.fill('[name="s.gender.narrative"]', text.genderA);
      await p1.step('Form J filled');
      await complete(p1);

      // The colleague's page still has the old version: the save is a conflict, not an overwrite.
      await p2.page.fill('[name="s.gender.narrative"]', text.genderB);
      const [conflict] = await Promise.all([p2.page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'), p2.page.click('button[name="_action"][value="save"]')]);
      expect(conflict.status()).toBe(409);
      await p2.page.waitForLoadState('load');
      expect(await p2.page.locator('h1').innerText()).toBe(t.t('reporting.conflict.title'));
      const conflictText = await p2.page.locator('main').innerText();
      expect(conflictText).toContain(text.genderA);
      expect(conflictText).toContain(text.genderB);
      await p2.step('conflict page with both values');
      if (js) await axeCheck(p2.page, 'conflict page');
      // Keep the colleague's sentence for the narrative, the first preparer's answers elsewhere.
      await p2.page.check('[name="keep.gender.narrative"][value="mine"]');
      await clickAndWait(p2, 'main form[action$="/forms/J/resolve"] button[type="submit"]');
      expect(p2.path()).toMatch(/\/edit\?flash=saved$/);
      await p2.goto(`${base}/forms/J`);
      expect(await p2.page.inputValue('[name="s.gender.narrative"]')).toBe(text.genderB);
      expect(await p2.page.inputValue('[name="s.received.assistance.0.partner"]')).toBe(text.partner);
      expect(await p2.page.inputValue('[name="s.received.assistance.0.amount.amount"]')).toBe('250000');
      await complete(p2);
      await expectFormStatus(p2, 'J', t.t('reporting.form_status.complete'));
      await p2.close();

      // ---- The cover page, and the forms that do not apply -----------------------------------
      await p1.goto(`${base}/forms/cover`);
      if ((await p1.page.locator('[name="s.contacts.people.0.organisation"]').count()) === 0) await addRow(p1, 'contacts.people', js);
      await p1.page.fill('[name="s.contacts.people.0.organisation"]', text.contact);
      await p1.page.fill('[name="s.contacts.people.0.name"]', text.person);
      await p1.page.selectOption('[name="s.general.language"]', locale);
      await complete(p1);
      for (const form of ['A', 'B', 'E', 'F', 'G', 'H', 'I']) {
        await p1.goto(`${base}/forms/${form}`);
        await clickAndWait(p1, `main form[action$="/forms/${form}/not-applicable"] button[type="submit"]`);
      }
      await p1.goto(`${base}/edit`);
      expect(await p1.page.locator('main').innerText()).toContain(t.t('reporting.tasks.progress', { done: 11, total: 11 }));
      await p1.step('every form done');

      // ---- The approver checks the answers and submits ---------------------------------------
      const ap = await open('approver', approver.email);
      await ap.goto(`${base}/edit`);
      await clickAndWait(ap, `main a[href="${base}/check"]`);
      const answers = await ap.page.locator('.check-answers').innerText();
      for (const v of [text.region, text.institution, text.partner, text.genderB, n(1250000), n(45000)]) expect(answers).toContain(v);
      await ap.step('check your answers');
      if (js) await axeCheck(ap.page, `${base}/check`);
      await ap.page.check('[name="visibility"][value="public"]');
      await ap.page.check('[name="declaration"]');
      await clickAndWait(ap, `main form[action$="/submit"] button[type="submit"]`);
      expect(ap.path()).toBe(`${base}/submitted`);
      expect(await ap.page.locator('h1').innerText()).toBe(t.t('reporting.submitted.title'));
      await ap.step('submitted');

      // ---- ISU returns Form C with a comment -------------------------------------------------
      const isu = await open('isu', DEMO.isu);
      await isu.goto(`/${locale}/review`);
      await clickAndWait(isu, `main a[href="${base}/review"]`);
      await isu.page.click('details summary');
      await isu.page.fill('[name="comment.C"]', text.comment);
      await isu.step('returning Form C');
      await clickAndWait(isu, `main form[action$="/return"] button[type="submit"]`);

      // ---- The State answers, corrects Form C, and the approver resubmits ---------------------
      await p1.goto(`${base}/edit`);
      expect(await p1.page.locator('main').innerText()).toContain(text.comment);
      await p1.goto(`${base}/forms/C`);
      await p1.page.fill('main form[action$="/forms/C/comments"] [name="body"]', text.reply);
      await clickAndWait(p1, 'main form[action$="/forms/C/comments"] button[type="submit"]');
      await p1.goto(`${base}/forms/C`);
      expect(await p1.page.locator('main').innerText()).toContain(text.reply);
      await p1.page.fill('[name="s.hazards.areas.0.areaCount"]', arabicIndic('8'));
      await p1.page.fill('[name="s.hazards.areas.0.sizeSqm"]', '900000');
      await addRow(p1, 'hazards.areas', js);
      const second = await lastRowIndex(p1, 'hazards.areas');
      await p1.page.fill(`[name="s.hazards.areas.${second}.region"]`, text.region2);
      await p1.page.check(`[name="s.hazards.areas.${second}.kind"][value="sha"]`);
      await p1.page.fill(`[name="s.hazards.areas.${second}.areaCount"]`, arabicIndic('4'));
      await p1.page.fill(`[name="s.hazards.areas.${second}.sizeSqm"]`, easternArabicIndic('350000'));
      await p1.step('Form C corrected');
      await complete(p1);
      await ap.goto(`${base}/check`);
      expect(await ap.page.locator('.check-answers').innerText()).toContain(text.region2);
      await ap.page.fill('[name="reason"]', text.reason);
      await ap.page.check('[name="visibility"][value="public"]');
      await ap.page.check('[name="declaration"]');
      await clickAndWait(ap, `main form[action$="/submit"] button[type="submit"]`);
      expect(ap.path()).toBe(`${base}/submitted`);

      // ---- ISU acknowledges and publishes ----------------------------------------------------
      await isu.goto(`${base}/review`);
      await clickAndWait(isu, `main form[action$="/acknowledge"] button[type="submit"]`);
      await isu.goto(`${base}/review`);
      await clickAndWait(isu, `main form[action$="/publish"] button[type="submit"]`);
      await isu.step('published');

      // ---- Anyone reads it: page, PDF, XLSX ---------------------------------------------------
      const reader = await browser.session({ name: `report-${label}-public`, javaScript: js });
      await reader.goto(`/${locale}/states/${iso2.toLowerCase()}`);
      await clickAndWait(reader, `main a[href="${base}"]`);
      expect(await htmlLangDir(reader.page)).toEqual({ lang: locale, dir: locale === 'ar' ? 'rtl' : 'ltr' });
      const page = await reader.page.locator('main').innerText();
      for (const v of [text.region, text.region2, text.institution, text.partner, text.genderB, n(900000), n(350000), n(45000)]) expect(page, v).toContain(v);
      await reader.step('public report page', { fullPage: false });
      if (js) await axeCheck(reader.page, `${base} (public)`);

      const pdfHref = await reader.page.locator('.downloads a[href*="export.pdf"]').getAttribute('href');
      const pdf = await reader.context.request.get(reader.url(pdfHref!));
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const pdfWords = squash(pdfText(await pdf.body()));
      for (const w of words(`${text.region} ${text.region2} ${text.partner}`)) expect(pdfWords, w).toContain(squash(w));
      for (const x of [900000, 350000, 45000]) expect(pdfWords).toContain(squash(n(x)));

      const xlsxHref = await reader.page.locator('.downloads a[href*="export.xlsx"]').getAttribute('href');
      const xlsx = await reader.context.request.get(reader.url(xlsxHref!));
      expect(xlsx.status()).toBe(200);
      const sheets = await readExcelFile(await xlsx.body());
      const c = sheets.find((s) => s.sheet.startsWith('C - '))!;
      const codes = c.data[1] as string[];
      const col = (code: string) => codes.indexOf(code);
      const rows = c.data.slice(2);
      expect(rows.map((r) => r[col('hazards.areas.region')])).toEqual(expect.arrayContaining([text.region, text.region2]));
      expect(rows.map((r) => r[col('hazards.areas.sizeSqm')])).toEqual(expect.arrayContaining([900000, 350000]));
      const j = sheets.find((s) => s.sheet.startsWith('J - '))!;
      const jCodes = j.data[1] as string[];
      expect(j.data.slice(2).map((r) => r[jCodes.indexOf('received.assistance.partner')])).toContain(text.partner);
    },
    240_000,
  );
});

/** Adds a row to a repeating table: inline with JavaScript, through the server without. */
async function addRow(s: Session, path: string, js: boolean): Promise<void> {
  const before = await s.page.locator(`[data-path="${path}"] > .table-rows > li`).count();
  const button = `[data-path="${path}"] > button[value="add:${path}"]`;
  if (js) {
    await s.page.click(button);
  } else {
    await clickAndWait(s, button);
  }
  await expect.poll(() => s.page.locator(`[data-path="${path}"] > .table-rows > li`).count()).toBe(before + 1);
}

/** The index in the field names of a table's last row. */
async function lastRowIndex(s: Session, path: string): Promise<string> {
  const name = await s.page.locator(`[data-path="${path}"] > .table-rows > li`).last().locator('input[name$="._id"]').getAttribute('name');
  return /\.(\d+)\._id$/.exec(name ?? '')![1]!;
}

/** "Save and mark as completed", then back on the task list. */
async function complete(s: Session): Promise<void> {
  await clickAndWait(s, 'main button[name="_action"][value="complete"]');
  // The error summary explains a failure; read it only then (reading a missing element waits).
  const summary = /\/edit\?flash=completed$/.test(s.path()) ? '' : await s.page.locator('.error-summary').innerText({ timeout: 1000 }).catch(() => '');
  expect(s.path(), summary).toMatch(/\/edit\?flash=completed$/);
}

async function expectFormStatus(s: Session, form: string, status: string): Promise<void> {
  if (!/\/edit\b/.test(s.path())) await s.goto(s.path().replace(/\/forms\/.*$/, '/edit'));
  const item = s.page.locator('.task-list__item', { has: s.page.locator(`a[href$="/forms/${form}"]`) });
  expect(await item.locator('.task-list__status').innerText()).toBe(status);
}
