import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cityDocument, login, type Doc } from './support/api';
import { launch, newContext, signIn } from './support/browser';
import { documentScreenshot, openDocument, typeAtEnd, waitForStatus } from './support/editor';

/** A made-up word nobody else wrote: letters only, so that every language's parser keeps it whole. */
function uniqueWord(): string {
  let n = Date.now();
  let word = '';
  while (n > 0) {
    word += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  }
  return `zeph${word}`;
}

describe('search', () => {
  let browser: Browser;
  let paper: Doc;
  const contexts: BrowserContext[] = [];

  async function person(email: string): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, email);
    return page;
  }

  beforeAll(async () => {
    browser = await launch();
    paper = await cityDocument(await login('editor.lyon@passerelle.test'), 'lyon', 'priority_paper');
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds, from the header box, a phrase the Lyon editor has just typed into the priority paper', async () => {
    const page = await person('editor.lyon@passerelle.test');
    const word = uniqueWord();
    await openDocument(page, paper.id);
    await typeAtEnd(page, `Les ateliers ${word} réunissent les habitants du quartier.`);
    await waitForStatus(page, 'saved');

    // The server indexes a second or two after the edit: search again until it is there.
    const result = page.locator('.search-result', { hasText: paper.title });
    const box = page.getByRole('searchbox', { name: 'Search documents, comments and pilot projects' });
    const deadline = Date.now() + 20_000;
    for (;;) {
      await box.click();
      await box.fill(word);
      await box.press('Enter');
      await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === word);
      await page.locator('.search-results, .state-empty').first().waitFor();
      if ((await result.count()) > 0) break;
      if (Date.now() > deadline) throw new Error(`"${word}" was not found within 20 seconds of the edit`);
      await page.waitForTimeout(1000);
      await page.goto('/');
    }

    await page.getByRole('heading', { level: 1, name: `Results for “${word}”` }).waitFor();
    expect(await result.locator('mark').first().innerText()).toBe(word);
    expect(await result.locator('.search-snippet').innerText()).toContain(word);
    await documentScreenshot(page, 'search-en');

    await result.getByRole('link', { name: paper.title }).click();
    await page.waitForURL(`**/documents/${paper.id}`);
    await page.locator('.editor-content').getByText(word).waitFor();
  });
});
