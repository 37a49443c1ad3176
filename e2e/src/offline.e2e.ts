import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { cityDocument, invitePerson, login, markdown, type Doc } from './support/api';
import { launch, newContext, signIn } from './support/browser';
import { documentText, editorStatus, editorText, openDocument, typeAtEnd, waitForStatus } from './support/editor';

/** Editing without a connection: kept in the browser, shown as pending, merged when the connection returns. */
describe('working offline', () => {
  let browser: Browser;
  let paper: Doc;
  let second: { email: string; password: string };
  const contexts: BrowserContext[] = [];

  async function person(email: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, email, password);
    return { context, page };
  }

  beforeAll(async () => {
    browser = await launch();
    paper = await cityDocument(await login('editor.lyon@passerelle.test'), 'lyon', 'priority_paper');
    second = await invitePerson('lyon', 'editor', 'Marc Offline');
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps what is typed offline, says it is pending, and merges it with the other editor when back online', async () => {
    const julien = await person('editor.lyon@passerelle.test');
    const marc = await person(second.email, second.password);
    await openDocument(julien.page, paper.id);
    await openDocument(marc.page, paper.id);

    await julien.context.setOffline(true);
    await waitForStatus(julien.page, 'offline');
    const offlineText = `Written on the train ${Date.now()}`;
    await typeAtEnd(julien.page, offlineText);
    await editorStatus(julien.page)
      .getByText(/Offline — \d+ changes pending/)
      .waitFor();

    // Meanwhile Marc writes too; neither sees the other's text yet.
    const onlineText = `Written at the office ${Date.now()}`;
    await typeAtEnd(marc.page, onlineText);
    await waitForStatus(marc.page, 'saved');
    await marc.page.waitForTimeout(1000);
    expect(await editorText(marc.page).innerText()).not.toContain(offlineText);

    await julien.context.setOffline(false);
    await waitForStatus(julien.page, 'saved');
    await editorText(marc.page).getByText(offlineText).waitFor();
    await editorText(julien.page).getByText(onlineText).waitFor();
    // Both screens converge on the same text.
    expect(await documentText(julien.page)).toBe(await documentText(marc.page));
    expect(await markdown(await login('editor.lyon@passerelle.test'), paper.id)).toContain(offlineText);
  });

  it('keeps offline edits across a reload and sends them once the server can be reached', async () => {
    const julien = await person('editor.lyon@passerelle.test');
    const marc = await person(second.email, second.password);
    // The collaboration socket can be cut while the pages themselves still load.
    let blocked = false;
    const sockets: WebSocketRoute[] = [];
    await julien.context.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (blocked) {
        void ws.close({ code: 1011, reason: 'blocked by the test' });
        return;
      }
      sockets.push(ws);
      ws.connectToServer();
    });
    await openDocument(julien.page, paper.id);
    await openDocument(marc.page, paper.id);

    blocked = true;
    await julien.context.setOffline(true);
    await waitForStatus(julien.page, 'offline');
    const text = `Kept through a reload ${Date.now()}`;
    await typeAtEnd(julien.page, text);
    await editorStatus(julien.page)
      .getByText(/changes pending/)
      .waitFor();
    await julien.context.setOffline(false);

    await julien.page.reload();
    await editorText(julien.page).getByText(text).waitFor();
    await editorStatus(julien.page)
      .getByText(/Offline — \d+ changes pending/)
      .waitFor({ timeout: 30_000 });
    expect(await editorText(marc.page).innerText()).not.toContain(text);

    blocked = false;
    await waitForStatus(julien.page, 'saved', 60_000);
    await editorText(marc.page).getByText(text).waitFor();
    expect(await markdown(await login('editor.lyon@passerelle.test'), paper.id)).toContain(text);
  });
});
