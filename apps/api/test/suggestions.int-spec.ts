import { toProseMirrorJSON } from '@passerelle/content';
import * as Y from 'yjs';
import { DocumentStore } from '../src/collab/storage/document-store';
import { RawClient, storedDoc, waitFor } from './utils/collab-fixtures';
import { blocksText, editAround, liveText, openThreadOn, recordEvents, threadsApi } from './utils/comment-fixtures';
import { createDocumentsWorld, createDocumentWithText, DocumentsWorld } from './utils/document-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

const TEXT = ['Le comité propose un accueil digne des réfugiés.', 'La métropole coordonne les services sociaux.'];

describe('suggestions', () => {
  let t: TestApp;
  let w: DocumentsWorld;
  let api: ReturnType<typeof threadsApi>;

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createDocumentsWorld(t);
    api = threadsApi(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const lyonDoc = (paragraphs = TEXT, fields: { status?: 'adopted' | 'archived' } = {}) =>
    createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.lyon.id, ...fields }, paragraphs);
  const suggest = (documentId: string, needle: string, suggestion: string, occurrence = 0) =>
    openThreadOn(t, documentId, w.users.stakeholderLyon.token, needle, { suggestion, occurrence, body: 'Proposition' });
  const stored = async (documentId: string) => {
    await t.app.get(DocumentStore).flush();
    return blocksText(await storedDoc(t.db, documentId));
  };

  it('lets a stakeholder propose wording that every reader sees with the thread', async () => {
    const doc = await lyonDoc();
    const thread = await suggest(doc.id, 'accueil digne', 'accueil\r\ninconditionnel');
    expect(thread.suggestion).toEqual({
      text: 'accueil inconditionnel',
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
    });
    const seen = (await api.list(doc.id, w.users.observerLyon.token)).body;
    expect(seen[0]).toMatchObject({ quote: 'accueil digne', suggestion: { status: 'pending' } });
    // A suggestion may come without a comment.
    const bare = await api.open(doc.id, w.users.stakeholderLyon.token, {
      anchor: (thread as unknown as { anchor: object }).anchor,
      quote: 'accueil digne',
      suggestion: 'accueil',
    });
    expect(bare.status).toBe(201);
    expect(bare.body.comments).toEqual([]);
    const observer = await api.open(doc.id, w.users.observerLyon.token, {
      anchor: (thread as unknown as { anchor: object }).anchor,
      quote: 'accueil digne',
      suggestion: 'x',
    });
    expect(observer.status).toBe(403);
  });

  it('applies an accepted suggestion as an ordinary edit: live for open editors, stored, thread resolved', async () => {
    const doc = await lyonDoc();
    const thread = await suggest(doc.id, 'accueil digne', 'accueil inconditionnel');
    const { client } = await RawClient.join(t.url, w.users.editorLyon.token, doc.id);
    const events = recordEvents(t, ['suggestion.accepted', 'thread.resolved']);
    try {
      await waitFor('the editor to hold the document', () => blocksText(client.doc).includes('accueil digne'));
      const res = await api.accept(thread.id, w.users.editorLyon.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        resolved: true,
        resolvedBy: { id: w.users.editorLyon.id },
        suggestion: { text: 'accueil inconditionnel', status: 'accepted', decidedBy: { id: w.users.editorLyon.id } },
        quote: 'accueil digne',
        currentQuote: 'accueil inconditionnel',
        detached: false,
      });
      const expected = 'Le comité propose un accueil inconditionnel des réfugiés.';
      expect((await liveText(t, doc.id)).split('\n')[0]).toBe(expected);
      expect((await stored(doc.id)).split('\n')[0]).toBe(expected);
      await waitFor('the open editor to receive it', () => blocksText(client.doc).startsWith(expected));
      const markdown = await t
        .http()
        .get(`/api/documents/${doc.id}/content?format=markdown`)
        .set({
          Authorization: `Bearer ${w.users.observerLyon.token}`,
        });
      expect(markdown.text).toContain('accueil inconditionnel');
      expect(events.seen['suggestion.accepted']).toEqual([
        {
          documentId: doc.id,
          cityId: w.lyon.id,
          threadId: thread.id,
          userId: w.users.editorLyon.id,
          suggestedBy: w.users.stakeholderLyon.id,
        },
      ]);
      expect(events.seen['thread.resolved']).toEqual([]);
      expect((await api.accept(thread.id, w.users.editorLyon.token)).status).toBe(409);
      expect((await api.reject(thread.id, w.users.editorLyon.token)).status).toBe(409);
    } finally {
      events.stop();
      client.close();
    }
  });

  it('keeps the formatting of the passage’s first character', async () => {
    const doc = await createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.lyon.id });
    await t.app.get(DocumentStore).change(doc.id, null, (live) => {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, 'Un accueil ');
      text.insert(11, 'digne', { bold: {} });
      text.insert(16, ' pour tous.', {});
      paragraph.insert(0, [text]);
      live.getXmlFragment('default').insert(0, [paragraph]);
    });
    const thread = await suggest(doc.id, 'digne pour', 'respectueux envers');
    expect((await api.accept(thread.id, w.users.editorLyon.token)).status).toBe(200);
    expect(toProseMirrorJSON(await t.app.get(DocumentStore).get(doc.id)).content[0].content).toEqual([
      { type: 'text', text: 'Un accueil ' },
      { type: 'text', text: 'respectueux envers', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' tous.' },
    ]);
  });

  it('rejects a suggestion without touching the text, and resolves the thread', async () => {
    const doc = await lyonDoc();
    const thread = await suggest(doc.id, 'services sociaux', 'services');
    const events = recordEvents(t, ['suggestion.rejected']);
    try {
      const res = await api.reject(thread.id, w.users.editorLyon.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        resolved: true,
        currentQuote: 'services sociaux',
        suggestion: { status: 'rejected', decidedBy: { id: w.users.editorLyon.id } },
      });
      expect(await liveText(t, doc.id)).toBe(TEXT.join('\n'));
      expect(events.seen['suggestion.rejected']).toHaveLength(1);
      expect((await api.accept(thread.id, w.users.editorLyon.token)).status).toBe(409);
    } finally {
      events.stop();
    }
  });

  it('is decided by editors only: stakeholders, coordinators and observers 403, outsiders 404', async () => {
    const doc = await lyonDoc();
    const thread = await suggest(doc.id, 'digne', 'humain');
    for (const who of ['stakeholderLyon', 'coordinator', 'observerLyon', 'editorTangier', 'outsider'] as const) {
      const status = who === 'editorTangier' || who === 'outsider' ? 404 : 403;
      const token = w.users[who].token;
      expect([who, 'accept', (await api.accept(thread.id, token)).status]).toEqual([who, 'accept', status]);
      expect([who, 'reject', (await api.reject(thread.id, token)).status]).toEqual([who, 'reject', status]);
      expect([who, 'accept-all', (await api.acceptAll(doc.id, token)).status]).toEqual([who, 'accept-all', status]);
      expect([who, 'reject-all', (await api.rejectAll(doc.id, token)).status]).toEqual([who, 'reject-all', status]);
    }
    expect(await liveText(t, doc.id)).toBe(TEXT.join('\n'));
    expect((await api.get(thread.id, w.users.editorLyon.token)).body.suggestion.status).toBe('pending');
  });

  it('refuses a thread without suggestion (404), a frozen document (409) and a deleted passage (409)', async () => {
    const doc = await lyonDoc();
    const plain = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'comité');
    expect((await api.accept(plain.id, w.users.editorLyon.token)).status).toBe(404);

    const gone = await suggest(doc.id, 'digne', 'humain');
    await editAround(t, doc.id, 'accueil digne', (text, i) => text.delete(i, 'accueil digne'.length));
    const refused = await api.accept(gone.id, w.users.editorLyon.token);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('passage was deleted');
    expect((await api.get(gone.id, w.users.editorLyon.token)).body).toMatchObject({
      resolved: false,
      suggestion: { status: 'pending' },
    });
    expect((await api.reject(gone.id, w.users.editorLyon.token)).status).toBe(200);

    for (const status of ['adopted', 'archived'] as const) {
      const frozen = await lyonDoc(TEXT, { status });
      const thread = await suggest(frozen.id, 'digne', 'humain');
      expect([status, (await api.accept(thread.id, w.users.editorLyon.token)).status]).toEqual([status, 409]);
      expect([status, (await api.reject(thread.id, w.users.editorLyon.token)).status]).toEqual([status, 409]);
      expect([status, (await api.acceptAll(frozen.id, w.users.editorLyon.token)).status]).toEqual([status, 409]);
      expect((await api.acceptAll(frozen.id, w.users.stakeholderLyon.token)).status).toBe(403);
      expect(await liveText(t, frozen.id)).toBe(TEXT.join('\n'));
    }
  });

  it('accepts every pending suggestion from the end backwards, leaving detached, changed and overlapping ones', async () => {
    const doc = await lyonDoc(['Un deux trois quatre.', 'Cinq six sept.', 'Huit neuf dix.']);
    const first = await suggest(doc.id, 'deux', '2');
    const second = await suggest(doc.id, 'six sept', '6-7');
    const overlapping = await suggest(doc.id, 'sept', 'VII');
    const third = await suggest(doc.id, 'neuf dix', '9 et 10');
    const detached = await suggest(doc.id, 'quatre', '4');
    const decidedAlready = await suggest(doc.id, 'Huit', '8');
    await api.reject(decidedAlready.id, w.users.editorLyon.token);
    await editAround(t, doc.id, ' quatre', (text, i) => text.delete(i, ' quatre'.length));

    const res = await api.acceptAll(doc.id, w.users.editorLyon.token);
    expect(res.status).toBe(200);
    // The overlapping one starts later than "six sept", so it is applied first and "six sept" is left.
    expect(res.body.decided).toEqual([third.id, overlapping.id, first.id]);
    expect(res.body.skipped).toEqual(
      expect.arrayContaining([
        { threadId: detached.id, reason: 'detached' },
        { threadId: second.id, reason: 'overlaps' },
      ]),
    );
    expect(res.body.skipped).toHaveLength(2);
    expect(await liveText(t, doc.id)).toBe('Un 2 trois.\nCinq six VII.\nHuit 9 et 10.');
    expect(await stored(doc.id)).toBe('Un 2 trois.\nCinq six VII.\nHuit 9 et 10.');
    const threads = new Map(
      (
        (await api.list(doc.id, w.users.editorLyon.token)).body as Array<{ id: string; suggestion: { status: string } }>
      ).map((th) => [th.id, th.suggestion.status]),
    );
    expect(
      Object.fromEntries(
        [first, second, overlapping, third, detached, decidedAlready].map((th) => [th.id, threads.get(th.id)]),
      ),
    ).toEqual({
      [first.id]: 'accepted',
      [second.id]: 'pending',
      [overlapping.id]: 'accepted',
      [third.id]: 'accepted',
      [detached.id]: 'pending',
      [decidedAlready.id]: 'rejected',
    });
    expect((await api.acceptAll(doc.id, w.users.editorLyon.token)).body).toEqual({
      decided: [],
      skipped: expect.arrayContaining([
        { threadId: detached.id, reason: 'detached' },
        { threadId: second.id, reason: 'changed' },
      ]),
    });
    // One by one, an editor may still apply it to what its passage is now.
    const one = await api.accept(second.id, w.users.editorLyon.token);
    expect(one.body).toMatchObject({ currentQuote: '6-7', suggestion: { status: 'accepted' } });
  });

  it('rejects every pending suggestion at once', async () => {
    const doc = await lyonDoc();
    const a = await suggest(doc.id, 'comité', 'conseil');
    const b = await suggest(doc.id, 'métropole', 'ville');
    const res = await api.rejectAll(doc.id, w.users.editorLyon.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ decided: [a.id, b.id], skipped: [] });
    expect(await liveText(t, doc.id)).toBe(TEXT.join('\n'));
    expect((await api.rejectAll(doc.id, w.users.editorLyon.token)).body).toEqual({ decided: [], skipped: [] });
  });

  it('can propose deleting a passage', async () => {
    const doc = await lyonDoc();
    const thread = await suggest(doc.id, ' des réfugiés', '');
    const res = await api.accept(thread.id, w.users.editorLyon.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ detached: true, suggestion: { status: 'accepted', text: '' } });
    expect((await liveText(t, doc.id)).split('\n')[0]).toBe('Le comité propose un accueil digne.');
  });
});
