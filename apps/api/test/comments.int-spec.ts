import { LIMITS, mentionToken } from '@passerelle/domain';
import * as Y from 'yjs';
import { anchorsOf, openThreadOn, recordEvents, threadsApi } from './utils/comment-fixtures';
import { createDocumentsWorld, createDocumentWithText, DocumentsWorld } from './utils/document-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

const PARAGRAPHS = ['Le comité propose un accueil digne des réfugiés.', 'La métropole coordonne les services.'];

describe('comment threads', () => {
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

  const lyonDoc = (fields: { published?: boolean } = {}) =>
    createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.lyon.id, ...fields }, PARAGRAPHS);
  const person = (key: keyof DocumentsWorld['users']) => ({ id: w.users[key].id, name: expect.any(String) });

  it('opens a thread on a passage and lists it with its quote, comment and author', async () => {
    const doc = await lyonDoc();
    const anchor = await anchorsOf(t, doc.id, 'accueil digne');
    const created = await api.open(doc.id, w.users.stakeholderLyon.token, {
      anchor,
      quote: 'accueil digne',
      body: '  Préciser ce que « digne » recouvre.  ',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      documentId: doc.id,
      anchor: { start: expect.any(String), end: expect.any(String) },
      quote: 'accueil digne',
      currentQuote: 'accueil digne',
      detached: false,
      resolved: false,
      resolvedAt: null,
      resolvedBy: null,
      createdBy: person('stakeholderLyon'),
      suggestion: null,
      comments: [
        {
          author: person('stakeholderLyon'),
          body: 'Préciser ce que « digne » recouvre.',
          mentions: [],
          editedAt: null,
          deleted: false,
        },
      ],
    });

    const listed = await api.list(doc.id, w.users.observerLyon.token);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toEqual(created.body);
    expect(Object.keys(listed.body[0]).sort()).toEqual(
      [
        'anchor',
        'comments',
        'createdAt',
        'createdBy',
        'currentQuote',
        'detached',
        'documentId',
        'id',
        'quote',
        'range',
        'resolved',
        'resolvedAt',
        'resolvedBy',
        'suggestion',
        'updatedAt',
      ].sort(),
    );
    expect((await api.get(created.body.id, w.users.editorLyon.token)).body).toEqual(created.body);
  });

  it('lists threads in the order of their passages', async () => {
    const doc = await lyonDoc();
    const later = await openThreadOn(t, doc.id, w.users.editorLyon.token, 'services');
    const earlier = await openThreadOn(t, doc.id, w.users.editorLyon.token, 'comité');
    const listed = await api.list(doc.id, w.users.editorLyon.token);
    expect(listed.body.map((th: { id: string }) => th.id)).toEqual([earlier.id, later.id]);
  });

  it('refuses anchors that do not point into the current text, naming anchor', async () => {
    const doc = await lyonDoc();
    const good = await anchorsOf(t, doc.id, 'accueil digne');
    const elsewhere = new Y.Doc();
    const foreign = elsewhere.getXmlFragment('default');
    foreign.insert(0, [new Y.XmlText('ailleurs')]);
    const foreignAnchor = Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(foreign.get(0) as Y.XmlText, 2)),
    ).toString('base64');
    const cases: Array<[string, object]> = [
      ['not base64', { ...good, start: '%%%' }],
      ['not a relative position', { ...good, end: Buffer.from([255, 255, 255]).toString('base64') }],
      ['another document', { ...good, start: foreignAnchor }],
      ['reversed', { start: good.end, end: good.start }],
      ['empty', { start: good.start, end: good.start }],
    ];
    for (const [what, anchor] of cases) {
      const res = await api.open(doc.id, w.users.editorLyon.token, { anchor, quote: 'x', body: 'y' });
      expect([what, res.status, res.body.fields]).toEqual([what, 400, ['anchor']]);
      expect(res.body.message).toContain('anchor');
    }
    const missing = await api.open(doc.id, w.users.editorLyon.token, { quote: 'x', body: 'y' });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toContain('anchor');
    expect((await api.list(doc.id, w.users.editorLyon.token)).body).toEqual([]);
  });

  it('validates the body: required, and at most the comment length', async () => {
    const doc = await lyonDoc();
    const anchor = await anchorsOf(t, doc.id, 'digne');
    const tooLong = 'x'.repeat(LIMITS.commentMaxLength + 1);
    for (const body of ['   ', undefined, tooLong]) {
      const res = await api.open(doc.id, w.users.editorLyon.token, { anchor, quote: 'digne', body });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['body']);
    }
    const exact = await api.open(doc.id, w.users.editorLyon.token, {
      anchor,
      quote: 'digne',
      body: 'x'.repeat(LIMITS.commentMaxLength),
    });
    expect(exact.status).toBe(201);
    expect((await api.reply(exact.body.id, w.users.editorLyon.token, '')).status).toBe(400);
  });

  it('lets editors, stakeholders and coordinators comment; observers 403; outsiders 404', async () => {
    const doc = await lyonDoc();
    const thread = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'digne');
    for (const who of ['editorLyon', 'stakeholderLyon', 'coordinator', 'admin'] as const) {
      expect([who, (await api.reply(thread.id, w.users[who].token, 'Oui')).status]).toEqual([who, 201]);
    }
    const observer = w.users.observerLyon.token;
    expect((await api.list(doc.id, observer)).status).toBe(200);
    expect(
      (await api.open(doc.id, observer, { anchor: await anchorsOf(t, doc.id, 'digne'), quote: 'q', body: 'b' })).status,
    ).toBe(403);
    expect((await api.reply(thread.id, observer, 'Non')).status).toBe(403);
    expect((await api.resolve(thread.id, observer, true)).status).toBe(403);

    for (const who of ['outsider', 'editorTangier'] as const) {
      const token = w.users[who].token;
      expect((await api.list(doc.id, token)).status).toBe(404);
      expect((await api.get(thread.id, token)).status).toBe(404);
      expect((await api.reply(thread.id, token, 'Non')).status).toBe(404);
      expect((await api.resolve(thread.id, token, true)).status).toBe(404);
      expect((await api.editComment(thread.comments[0].id, token, 'Non')).status).toBe(404);
      const res = await api.open(doc.id, token, { anchor: await anchorsOf(t, doc.id, 'digne'), quote: 'q', body: 'b' });
      expect(res.status).toBe(404);
    }
    expect((await api.get('not-a-uuid', w.users.editorLyon.token)).status).toBe(404);
  });

  it('lets other members read the threads of a published document but not comment', async () => {
    const doc = await lyonDoc({ published: true });
    const thread = await openThreadOn(t, doc.id, w.users.editorLyon.token, 'digne');
    const other = w.users.editorTangier.token;
    expect((await api.list(doc.id, other)).body.map((th: { id: string }) => th.id)).toEqual([thread.id]);
    expect((await api.reply(thread.id, other, 'Intéressant')).status).toBe(403);
    const res = await api.open(doc.id, other, { anchor: await anchorsOf(t, doc.id, 'digne'), quote: 'q', body: 'b' });
    expect(res.status).toBe(403);
  });

  it('replies, resolves and reopens (anyone who may comment), telling who took part', async () => {
    const doc = await lyonDoc();
    const events = recordEvents(t, ['thread.created', 'comment.created', 'thread.resolved', 'thread.reopened']);
    try {
      const thread = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'digne');
      const reply = await api.reply(thread.id, w.users.editorLyon.token, 'Proposition de formulation ?');
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ threadId: thread.id, author: person('editorLyon'), deleted: false });

      const resolved = await api.resolve(thread.id, w.users.coordinator.token, true);
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: person('coordinator') });
      expect(resolved.body.resolvedAt).toEqual(expect.any(String));
      expect(resolved.body.comments).toHaveLength(2);
      expect((await api.resolve(thread.id, w.users.editorLyon.token, true)).body.resolvedBy).toEqual(
        person('coordinator'),
      );
      const reopened = await api.resolve(thread.id, w.users.stakeholderLyon.token, false);
      expect(reopened.body).toMatchObject({ resolved: false, resolvedAt: null, resolvedBy: null });
      expect((await api.resolve(thread.id, w.users.stakeholderLyon.token, 'yes')).status).toBe(400);

      const base = { documentId: doc.id, cityId: w.lyon.id, threadId: thread.id };
      expect(events.seen['thread.created']).toEqual([
        { ...base, commentId: thread.comments[0].id, authorId: w.users.stakeholderLyon.id, suggestion: false },
      ]);
      expect(events.seen['comment.created']).toEqual([
        {
          ...base,
          commentId: reply.body.id,
          authorId: w.users.editorLyon.id,
          parentAuthorIds: [w.users.stakeholderLyon.id],
        },
      ]);
      expect(events.seen['thread.resolved']).toHaveLength(1);
      expect(events.seen['thread.resolved'][0]).toMatchObject({ ...base, userId: w.users.coordinator.id });
      expect((events.seen['thread.resolved'][0].participantIds as string[]).sort()).toEqual(
        [w.users.stakeholderLyon.id, w.users.editorLyon.id].sort(),
      );
      expect(events.seen['thread.reopened']).toEqual([
        { ...base, userId: w.users.stakeholderLyon.id, participantIds: [w.users.editorLyon.id] },
      ]);
    } finally {
      events.stop();
    }
  });

  it('lets people edit and delete only their own comments', async () => {
    const doc = await lyonDoc();
    const thread = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'digne', { body: 'Premier jet' });
    const commentId = thread.comments[0].id;
    const events = recordEvents(t, ['comment.updated', 'comment.deleted']);
    for (const who of ['editorLyon', 'coordinator', 'admin'] as const) {
      expect([who, (await api.editComment(commentId, w.users[who].token, 'Réécrit')).status]).toEqual([who, 403]);
      expect([who, (await api.deleteComment(commentId, w.users[who].token)).status]).toEqual([who, 403]);
    }
    const edited = await api.editComment(commentId, w.users.stakeholderLyon.token, 'Version corrigée');
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: commentId, body: 'Version corrigée', deleted: false });
    expect(edited.body.editedAt).toEqual(expect.any(String));

    expect((await api.deleteComment(commentId, w.users.stakeholderLyon.token)).status).toBe(204);
    expect((await api.deleteComment(commentId, w.users.stakeholderLyon.token)).status).toBe(204);
    const after = (await api.get(thread.id, w.users.observerLyon.token)).body;
    expect(after.comments).toEqual([expect.objectContaining({ id: commentId, deleted: true, body: '', mentions: [] })]);
    expect(after.quote).toBe('digne');
    expect((await api.editComment(commentId, w.users.stakeholderLyon.token, 'Retour')).status).toBe(409);
    expect(
      (await api.deleteComment('00000000-0000-4000-8000-000000000000', w.users.stakeholderLyon.token)).status,
    ).toBe(404);
    events.stop();
    const changed = {
      documentId: doc.id,
      cityId: w.lyon.id,
      threadId: thread.id,
      commentId,
      authorId: w.users.stakeholderLyon.id,
    };
    expect(events.seen).toEqual({ 'comment.updated': [changed], 'comment.deleted': [changed] });
  });

  describe('mentions', () => {
    const mention = (key: keyof DocumentsWorld['users']) => mentionToken({ id: w.users[key].id, name: key });

    it('notify exactly the mentioned people who can read the document', async () => {
      const doc = await lyonDoc();
      const events = recordEvents(t, ['comment.mentioned']);
      try {
        const body = `Avis de ${mention('stakeholderLyon')}, ${mention('observerLyon')}, ${mention('outsider')}, ${mention(
          'editorTangier',
        )} et moi ${mention('editorLyon')} ?`;
        const thread = await openThreadOn(t, doc.id, w.users.editorLyon.token, 'digne', { body });
        const comment = thread.comments[0] as unknown as { id: string; body: string; mentions: Array<{ id: string }> };
        expect(events.seen['comment.mentioned']).toEqual([
          {
            documentId: doc.id,
            cityId: w.lyon.id,
            threadId: thread.id,
            commentId: comment.id,
            userIds: [w.users.stakeholderLyon.id, w.users.observerLyon.id],
            authorId: w.users.editorLyon.id,
          },
        ]);
        expect(comment.mentions.map((m) => m.id)).toEqual([
          w.users.stakeholderLyon.id,
          w.users.observerLyon.id,
          w.users.editorLyon.id,
        ]);
        // Mentions of people who cannot read it are not stored: they are plain text now.
        expect(comment.body).toContain('@outsider,');
        expect(comment.body).toContain('@editorTangier et');
        expect(comment.body).not.toContain(w.users.outsider.id);
        expect(comment.body).toContain(mention('stakeholderLyon'));

        // An edit notifies only the people it newly mentions.
        const edited = await api.editComment(
          comment.id,
          w.users.editorLyon.token,
          `${body} Et ${mention('coordinator')}`,
        );
        expect(edited.status).toBe(200);
        expect(events.seen['comment.mentioned']).toHaveLength(2);
        expect(events.seen['comment.mentioned'][1]).toMatchObject({
          commentId: comment.id,
          userIds: [w.users.coordinator.id],
        });

        // A reply that mentions only the unreachable notifies nobody.
        await api.reply(thread.id, w.users.stakeholderLyon.token, `Voir ${mention('outsider')}`);
        expect(events.seen['comment.mentioned']).toHaveLength(2);
      } finally {
        events.stop();
      }
    });

    it('can be written for exactly the people who can read the document', async () => {
      const doc = await lyonDoc();
      const mentionable = (token: string, q = '') =>
        t
          .http()
          .get(`/api/documents/${doc.id}/mentionable`)
          .query(q ? { q } : {})
          .set({ Authorization: `Bearer ${token}` });
      const res = await mentionable(w.users.stakeholderLyon.token);
      expect(res.status).toBe(200);
      const ids = (res.body as Array<{ id: string; name: string }>).map((p) => p.id);
      for (const key of ['admin', 'coordinator', 'editorLyon', 'stakeholderLyon', 'observerLyon'] as const) {
        expect([key, ids.includes(w.users[key].id)]).toEqual([key, true]);
      }
      expect(ids).not.toContain(w.users.outsider.id);
      expect(ids).not.toContain(w.users.editorTangier.id);
      expect((await mentionable(w.users.editorLyon.token, 'julien')).body).toEqual([
        { id: w.users.editorLyon.id, name: 'Julien Editor' },
      ]);
      expect((await mentionable(w.users.editorLyon.token, '%')).body).toEqual([]);
      expect((await mentionable(w.users.observerLyon.token)).status).toBe(403);
      expect((await mentionable(w.users.outsider.token)).status).toBe(404);
      const published = await lyonDoc({ published: true });
      const everyone = await t
        .http()
        .get(`/api/documents/${published.id}/mentionable`)
        .set({ Authorization: `Bearer ${w.users.editorLyon.token}` });
      expect(everyone.body.map((p: { id: string }) => p.id)).toContain(w.users.outsider.id);
    });

    it('of other members count once the document is published', async () => {
      const doc = await lyonDoc({ published: true });
      const events = recordEvents(t, ['comment.mentioned']);
      try {
        await openThreadOn(t, doc.id, w.users.editorLyon.token, 'digne', {
          body: `${mention('editorTangier')} : à comparer`,
        });
        expect(events.seen['comment.mentioned'].map((e) => e.userIds)).toEqual([[w.users.editorTangier.id]]);
      } finally {
        events.stop();
      }
    });
  });
});
