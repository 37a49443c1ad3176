import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** The live editor's text area (ProseMirror's contenteditable). */
export const editorText = (page: Page): Locator => page.locator('.editor-content');

/** The status line of the live editor ("All changes saved", "Offline — 3 changes pending"…). */
export const editorStatus = (page: Page): Locator => page.locator('.collab-status');

/** The document's text as shown, without the others' caret labels drawn into it. */
export async function documentText(page: Page): Promise<string> {
  return editorText(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/** Opens a document and waits until the editor shows the server's text and is in sync. */
export async function openDocument(page: Page, id: string, status: 'saved' | 'upToDate' = 'saved'): Promise<void> {
  await page.goto(`/documents/${id}`);
  await editorText(page).waitFor();
  await page.locator(`.collab-status[data-status="${status}"]`).waitFor({ timeout: 30_000 });
}

/** Clicks at the end of the document's last top-level paragraph and types a new paragraph after it. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const paragraph = editorText(page).locator(':scope > p').last();
  await paragraph.click();
  await page.keyboard.press('End');
  // Another person's caret drawn inside the line (its position may lag a keystroke behind their
  // text) stops Chromium's End key in front of it: move on to the real end, as a person would.
  for (let i = 0; i < 40 && (await charactersAfterCaret(paragraph)) > 0; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 5 });
}

/** How many characters of `paragraph` follow the caret (the others' carets not counted). */
async function charactersAfterCaret(paragraph: Locator): Promise<number> {
  return paragraph.evaluate((element) => {
    const selection = window.getSelection();
    if (!selection?.focusNode || !element.contains(selection.focusNode)) return 0;
    const range = document.createRange();
    range.setStart(selection.focusNode, selection.focusOffset);
    range.setEnd(element, element.childNodes.length);
    const rest = range.cloneContents();
    rest.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return (rest.textContent ?? '').replace(/\u2060/g, '').length;
  });
}

export async function waitForStatus(page: Page, status: string, timeout = 30_000): Promise<void> {
  await page.locator(`.collab-status[data-status="${status}"]`).waitFor({ timeout });
}

/** Switches the interface language with the header's switch, as a person would. */
export async function chooseLanguage(page: Page, language: 'en' | 'fr' | 'ar'): Promise<void> {
  await page.locator('.language-switch select').selectOption(language);
  await page.waitForFunction((lng) => document.documentElement.lang === lng, language);
}

/**
 * Screenshots for the README, written to docs/screenshots when DOCS_SCREENSHOTS=1 (so that an ordinary
 * run does not rewrite committed images); always to e2e/artifacts otherwise.
 */
export async function documentScreenshot(page: Page, name: string): Promise<void> {
  const dir =
    process.env.DOCS_SCREENSHOTS === '1'
      ? join(__dirname, '..', '..', '..', 'docs', 'screenshots')
      : join(__dirname, '..', '..', 'artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
