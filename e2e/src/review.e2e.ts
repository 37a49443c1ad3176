import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { call, cityDocument, login, type Doc, type Session } from './support/api';
import { launch, newContext, screenshot, signIn } from './support/browser';
import {
  chooseLanguage,
  documentScreenshot,
  editorText,
  openDocument,
  typeAtEnd,
  waitForStatus,
} from './support/editor';

/**
 * Lyon's priority paper goes from draft to adopted and published entirely in the interface: the
 * Lyon editor submits it, the Lyon stakeholder approves with a note, the coordinator adopts it (the
 * editor's open page turns read-only) and publishes it, and only then can a Tangier editor open it.
 */
describe('the review-to-adoption path in the interface', () => {
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

  const reviewPanel = (page: Page): Locator => page.getByRole('region', { name: 'Review and adoption' });
  const historyPanel = (page: Page): Locator => page.locator('.history-panel');
  const status = (page: Page): Locator => page.locator('.page-header .badge-status');

  beforeAll(async () => {
    browser = await launch();
    coordinator = await login('coordinator@passerelle.test');
    paper = await cityDocument(coordinator, 'lyon', 'priority_paper');
    // Other tests co-edit this paper: it must start as an editable, unpublished draft.
    expect({ status: paper.status, published: paper.published }).toEqual({ status: 'draft', published: false });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    // Give the paper back as a draft (a new revision), as the other browser tests expect it.
    const now = await call<Doc>(coordinator, 'GET', `/documents/${paper.id}`);
    if (now.body.status === 'adopted') await call(coordinator, 'POST', `/documents/${paper.id}/revise`);
    else if (now.body.status === 'archived') await call(coordinator, 'POST', `/documents/${paper.id}/unarchive`);
    await browser?.close();
  });

  it('takes the Lyon priority paper from draft to adopted and published', async () => {
    // Before: a Tangier editor cannot open Lyon's draft (it "does not exist" for them).
    const youssef = await person('editor.tangier@passerelle.test');
    await youssef.goto(`/documents/${paper.id}`);
    await youssef.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect((await call(await login('editor.tangier@passerelle.test'), 'GET', `/documents/${paper.id}`)).status).toBe(
      404,
    );

    // The editor saves a version, writes one more sentence, and submits the paper for review.
    const julien = await person('editor.lyon@passerelle.test');
    await openDocument(julien, paper.id);
    await historyPanel(julien).getByLabel('Name of the new version').fill('Avant la concertation');
    await historyPanel(julien).getByRole('button', { name: 'Save a version' }).click();
    await historyPanel(julien).getByText('Version “Avant la concertation” saved.').waitFor();
    const added = `La Métropole ouvrira deux permanences d’accès aux droits supplémentaires (${Date.now()}).`;
    await typeAtEnd(julien, added);
    await waitForStatus(julien, 'saved');
    await reviewPanel(julien).getByRole('button', { name: 'Submit for review' }).click();
    await reviewPanel(julien).getByText('Submitted for review. The stakeholders have been notified.').waitFor();
    await status(julien).getByText('In review').waitFor();
    await reviewPanel(julien).getByText('Nadia Benali').waitFor(); // pending
    // The editor cannot approve their own paper.
    expect(await reviewPanel(julien).getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // The stakeholder is notified, opens the paper from the bell and approves it with a note.
    const nadia = await person('stakeholder.lyon@passerelle.test');
    await nadia.locator('[data-testid="unread-count"]').waitFor();
    await nadia.getByRole('button', { name: /^Notifications/ }).click();
    await nadia
      .locator('.notification-panel')
      .getByRole('link', { name: /Julien Moreau asks for your review of/ })
      .click();
    await nadia.waitForURL(`**/documents/${paper.id}`);
    await editorText(nadia).getByText(added).waitFor();
    // A stakeholder reviews; moving the status is not theirs.
    expect(await reviewPanel(nadia).getByRole('button', { name: 'Adopt' }).count()).toBe(0);
    const note = 'Les priorités reprennent bien la concertation de mars ; nous approuvons.';
    await reviewPanel(nadia).getByLabel('Note').fill(note);
    await reviewPanel(nadia).getByRole('button', { name: 'Approve' }).click();
    await reviewPanel(nadia).getByText('Your approval has been recorded.').waitFor();
    await reviewPanel(nadia).getByText('Nadia Benali (you)').waitFor();

    // The editor hears of it live, on the page they still have open.
    await julien.locator('[data-testid="unread-count"]').waitFor();

    // The coordinator sees who approved and why, and adopts after confirming.
    const claire = await person('coordinator@passerelle.test');
    await openDocument(claire, paper.id, 'upToDate');
    await reviewPanel(claire).getByText(note).waitFor();
    await reviewPanel(claire).getByRole('button', { name: 'Adopt' }).click();
    const dialog = claire.getByRole('alertdialog', { name: 'Adopt this document?' });
    await dialog.getByRole('button', { name: 'Adopt' }).click();
    await reviewPanel(claire).getByText('Adopted. A final version has been saved.').waitFor();
    await status(claire).getByText('Adopted').waitFor();

    // The editor's open page turns read-only: the text no longer changes.
    await julien.locator('.collab-readonly').getByText('Read only').waitFor({ timeout: 30_000 });
    await status(julien).getByText('Adopted').waitFor();
    expect(await editorText(julien).getAttribute('contenteditable')).toBe('false');
    await reviewPanel(julien).getByRole('button', { name: 'Start a new revision' }).waitFor();

    // Publishing makes it readable by every programme member.
    await reviewPanel(claire).getByRole('button', { name: 'Publish to the programme' }).click();
    await reviewPanel(claire).getByText('Published: every city of the programme can now read it.').waitFor();
    await claire.locator('.page-header .badge-published').waitFor();
    await documentScreenshot(claire, 'review-en');
    await screenshot(claire, 'review-en-full');

    // The history holds the saved, submitted and adopted versions; the comparison shows the new sentence.
    await chooseLanguage(claire, 'fr');
    const history = historyPanel(claire);
    await history.getByText('Adopté (tour 1)', { exact: true }).waitFor();
    await history.getByText('Soumis à l’examen (tour 1)', { exact: true }).waitFor();
    await history.getByRole('checkbox', { name: 'Cocher Avant la concertation pour la comparer' }).check();
    await history.getByRole('checkbox', { name: 'Cocher Soumis à l’examen (tour 1) pour la comparer' }).check();
    await history.getByRole('button', { name: 'Comparer les deux versions cochées' }).click();
    await history.locator('.diff ins', { hasText: 'permanences d’accès aux droits supplémentaires' }).waitFor();
    await history.locator('.version-pane').scrollIntoViewIfNeeded();
    await documentScreenshot(claire, 'history-fr');

    // The editor's notifications, in Arabic: the request answered, the paper adopted.
    await chooseLanguage(julien, 'ar');
    await julien.getByRole('button', { name: /^الإشعارات/ }).click();
    await julien
      .locator('.notification-panel')
      .getByText(/اعتمد Claire Dubois/)
      .waitFor();
    await julien
      .locator('.notification-panel')
      .getByText(/وافق Nadia Benali على/)
      .waitFor();
    await documentScreenshot(julien, 'notifications-ar');

    // After: the Tangier editor can open the published paper, read-only.
    await youssef.goto(`/documents/${paper.id}`);
    await youssef.locator('.page-header h1', { hasText: paper.title }).waitFor();
    await editorText(youssef).getByText(added).waitFor();
    expect(await editorText(youssef).getAttribute('contenteditable')).toBe('false');
    expect(await reviewPanel(youssef).getByRole('button').count()).toBe(0);
  });
});
