import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cityDocument, invitePerson, login, markdown, type Doc } from './support/api';
import { launch, newContext, screenshot, signIn } from './support/browser';
import { editorStatus, editorText, openDocument, typeAtEnd, waitForStatus } from './support/editor';

/**
 * Two people co-write Lyon's priority paper in two browser contexts: Julien (the demo editor of Lyon)
 * and a second Lyon editor invited by the coordinator for this run.
 */
describe('co-writing a priority paper', () => {
  let browser: Browser;
  let paper: Doc;
  let second: { email: string; password: string; name: string };
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
    paper = await cityDocument(await login('editor.lyon@passerelle.test'), 'lyon', 'priority_paper');
    second = await invitePerson('lyon', 'editor', 'Léa Fontaine');
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows each editor the other's text, caret and name as they type", async () => {
    const julien = await person('editor.lyon@passerelle.test');
    const lea = await person(second.email, second.password);
    await openDocument(julien, paper.id);
    await openDocument(lea, paper.id);

    // Who is here: both names on both screens.
    await julien.locator('.presence-list').getByText('Léa Fontaine').waitFor();
    await julien.locator('.presence-list').getByText('Julien Moreau (you)').waitFor();
    await lea.locator('.presence-list').getByText('Julien Moreau', { exact: true }).waitFor();

    const fromJulien = `Julien adds a priority ${Date.now()}`;
    await typeAtEnd(julien, fromJulien);
    await editorText(lea).getByText(fromJulien).waitFor();
    // Julien's caret, with his name, in Léa's editor.
    await lea.locator('.collaboration-carets__label', { hasText: 'Julien Moreau' }).waitFor();

    const fromLea = `Léa answers ${Date.now()}`;
    await typeAtEnd(lea, fromLea);
    await editorText(julien).getByText(fromLea).waitFor();
    await julien.locator('.collaboration-carets__label', { hasText: 'Léa Fontaine' }).waitFor();

    // "All changes saved" means stored: the server renders both texts.
    await waitForStatus(julien, 'saved');
    await waitForStatus(lea, 'saved');
    const stored = await markdown(await login('editor.lyon@passerelle.test'), paper.id);
    expect(stored).toContain(fromJulien);
    expect(stored).toContain(fromLea);
    await screenshot(lea, 'two-editors');
  });

  it('lets an observer read but not type', async () => {
    const observer = await person('observer@passerelle.test');
    await openDocument(observer, paper.id, 'upToDate');
    await observer.getByText('Read only', { exact: true }).waitFor();
    expect(await observer.getByRole('toolbar').count()).toBe(0);
    const text = editorText(observer);
    expect(await text.getAttribute('contenteditable')).toBe('false');

    const before = await text.innerText();
    const storedBefore = await markdown(await login('editor.lyon@passerelle.test'), paper.id);
    await text.click();
    await observer.keyboard.type('the observer tries to write');
    await observer.keyboard.press('Enter');
    expect(await text.innerText()).toBe(before);
    expect(await editorStatus(observer).getAttribute('data-status')).toBe('upToDate');
    expect(await markdown(await login('editor.lyon@passerelle.test'), paper.id)).toBe(storedBefore);
  });
});
