import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cityDocument, invitePerson, login, type Doc } from './support/api';
import { launch, newContext, signIn } from './support/browser';
import { chooseLanguage, documentScreenshot, editorText, openDocument } from './support/editor';

const LANGUAGES = ['en', 'fr', 'ar'] as const;

describe('the three working languages', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function person(email: string, password?: string): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, email, password);
    return page;
  }

  beforeAll(async () => {
    browser = await launch();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('mirrors the whole layout in Arabic and shows Arabic strings', async () => {
    const page = await person('editor.lyon@passerelle.test');
    await page.goto('/');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    const brandBefore = (await page.locator('.brand').boundingBox())!;

    await chooseLanguage(page, 'ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.getByRole('link', { name: 'البرنامج' }).waitFor();
    await page.getByRole('link', { name: 'مدينتي' }).waitFor();
    // The brand moved from the left edge to the right edge.
    const brandAfter = (await page.locator('.brand').boundingBox())!;
    expect(brandBefore.x).toBeLessThan(640);
    expect(brandAfter.x).toBeGreaterThan(640);

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('link', { name: 'البرنامج' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  });

  it("sets the editor's direction from the document's language, whatever the interface language", async () => {
    const coordinator = await login('coordinator@passerelle.test');
    const lyonPaper = await cityDocument(coordinator, 'lyon', 'priority_paper');
    const tangierPaper = await cityDocument(coordinator, 'tangier', 'priority_paper');
    const page = await person('coordinator@passerelle.test');

    await chooseLanguage(page, 'ar');
    await openDocument(page, lyonPaper.id, 'upToDate');
    expect(await editorText(page).getAttribute('dir')).toBe(lyonPaper.language === 'ar' ? 'rtl' : 'ltr');
    expect(await editorText(page).getAttribute('lang')).toBe(lyonPaper.language);

    await chooseLanguage(page, 'en');
    await openDocument(page, tangierPaper.id, 'upToDate');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await editorText(page).getAttribute('dir')).toBe(tangierPaper.language === 'ar' ? 'rtl' : 'ltr');
  });

  describe('screenshots of the main screens', () => {
    let paper: Doc;
    let lea: { email: string; password: string };
    let samir: { email: string; password: string };

    beforeAll(async () => {
      paper = await cityDocument(await login('editor.lyon@passerelle.test'), 'lyon', 'priority_paper');
      lea = await invitePerson('lyon', 'editor', 'Léa Fontaine');
      samir = await invitePerson('lyon', 'editor', 'Samir Haddad');
    });

    it.each(LANGUAGES)('in %s: home, city, editor with two other carets, administration', async (language) => {
      const coordinator = await person('coordinator@passerelle.test');
      await chooseLanguage(coordinator, language);
      await coordinator.goto('/');
      await coordinator.locator('.city-card, article').first().waitFor();
      await coordinator.waitForLoadState('networkidle');
      await documentScreenshot(coordinator, `home-${language}`);

      const julien = await person('editor.lyon@passerelle.test');
      await chooseLanguage(julien, language);
      await julien.goto('/cities/lyon/knowledge');
      await julien.locator('table').first().waitFor();
      await julien.waitForLoadState('networkidle');
      await documentScreenshot(julien, `city-${language}`);

      const leaPage = await person(lea.email, lea.password);
      const samirPage = await person(samir.email, samir.password);
      await openDocument(julien, paper.id);
      await openDocument(leaPage, paper.id);
      await openDocument(samirPage, paper.id);
      await editorText(leaPage).locator('h2').first().click();
      await editorText(samirPage).locator('p').nth(1).dblclick();
      await editorText(julien).locator('p').first().click();
      await julien.locator('.collaboration-carets__label', { hasText: 'Léa Fontaine' }).waitFor();
      await julien.locator('.collaboration-carets__label', { hasText: 'Samir Haddad' }).waitFor();
      await julien.evaluate(() => window.scrollTo(0, 0));
      await documentScreenshot(julien, `editor-${language}`);

      const admin = await person('admin@passerelle.test');
      await chooseLanguage(admin, language);
      await admin.goto('/admin/people');
      await admin.locator('table').first().waitFor();
      await admin.waitForLoadState('networkidle');
      await documentScreenshot(admin, `admin-${language}`);
    });
  });
});
