import type { Browser, BrowserContext } from 'playwright-core';
import { call, cityId, login, type Doc } from './support/api';
import { launch, newContext, signIn } from './support/browser';

/** A Tangier editor never sees Lyon's drafts: not in Lyon's workspace, not by their address. */
describe("another city's drafts", () => {
  let browser: Browser;
  let context: BrowserContext;
  let lyonDrafts: Doc[];

  beforeAll(async () => {
    browser = await launch();
    const julien = await login('editor.lyon@passerelle.test');
    const documents = await call<Doc[]>(julien, 'GET', `/documents?cityId=${await cityId(julien, 'lyon')}`);
    lyonDrafts = documents.body.filter((doc) => !doc.published);
    expect(lyonDrafts.length).toBeGreaterThan(0);
  });

  beforeEach(async () => {
    context = await newContext(browser);
  });

  afterEach(async () => {
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("does not list Lyon's drafts to a Tangier editor", async () => {
    const page = await context.newPage();
    await signIn(page, 'editor.tangier@passerelle.test');
    for (const phase of ['dialogue', 'knowledge', 'action']) {
      await page.goto(`/cities/lyon/${phase}`);
      await page.locator('main h1, main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      // No link to a draft anywhere on the page (workspace lists, activity, events)...
      const links = await page
        .locator('a[href^="/documents/"]')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      for (const draft of lyonDrafts) expect(links.filter((href) => href.includes(draft.id))).toEqual([]);
      // ...and no draft's title, except the minutes', which are named after their public event.
      const text = await page.locator('main').innerText();
      for (const draft of lyonDrafts.filter((doc) => doc.kind !== 'minutes')) expect(text).not.toContain(draft.title);
    }
  });

  it("answers 'page not found' for the address of a Lyon draft, as for a document that does not exist", async () => {
    const page = await context.newPage();
    await signIn(page, 'editor.tangier@passerelle.test');
    await page.goto(`/documents/${lyonDrafts[0].id}`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.locator('.editor-content').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain(lyonDrafts[0].title);

    const youssef = await login('editor.tangier@passerelle.test');
    expect((await call(youssef, 'GET', `/documents/${lyonDrafts[0].id}`)).status).toBe(404);
  });
});
