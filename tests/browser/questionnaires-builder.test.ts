/**
 * Building a questionnaire in Chromium, as the demo ISU officer: in English, a new questionnaire
 * with a yes/no question and a number question shown only on "yes", then its Arabic translation;
 * in Arabic, the respondent's preview in Arabic, where the number question appears only once "yes"
 * is chosen (JavaScript on). axe is clean on the build, translations and preview pages in both
 * languages.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { questionnaires, questionnaireVersions } from '../../src/areas/questionnaires/schema.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser } from '../support/browser.ts';

const browser = useBrowser();
let qid = '';

describe('the questionnaire builder', () => {
  it('builds a questionnaire with a conditional question and its Arabic translation (English)', async () => {
    const s = await browser.session({ name: 'questionnaire-builder-en', javaScript: true });
    await signIn(s, 'en', DEMO.isu);

    await s.goto('/en/questionnaires/new');
    await s.page.fill('#f-title', 'Cooperation and assistance in 2024');
    await s.page.selectOption('#f-sourceLocale', 'en');
    await clickAndWait(s, 'main form button[type=submit]');
    const m = /^\/en\/questionnaires\/([0-9a-f-]{36})\/build\?done=created$/.exec(s.path());
    expect(m, s.path()).toBeTruthy();
    qid = m![1]!;
    const build = `/en/questionnaires/${qid}/build`;
    await axeCheck(s.page, 'empty build page en');

    await s.page.fill('#f-title', 'Support received');
    await clickAndWait(s, `main form[action="${build}/sections"] button[type=submit]`);
    expect(await s.page.locator('.banner--success').innerText()).toContain('The section has been added.');

    // The section has no questions yet: its "add a question" form is open.
    await s.page.selectOption('#f-type-s1', 'yesno');
    await s.page.fill('#f-label-s1', 'Did your programme receive international support?');
    await clickAndWait(s, `main form[action="${build}/sections/s1/questions"] button[type=submit]`);
    expect(s.path()).toBe(`${build}/sections/s1/questions/q1?done=question_added`);

    await s.goto(build);
    await s.page.click('#section-s1 details summary');
    await s.page.selectOption('#f-type-s1', 'number');
    await s.page.fill('#f-label-s1', 'Amount received');
    await clickAndWait(s, `main form[action="${build}/sections/s1/questions"] button[type=submit]`);
    await s.page.fill('#f-unit', 'USD');
    await s.page.fill('#f-min', '0');
    await s.page.check('#f-required');
    await s.page.selectOption('#f-condition', 'q1');
    await s.page.check('#f-cond-q1-yes');
    await axeCheck(s.page, 'question page en');
    await clickAndWait(s, 'main form button.button[name=_action][value=save]');
    expect(s.path()).toBe(`${build}?done=question_saved`);
    const builtText = await s.page.locator('main').innerText();
    expect(builtText).toContain('Shown only if “Did your programme receive international support?” is answered: Yes');
    await axeCheck(s.page, 'build page en');
    await s.step('built');

    await s.goto(`/en/questionnaires/${qid}/translations`);
    await axeCheck(s.page, 'translations en');
    await clickAndWait(s, `main a[href="/en/questionnaires/${qid}/translations/ar"]`);
    expect(await s.page.locator('#f-t-s1-q1-label').getAttribute('dir')).toBe('rtl');
    expect(await s.page.locator('#f-t-s1-q1-label').getAttribute('lang')).toBe('ar');
    await s.page.fill('#f-t-title', 'التعاون والمساعدة في عام 2024');
    await s.page.fill('#f-t-s1-title', 'الدعم المتلقى');
    await s.page.fill('#f-t-s1-q1-label', 'هل تلقى برنامجكم دعمًا دوليًا؟');
    await s.page.fill('#f-t-s1-q2-label', 'المبلغ المتلقى');
    await s.page.fill('#f-t-s1-q2-unit', 'دولار أمريكي');
    await axeCheck(s.page, 'arabic translation page en');
    await clickAndWait(s, 'main form button[type=submit]');
    expect(s.path()).toBe(`/en/questionnaires/${qid}/translations?done=translations_saved`);
    expect(await s.page.locator('main table').innerText()).toMatch(/5 of 5/);
    await s.step('translated');

    const db = browser.app.database.db;
    const [q] = await db.select().from(questionnaires).where(eq(questionnaires.id, qid));
    expect(q!.title).toEqual({ en: 'Cooperation and assistance in 2024', ar: 'التعاون والمساعدة في عام 2024' });
    const [v] = await db.select().from(questionnaireVersions).where(eq(questionnaireVersions.questionnaireId, qid));
    expect(v!.content.sections[0]!.questions[1]).toMatchObject({ id: 'q2', type: 'number', showIf: { question: 'q1', in: ['yes'] }, label: { en: 'Amount received', ar: 'المبلغ المتلقى' } });

    await s.goto(`/en/questionnaires/${qid}/preview?lang=en`);
    await axeCheck(s.page, 'preview en');
  });

  it('previews the questionnaire in Arabic: the conditional question appears only after "yes" (Arabic)', async () => {
    expect(qid, 'the questionnaire built by the English journey').not.toBe('');
    const s = await browser.session({ name: 'questionnaire-builder-ar', javaScript: true });
    await signIn(s, 'ar', DEMO.isu);

    await s.goto(`/ar/questionnaires/${qid}/build`);
    expect(await htmlLangDir(s.page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await axeCheck(s.page, 'build page ar');
    await s.goto(`/ar/questionnaires/${qid}/translations`);
    await axeCheck(s.page, 'translations ar');
    await s.goto(`/ar/questionnaires/${qid}/translations/fr`);
    await axeCheck(s.page, 'french translation page ar');

    await s.goto(`/ar/questionnaires/${qid}/preview?lang=ar`);
    const form = s.page.locator('main div[lang="ar"][dir="rtl"]');
    expect(await form.locator('h2').first().innerText()).toBe('التعاون والمساعدة في عام 2024');
    const conditional = s.page.locator('[data-show-if-name="s.s1.q1"]');
    await expect.poll(() => conditional.isVisible()).toBe(false);
    await s.page.check('input[name="s.s1.q1"][value="no"]');
    expect(await conditional.isVisible()).toBe(false);
    await s.page.check('input[name="s.s1.q1"][value="yes"]');
    await expect.poll(() => conditional.isVisible()).toBe(true);
    expect(await conditional.innerText()).toContain('المبلغ المتلقى');
    await axeCheck(s.page, 'preview ar');
    await s.step('preview-yes');

    // "Check my answers": the amount is required once shown; nothing is stored.
    s.allowErrorDocuments(422);
    await clickAndWait(s, 'main form button.button[name=_action][value=check]');
    expect(await s.page.locator('.error-summary').count()).toBe(1);
    expect(await s.page.locator('#preview-stored').count()).toBe(1);
    await axeCheck(s.page, 'preview checked ar');
    await s.step('preview-checked');
  });
});
