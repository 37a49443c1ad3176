import * as Y from 'yjs';
import { DocumentStore } from '../src/collab/storage/document-store';
import { editAround, openThreadOn, rangeOf, threadsApi } from './utils/comment-fixtures';
import {
  appendParagraphs,
  createDocumentsWorld,
  createDocumentWithText,
  DocumentsWorld,
} from './utils/document-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

interface ThreadBody {
  id: string;
  quote: string;
  currentQuote: string | null;
  detached: boolean;
  range: { from: number; to: number } | null;
  comments: Array<{ body: string }>;
}

describe('comment anchors', () => {
  let t: TestApp;
  let w: DocumentsWorld;
  let api: ReturnType<typeof threadsApi>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createDocumentsWorld(t);
    api = threadsApi(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const lyonDoc = (paragraphs: string[]) =>
    createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.lyon.id }, paragraphs);
  const thread = async (id: string): Promise<ThreadBody> =>
    (await api.get(id, w.users.observerLyon.token)).body as ThreadBody;

  it('stay on the same words through edits before, inside and after the passage', async () => {
    const doc = await lyonDoc(['Le comité propose un accueil digne des réfugiés dans la métropole.']);
    const opened = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'accueil digne');
    const range = async () => {
      const { from, to } = await rangeOf(t, doc.id, (await thread(opened.id)).currentQuote!);
      return { from, to };
    };
    expect((await thread(opened.id)).range).toEqual(await range());

    // Before: in the same paragraph, and a whole new paragraph above it.
    await editAround(t, doc.id, 'Le comité', (text, i) => text.insert(i, 'Depuis 2024, '), w.users.editorLyon.id);
    await t.app.get(DocumentStore).change(doc.id, w.users.editorLyon.id, (live) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Introduction.')]);
      live.getXmlFragment('default').insert(0, [paragraph]);
    });
    let now = await thread(opened.id);
    expect(now.currentQuote).toBe('accueil digne');
    expect(now.range).toEqual(await range());

    // Inside: the passage grows with the words typed into it.
    await editAround(t, doc.id, 'digne', (text, i) => text.insert(i, 'vraiment '), w.users.editorLyon.id);
    now = await thread(opened.id);
    expect(now.currentQuote).toBe('accueil vraiment digne');
    expect(now.range).toEqual(await range());

    // At its edges: text typed right before or right after it stays outside.
    await editAround(t, doc.id, 'accueil vraiment', (text, i) => text.insert(i, 'un '));
    await editAround(t, doc.id, 'vraiment digne', (text, i) => text.insert(i + 'vraiment digne'.length, ' et sûr'));
    now = await thread(opened.id);
    expect(now.currentQuote).toBe('accueil vraiment digne');
    expect(now.range).toEqual(await range());

    // After: nothing changes for the passage.
    await editAround(t, doc.id, 'métropole', (text, i) => text.insert(i + 'métropole'.length, ' de Lyon'));
    await appendParagraphs(t, doc.id, ['Conclusion.']);
    now = await thread(opened.id);
    expect(now).toMatchObject({ quote: 'accueil digne', currentQuote: 'accueil vraiment digne', detached: false });
    expect(now.range).toEqual(await range());

    // A part of it deleted: what is left is the passage.
    await editAround(t, doc.id, 'vraiment ', (text, i) => text.delete(i, 'vraiment '.length));
    await editAround(t, doc.id, 'accueil', (text, i) => text.delete(i, 'accueil '.length));
    expect((await thread(opened.id)).currentQuote).toBe('digne');
  });

  it('keep their places when the document leaves memory and is loaded again', async () => {
    const doc = await lyonDoc(['Premier paragraphe.', 'Deuxième paragraphe sur le logement.']);
    const opened = await openThreadOn(t, doc.id, w.users.editorLyon.token, 'logement');
    const gone = await openThreadOn(t, doc.id, w.users.editorLyon.token, 'Premier');
    await editAround(t, doc.id, 'Deuxième', (text, i) => text.insert(i, 'Le '));
    await editAround(t, doc.id, 'Premier', (text, i) => text.delete(i, 'Premier'.length));
    const before = await thread(opened.id);
    const store = t.app.get(DocumentStore);
    await store.flush();
    expect(store.evict(doc.id)).toBe(true);
    expect(store.isLoaded(doc.id)).toBe(false);
    expect(await thread(opened.id)).toEqual(before);
    expect(before.currentQuote).toBe('logement');
    expect(await thread(gone.id)).toMatchObject({ detached: true, quote: 'Premier' });
  });

  it('detach a thread whose text was deleted; it stays readable with its original quote', async () => {
    const doc = await lyonDoc(['Les priorités sont claires.', 'Un paragraphe entier à supprimer.', 'Fin.']);
    const words = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'priorités', { body: 'Lesquelles ?' });
    const whole = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'entier');
    const untouched = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'Fin');

    await editAround(t, doc.id, 'priorités ', (text, i) => text.delete(i, 'priorités '.length), w.users.editorLyon.id);
    await t.app
      .get(DocumentStore)
      .change(doc.id, w.users.editorLyon.id, (live) => live.getXmlFragment('default').delete(1, 1));

    const listed = (await api.list(doc.id, w.users.observerLyon.token)).body as ThreadBody[];
    expect(listed.map((th) => th.id)).toEqual([untouched.id, words.id, whole.id]);
    const byId = new Map(listed.map((th) => [th.id, th]));
    expect(byId.get(words.id)).toMatchObject({
      quote: 'priorités',
      currentQuote: null,
      detached: true,
      range: null,
      comments: [expect.objectContaining({ body: 'Lesquelles ?' })],
    });
    expect(byId.get(whole.id)).toMatchObject({ quote: 'entier', detached: true, currentQuote: null });
    expect(byId.get(untouched.id)).toMatchObject({ detached: false, currentQuote: 'Fin' });

    // A detached thread can still be answered and resolved.
    expect((await api.reply(words.id, w.users.editorLyon.token, 'Supprimé exprès.')).status).toBe(201);
    expect((await api.resolve(words.id, w.users.editorLyon.token, true)).body).toMatchObject({
      resolved: true,
      detached: true,
    });
  });

  it('detach a passage over two blocks once the text of both is gone', async () => {
    const doc = await lyonDoc(['Alpha bêta', 'gamma delta']);
    const anchor = {
      start: (await openThreadOn(t, doc.id, w.users.editorLyon.token, 'bêta')).anchor as { start: string },
      end: (await openThreadOn(t, doc.id, w.users.editorLyon.token, 'gamma')).anchor as { end: string },
    };
    const res = await api.open(doc.id, w.users.editorLyon.token, {
      anchor: { start: anchor.start.start, end: anchor.end.end },
      quote: 'bêta\ngamma',
      body: 'Sur deux paragraphes',
    });
    expect(res.status).toBe(201);
    expect(res.body.currentQuote).toBe('bêta\ngamma');
    await editAround(t, doc.id, 'bêta', (text, i) => text.delete(i, 'bêta'.length));
    await editAround(t, doc.id, 'gamma', (text, i) => text.delete(i, 'gamma'.length));
    expect(await thread(res.body.id)).toMatchObject({ detached: true, currentQuote: null, quote: 'bêta\ngamma' });
  });
});
