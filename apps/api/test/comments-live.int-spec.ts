import { EventEmitter2 } from '@nestjs/event-emitter';
import { LiveEvent, type ThreadChangedPayload } from '@passerelle/domain';
import type { Socket } from 'socket.io-client';
import { LiveGateway } from '../src/modules/live/live.gateway';
import { RawClient, sleep, waitFor } from './utils/collab-fixtures';
import { connectLive, emitWithAck, openThreadOn, textHolding, threadsApi } from './utils/comment-fixtures';
import { bearer, createDocumentsWorld, createDocumentWithText, DocumentsWorld } from './utils/document-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

/** Everything a live socket receives, by event name. */
function inbox(socket: Socket) {
  const received: Array<{ event: string; payload: Record<string, unknown> }> = [];
  socket.onAny((event: string, payload: Record<string, unknown>) => received.push({ event, payload }));
  return {
    received,
    of: (event: string) => received.filter((r) => r.event === event).map((r) => r.payload),
  };
}

describe('the live socket and comments', () => {
  let t: TestApp;
  let w: DocumentsWorld;
  let api: ReturnType<typeof threadsApi>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createDocumentsWorld(t);
    api = threadsApi(t);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await t.close();
  });

  const lyonDoc = () =>
    createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.lyon.id }, ['Un accueil digne des réfugiés.']);
  const live = async (token: string) => {
    const socket = await connectLive(t.url, token);
    sockets.push(socket);
    return { socket, ...inbox(socket) };
  };

  it('refuses a connection without a valid token', async () => {
    await expect(connectLive(t.url, undefined)).rejects.toThrow('unauthorized');
    await expect(connectLive(t.url, 'not-a-token')).rejects.toThrow('unauthorized');
  });

  it('delivers thread:changed to subscribed clients on every thread and comment change', async () => {
    const doc = await lyonDoc();
    const editor = await live(w.users.editorLyon.token);
    const observer = await live(w.users.observerLyon.token);
    const unsubscribed = await live(w.users.stakeholderLyon.token);
    expect(await emitWithAck(editor.socket, LiveEvent.subscribe, { documentId: doc.id })).toEqual({ ok: true });
    expect(await emitWithAck(observer.socket, LiveEvent.subscribe, { documentId: doc.id })).toEqual({ ok: true });

    const thread = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'digne');
    const expected: ThreadChangedPayload = { documentId: doc.id, threadId: thread.id };
    await waitFor(
      'both to hear of the new thread',
      () => editor.of(LiveEvent.threadChanged).length === 1 && observer.of(LiveEvent.threadChanged).length === 1,
    );
    expect(editor.of(LiveEvent.threadChanged)).toEqual([expected]);

    const reply = await api.reply(thread.id, w.users.editorLyon.token, 'Bien vu');
    await api.resolve(thread.id, w.users.editorLyon.token, true);
    await api.editComment(reply.body.id, w.users.editorLyon.token, 'Bien vu, corrigé');
    await api.deleteComment(reply.body.id, w.users.editorLyon.token);
    await waitFor('five changes', () => observer.of(LiveEvent.threadChanged).length === 5);
    expect(new Set(observer.of(LiveEvent.threadChanged).map((p) => JSON.stringify(p)))).toEqual(
      new Set([JSON.stringify(expected)]),
    );

    expect(await emitWithAck(observer.socket, LiveEvent.unsubscribe, { documentId: doc.id })).toEqual({ ok: true });
    await api.reply(thread.id, w.users.editorLyon.token, 'Encore');
    await waitFor('the editor to hear of it', () => editor.of(LiveEvent.threadChanged).length === 6);
    await sleep(100);
    expect(observer.of(LiveEvent.threadChanged)).toHaveLength(5);
    expect(unsubscribed.of(LiveEvent.threadChanged)).toEqual([]);
  });

  it('refuses to subscribe anyone who may not read the document', async () => {
    const doc = await lyonDoc();
    for (const who of ['outsider', 'editorTangier'] as const) {
      const client = await live(w.users[who].token);
      const ack = await emitWithAck(client.socket, LiveEvent.subscribe, { documentId: doc.id });
      expect(ack).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String) } });
      await openThreadOn(t, doc.id, w.users.editorLyon.token, 'digne');
      await sleep(100);
      expect(client.of(LiveEvent.threadChanged)).toEqual([]);
    }
    const client = await live(w.users.outsider.token);
    expect(await emitWithAck(client.socket, LiveEvent.subscribe, { documentId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await emitWithAck(client.socket, LiveEvent.subscribe, 'garbage')).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('ends the subscription of someone whose membership is removed', async () => {
    const doc = await lyonDoc();
    const stakeholder = await live(w.users.stakeholderLyon.token);
    expect(await emitWithAck(stakeholder.socket, LiveEvent.subscribe, { documentId: doc.id })).toEqual({ ok: true });
    const removed = await t
      .http()
      .delete(`/api/cities/${w.lyon.id}/members/${w.users.stakeholderLyon.id}`)
      .set(bearer(w.users.coordinator.token));
    expect(removed.status).toBeLessThan(300);
    try {
      await waitFor('the subscription to end', () => stakeholder.of(LiveEvent.unsubscribed).length === 1);
      expect(stakeholder.of(LiveEvent.unsubscribed)).toEqual([{ documentId: doc.id, reason: 'access' }]);
      await openThreadOn(t, doc.id, w.users.editorLyon.token, 'digne');
      await sleep(100);
      expect(stakeholder.of(LiveEvent.threadChanged)).toEqual([]);
    } finally {
      await t
        .http()
        .put(`/api/cities/${w.lyon.id}/members/${w.users.stakeholderLyon.id}`)
        .set(bearer(w.users.coordinator.token))
        .send({ role: 'stakeholder' });
    }
  });

  it('ends the subscriptions of other members when a document is no longer published', async () => {
    const doc = await createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.lyon.id, published: true }, [
      'Texte.',
    ]);
    const other = await live(w.users.editorTangier.token);
    const member = await live(w.users.observerLyon.token);
    expect(await emitWithAck(other.socket, LiveEvent.subscribe, { documentId: doc.id })).toEqual({ ok: true });
    expect(await emitWithAck(member.socket, LiveEvent.subscribe, { documentId: doc.id })).toEqual({ ok: true });
    await t.db.query(`UPDATE documents SET published = false WHERE id = $1`, [doc.id]);
    t.app.get(EventEmitter2).emit('document.status_changed', { documentId: doc.id });
    await waitFor('the other member to lose it', () => other.of(LiveEvent.unsubscribed).length === 1);
    await openThreadOn(t, doc.id, w.users.editorLyon.token, 'Texte');
    await waitFor('the city member to hear of the thread', () => member.of(LiveEvent.threadChanged).length === 1);
    expect(other.of(LiveEvent.threadChanged)).toEqual([]);
    expect(member.of(LiveEvent.unsubscribed)).toEqual([]);
  });

  it('reaches a person on all their connections, and only them', async () => {
    const gateway = t.app.get(LiveGateway);
    const first = await live(w.users.editorLyon.token);
    const second = await live(w.users.editorLyon.token);
    const other = await live(w.users.stakeholderLyon.token);
    gateway.toUser(w.users.editorLyon.id, LiveEvent.notification, { hello: 'world' });
    await waitFor(
      'both connections',
      () => first.of('notification').length === 1 && second.of('notification').length === 1,
    );
    await sleep(100);
    expect(other.of('notification')).toEqual([]);
    expect(first.of('notification')).toEqual([{ hello: 'world' }]);
  });

  it('keeps anchors on their words while an editor types through the collaboration socket', async () => {
    const doc = await lyonDoc();
    const thread = await openThreadOn(t, doc.id, w.users.stakeholderLyon.token, 'accueil digne');
    const { client, ack } = await RawClient.join(t.url, w.users.editorLyon.token, doc.id);
    try {
      expect(ack.ok).toBe(true);
      await waitFor('the editor to hold the document', () => {
        try {
          textHolding(client.doc, 'digne');
          return true;
        } catch {
          return false;
        }
      });
      const edited = await client.edit((local) => {
        const { text, index } = textHolding(local, 'accueil');
        text.insert(index, 'Depuis hier, ');
        const inside = textHolding(local, 'digne');
        inside.text.insert(inside.index, 'très ');
        const after = textHolding(local, 'réfugiés');
        after.text.insert(after.index + 'réfugiés'.length, ' et des migrants');
      });
      expect(edited.ok).toBe(true);
      const now = (await api.get(thread.id, w.users.observerLyon.token)).body;
      expect(now).toMatchObject({ quote: 'accueil digne', currentQuote: 'accueil très digne', detached: false });
      const deleted = await client.edit((local) => {
        const { text, index } = textHolding(local, 'accueil très digne');
        text.delete(index, 'accueil très digne'.length);
      });
      expect(deleted.ok).toBe(true);
      expect((await api.get(thread.id, w.users.observerLyon.token)).body).toMatchObject({
        detached: true,
        currentQuote: null,
      });
    } finally {
      client.close();
    }
  });
});
