/**
 * A respondent answers a questionnaire from the personal link in the e-mail, in Chromium, with and
 * without JavaScript: answers the first section halfway and saves ("come back later"), closes the
 * browser, opens the same link in a new browser, switches to French, completes both sections (a
 * conditional question and a table row), checks the answers, submits and sees the receipt. The
 * start, section, review and receipt pages are scanned with axe in English and Arabic; the other
 * respondent pages (conflict, history, files, expired link, not open yet, my questionnaires) once.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogues, createTranslators } from '../../src/platform/i18n/messages.ts';
import { axeCheck, clickAndWait, DEMO, htmlLangDir, signIn, useBrowser, type Session } from '../support/browser.ts';
import { createInvitation, createQuestionnaire, createResponse } from '../support/questionnaires.ts';

const tr = createTranslators(loadCatalogues());
const browser = useBrowser();

async function addRow(s: Session, path: string, js: boolean): Promise<void> {
  const rows = s.page.locator(`[data-path="${path}"] > .table-rows > li`);
  const before = await rows.count();
  const button = `[data-path="${path}"] > button[value="add:${path}"]`;
  if (js) await s.page.click(button);
  else await clickAndWait(s, button);
  await expect.poll(() => rows.count()).toBe(before + 1);
}

describe.each([{ js: true, iso2: 'KH' }, { js: false, iso2: 'TJ' }])('answering a questionnaire from the e-mailed link (JavaScript $js)', ({ js, iso2 }) => {
  it(
    'saves halfway, resumes from the link in a new browser, switches to French, reviews, submits and gets a receipt',
    async () => {
      const db = browser.app.database;
      const fx = await createQuestionnaire(db);
      const { token } = await createInvitation(db, browser.app.config.secret, fx.questionnaireId, { stateIso2: iso2, name: `Director ${iso2}`, locale: 'en' });
      const en = tr('en');
      const fr = tr('fr');
      const label = js ? 'js' : 'nojs';

      // ---- First visit: half of the first section, saved for later --------------------------
      const first = await browser.session({ name: `answer-${label}-first`, javaScript: js });
      await first.goto(`/en/answer/${token}`);
      expect(await first.page.locator('h1').innerText()).toBe('Cooperation and assistance in 2022');
      await first.step('start page');
      if (js) await axeCheck(first.page, 'start page (en)');
      await clickAndWait(first, `main a[href="/en/answer/${token}/sections/support"]`);
      // The follow-up question appears with the answer that asks for it (always shown without JavaScript).
      const amount = first.page.locator('[data-show-if-name="s.support.received"]').first();
      if (js) expect(await amount.isHidden()).toBe(true);
      await first.page.check('[name="s.support.received"][value="yes"]');
      expect(await amount.isVisible()).toBe(true);
      await first.page.fill('[name="s.support.amount"]', '125000');
      await first.step('first section halfway');
      if (js) await axeCheck(first.page, 'section page (en)');
      await clickAndWait(first, 'main button[name="_action"][value="later"]');
      expect(first.path()).toBe(`/en/answer/${token}?flash=saved`);
      expect(await first.page.locator('main').innerText()).toContain(en.t('questionnaires.answering.progress.in_progress'));
      await first.close();

      // ---- Later, another browser: the same link, in French -----------------------------------
      const second = await browser.session({ name: `answer-${label}-second`, javaScript: js });
      await second.goto(`/en/answer/${token}`);
      await clickAndWait(second, `.language-switcher a[hreflang="fr"]`);
      expect(second.path()).toBe(`/fr/answer/${token}`);
      expect(await htmlLangDir(second.page)).toEqual({ lang: 'fr', dir: 'ltr' });
      expect(await second.page.locator('h1').innerText()).toBe('Coopération et assistance en 2022');
      await clickAndWait(second, `main a[href="/fr/answer/${token}/sections/support"]`);
      expect(await second.page.inputValue('[name="s.support.amount"]')).toBe('125000');
      expect(await second.page.isChecked('[name="s.support.received"][value="yes"]')).toBe(true);
      await second.page.check('[name="s.support.kind"][value="training"]');
      await second.page.fill('[name="s.support.challenges"]', 'Accès difficile aux zones reculées pendant la saison des pluies.');
      await clickAndWait(second, 'main button[name="_action"][value="continue"]');
      expect(second.path()).toBe(`/fr/answer/${token}/sections/gender`);
      await second.page.check('[name="s.gender.integrated"][value="yes"]');
      await addRow(second, 'gender.teams', js);
      await second.page.fill('[name="s.gender.teams.0.name"]', 'Équipe de déminage Nord');
      await second.page.fill('[name="s.gender.teams.0.women"]', '7');
      await second.step('second section in French');
      await clickAndWait(second, 'main button[name="_action"][value="continue"]');
      expect(second.path()).toBe(`/fr/answer/${token}/review`);

      // ---- Check the answers, submit, receipt -------------------------------------------------
      const review = await second.page.locator('main').innerText();
      for (const v of ['Formation', 'Accès difficile aux zones reculées', 'Équipe de déminage Nord', fr.formatNumber(125000)]) expect(review).toContain(v);
      expect(review).not.toContain(fr.t('questionnaires.answering.review.missing_title'));
      await second.step('check your answers');
      await second.page.check('#f-confirm');
      await clickAndWait(second, `main form[action="/fr/answer/${token}/submit"] button[type="submit"]`);
      expect(second.path()).toBe(`/fr/answer/${token}/receipt`);
      const receipt = await second.page.locator('main').innerText();
      expect(receipt).toContain(fr.t('questionnaires.answering.receipt.title'));
      expect(receipt).toMatch(new RegExp(`Q\\d{4}-${iso2}-[A-Z0-9]{4}`));
      await second.step('receipt');

      if (js) {
        // ---- The same pages in Arabic, right to left, for axe --------------------------------
        for (const path of ['', '/sections/gender', '/review', '/receipt']) {
          await second.goto(`/ar/answer/${token}${path}`);
          expect(await htmlLangDir(second.page)).toEqual({ lang: 'ar', dir: 'rtl' });
          await axeCheck(second.page, `ar${path || ' start'}`);
        }
        for (const path of ['/review', '/receipt']) {
          await second.goto(`/en/answer/${token}${path}`);
          await axeCheck(second.page, `en${path}`);
        }
      }
    },
    120_000,
  );
});

describe('the other respondent pages', () => {
  it(
    'pass axe in Arabic: conflict with a colleague, history, files, an expired link, a questionnaire not open yet, my questionnaires',
    async () => {
      const db = browser.app.database;
      const secret = browser.app.config.secret;
      const fx = await createQuestionnaire(db);
      const { token, invitation } = await createInvitation(db, secret, fx.questionnaireId, { stateIso2: 'YE', name: 'مديرة البرنامج' });
      const s = await browser.session({ name: 'answer-other-pages', javaScript: true });
      s.allowErrorDocuments(409, 410);
      const base = `/ar/answer/${token}`;
      // A colleague saves the section while this page is open: saving it shows the conflict page.
      await s.goto(`${base}/sections/support`);
      await s.page.check('[name="s.support.received"][value="yes"]');
      await s.page.fill('[name="s.support.amount"]', '100');
      const response = await createResponse(db, fx, invitation, { values: { support: { received: true, amount: 250 } }, submitted: true });
      await db.query(`update questionnaire_responses set version = 3, receipt = 'Q2026-YE-7K3D', updated_by_name = 'زميل' where id = $1`, [response.id]);
      await db.query(`insert into questionnaire_response_events (response_id, kind, actor_name, values) values ($1, 'submitted', 'زميل', $2), ($1, 'changed', 'زميل', $3)`, [response.id, { support: { received: true, amount: 200 } }, { support: { received: true, amount: 250 } }]);
      await clickAndWait(s, 'main button[name="_action"][value="later"]');
      expect(await s.page.locator('h1').innerText()).toBe(tr('ar').t('questionnaires.answering.conflict.title'));
      await axeCheck(s.page, 'conflict page (ar)');
      for (const path of ['/history', '/files']) {
        await s.goto(`${base}${path}`);
        await axeCheck(s.page, `${path} (ar)`);
      }
      const expired = await createInvitation(db, secret, fx.questionnaireId, { stateIso2: 'SD', expiresAt: new Date(Date.now() - 1000) });
      expect((await s.goto(`/ar/answer/${expired.token}`)).status()).toBe(410);
      await axeCheck(s.page, 'expired link (ar)');
      const later = await createQuestionnaire(db, { opensAt: new Date(Date.now() + 5 * 86_400_000), closesAt: new Date(Date.now() + 30 * 86_400_000) });
      const notOpen = await createInvitation(db, secret, later.questionnaireId, { stateIso2: 'SD' });
      await s.goto(`/ar/answer/${notOpen.token}`);
      await axeCheck(s.page, 'not open yet (ar)');
      await createInvitation(db, secret, fx.questionnaireId, { stateIso2: 'SN', email: DEMO.preparerSn });
      await signIn(s, 'ar', DEMO.preparerSn);
      await s.goto('/ar/my/questionnaires');
      expect(await s.page.locator('main').innerText()).toContain('التعاون والمساعدة في عام 2022');
      await axeCheck(s.page, 'my questionnaires (ar)');
    },
    90_000,
  );
});
