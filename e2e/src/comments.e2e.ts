import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { call, cityDocument, login, markdown, type Doc, type Session } from './support/api';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { chooseLanguage, documentScreenshot, documentText, editorText, openDocument } from './support/editor';

/**
 * The Lyon stakeholder comments on a passage of Lyon's priority paper and proposes a wording; the
 * Lyon editor, with the paper open in another browser, sees both appear live (no reload), highlighted
 * in the text, and accepts the wording, which then reaches both screens as an ordinary edit.
 */
describe('commenting on a priority paper', () => {
  let browser: Browser;
  let coordinator: Session;
  let paper: Doc;
  const contexts: BrowserContext[] = [];

  async function person(email: string): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, email);
    return page;
  }

  const panel = (page: Page): Locator => page.getByRole('complementary', { name: /^(Comments|التعليقات)$/ });
  const threadOn = (page: Page, quote: string): Locator =>
    panel(page).getByRole('article', { name: new RegExp(quote) });

  /** Selects `needle` in the editor's text with the mouse, as a person would (drag from its first to its last letter). */
  async function selectWords(page: Page, needle: string): Promise<void> {
    const box = await editorText(page).evaluate((root, words) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf(words);
        if (index < 0) continue;
        node.parentElement!.scrollIntoView({ block: 'center' });
        const rect = (from: number, to: number) => {
          const range = document.createRange();
          range.setStart(node!, from);
          range.setEnd(node!, to);
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        };
        return { first: rect(index, index + 1), last: rect(index + words.length - 1, index + words.length) };
      }
      return null;
    }, needle);
    if (!box) throw new Error(`"${needle}" is not in the text`);
    await page.mouse.move(box.first.x + 1, box.first.y + box.first.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.last.x + box.last.width - 1, box.last.y + box.last.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(needle);
  }

  beforeAll(async () => {
    browser = await launch();
    coordinator = await login('coordinator@passerelle.test');
    paper = await cityDocument(coordinator, 'lyon', 'priority_paper');
    // Other tests take this paper through review and adoption: a frozen paper takes no accepted wording.
    if (paper.status === 'adopted') await call(coordinator, 'POST', `/documents/${paper.id}/revise`);
    if (paper.status === 'archived') await call(coordinator, 'POST', `/documents/${paper.id}/unarchive`);
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a stakeholder’s comment and suggestion live to the editor, who accepts the wording', async () => {
    const julien = await person('editor.lyon@passerelle.test');
    const nadia = await person('stakeholder.lyon@passerelle.test');
    await openDocument(julien, paper.id);
    await openDocument(nadia, paper.id, 'upToDate');
    await panel(julien).getByRole('group', { name: 'Show' }).waitFor();
    const loadsBefore = await julien.evaluate(() => performance.getEntriesByType('navigation').length);

    // Nadia selects a passage of the read-only text and comments on it, mentioning Julien.
    await selectWords(nadia, 'trois ateliers');
    await nadia.getByRole('button', { name: 'Comment', exact: true }).click();
    const form = panel(nadia).getByRole('form', { name: 'New comment' });
    const box = form.getByRole('textbox', { name: 'Comment' });
    await box.pressSequentially('Pouvez-vous nommer les ateliers ? @Jul');
    await form.getByRole('option', { name: 'Julien Moreau' }).click();
    await box.pressSequentially('merci');
    await form.getByRole('button', { name: 'Comment', exact: true }).click();
    await threadOn(nadia, 'trois ateliers').waitFor();

    // Julien sees it without reloading: in the panel, with the mention, and highlighted in the text.
    const onJulien = threadOn(julien, 'trois ateliers');
    await onJulien.waitFor();
    await onJulien.locator('.mention-chip', { hasText: '@Julien Moreau' }).waitFor();
    await onJulien.getByText('Nadia Benali').waitFor();
    await editorText(julien).locator('.comment-highlight', { hasText: 'trois ateliers' }).waitFor();

    // Nadia proposes a wording for another passage (Ctrl+Alt+M this time).
    await selectWords(nadia, 'services municipaux');
    await nadia.keyboard.press('Control+Alt+KeyM');
    const proposal = panel(nadia).getByRole('form', { name: /^New (comment|suggestion)$/ });
    await proposal.getByRole('checkbox', { name: 'Suggest wording' }).check();
    const wording = proposal.getByRole('textbox', { name: 'Proposed wording' });
    await wording.fill('services de la Ville et de la Métropole');
    await proposal.getByRole('button', { name: 'Suggest', exact: true }).click();
    await threadOn(nadia, 'services municipaux').waitFor();
    // Nadia may propose, not decide.
    expect(await threadOn(nadia, 'services municipaux').getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // Julien sees the old words struck through and the proposed ones after them.
    await editorText(julien).locator('.comment-suggestion-old', { hasText: 'services municipaux' }).waitFor();
    await editorText(julien)
      .locator('.comment-suggestion-new', { hasText: 'services de la Ville et de la Métropole' })
      .waitFor();
    const suggestionCard = threadOn(julien, 'services municipaux');
    await suggestionCard.getByText('Nadia Benali suggests').waitFor();
    expect(await julien.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loadsBefore);

    await editorText(julien).locator('.comment-suggestion').scrollIntoViewIfNeeded();
    await documentScreenshot(julien, 'comments-en');
    await chooseLanguage(julien, 'ar');
    await panel(julien).getByRole('button', { name: 'قبول', exact: true }).waitFor();
    await documentScreenshot(julien, 'comments-ar');
    await chooseLanguage(julien, 'en');

    // Julien accepts: the wording replaces the passage in both editors, as an ordinary edit.
    await suggestionCard.getByRole('button', { name: 'Accept', exact: true }).click();
    const accepted = 'trois ateliers qui ont réuni services de la Ville et de la Métropole, associations';
    for (const page of [julien, nadia]) {
      await page.waitForFunction(
        (text) => {
          const root = document.querySelector('.editor-content');
          return !root?.querySelector('.comment-suggestion') && root?.textContent?.includes(text);
        },
        accepted,
        { timeout: 15_000 },
      );
      expect(await documentText(page)).not.toContain('services municipaux');
    }
    expect(await markdown(coordinator, paper.id)).toContain(accepted);

    // The suggestion's thread is resolved, its passage now the new wording; the comment stays open.
    await panel(julien)
      .getByRole('button', { name: /^Resolved/ })
      .click();
    const decided = threadOn(julien, 'services de la Ville et de la Métropole');
    await decided.getByText('Accepted by Julien Moreau').waitFor();
    expect(await decided.locator('del').innerText()).toBe('services municipaux');
    await panel(julien).getByRole('button', { name: /^Open/ }).click();
    await threadOn(julien, 'trois ateliers').waitFor();
    await screenshot(julien, 'comments-accepted');
  });
});
