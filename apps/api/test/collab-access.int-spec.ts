import { EventEmitter2 } from '@nestjs/event-emitter';
import { JwtService } from '@nestjs/jwt';
import { SocketIOProvider, syncStep1 } from '@passerelle/collab';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DocumentStore } from '../src/collab/storage/document-store';
import { createDocument, createUser } from './utils/factories';
import {
  CollabWorld,
  connectRaw,
  createCollabWorld,
  provider,
  RawClient,
  request,
  storedDoc,
  waitFor,
} from './utils/collab-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

describe('collaboration socket: authentication and access', () => {
  let t: TestApp;
  let w: CollabWorld;
  const tokens: Record<string, string> = {};
  const clients: Array<{ close(): void }> = [];
  const token = async (who: keyof CollabWorld['people']) => (tokens[who] ??= await t.login(w.people[who].email));
  const join = async (who: keyof CollabWorld['people'], documentId = w.documentId) => {
    const joined = await RawClient.join(t.url, await token(who), documentId);
    clients.push(joined.client);
    return joined;
  };

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createCollabWorld(t.db);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a handshake without a token or with a bad one (connect_error "unauthorized")', async () => {
    await expect(connectRaw(t.url, undefined)).rejects.toThrow('unauthorized');
    await expect(connectRaw(t.url, 'not-a-token')).rejects.toThrow('unauthorized');
    const inactive = await createUser(t.db, { active: false });
    const jwt = t.app.get(JwtService);
    await expect(connectRaw(t.url, jwt.sign({ sub: inactive.id, ver: 0 }))).rejects.toThrow('unauthorized');
  });

  it.each([
    ['editor', 'edit'],
    ['stakeholder', 'comment'],
    ['observer', 'view'],
    ['coordinator', 'comment'],
  ] as const)('grants the %s of the city %s access on join', async (who, access) => {
    const { ack } = await join(who);
    expect(ack).toEqual({ ok: true, access });
  });

  it('answers not_found to a member of another city, and for unknown or malformed ids', async () => {
    expect((await join('other')).ack).toEqual({ ok: false, error: { code: 'not_found', message: expect.any(String) } });
    const unknown = await join('editor', '00000000-0000-4000-8000-000000000000');
    expect(unknown.ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const malformed = await join('editor', 'not-a-uuid');
    expect(malformed.ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const socket = await connectRaw(t.url, await token('editor'));
    clients.push(socket);
    expect(await request(socket, 'doc:join', { nope: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('lets other members read a published document (view) and freezes adopted content', async () => {
    const published = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId, published: true });
    expect((await join('other', published.id)).ack).toEqual({ ok: true, access: 'view' });
    const adopted = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId, status: 'adopted' });
    expect((await join('editor', adopted.id)).ack).toEqual({ ok: true, access: 'comment' });
  });

  it.each(['observer', 'stakeholder', 'coordinator'] as const)(
    'refuses an update from the %s with forbidden and does not apply it',
    async (who) => {
      const { client: editor } = await join('editor');
      const { client: reader } = await join(who);
      const rowsBefore = await t.db.query(`SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1`, [
        w.documentId,
      ]);
      const ack = await reader.edit((doc) => doc.getMap('meta').set('intruder', who));
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // A later edit by the editor arrives at the reader; the refused one never reached the editor or storage.
      expect(await editor.edit((doc) => doc.getMap('meta').set('after', who))).toEqual({ ok: true });
      await waitFor('the editor change at the reader', () => reader.doc.getMap('meta').get('after') === who);
      expect(editor.doc.getMap('meta').get('intruder')).toBeUndefined();
      expect((await t.app.get(DocumentStore).get(w.documentId)).getMap('meta').get('intruder')).toBeUndefined();
      expect((await storedDoc(t.db, w.documentId)).getMap('meta').get('intruder')).toBeUndefined();
      const rowsAfter = await t.db.query(`SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1`, [
        w.documentId,
      ]);
      expect(rowsAfter[0].n).toBe(rowsBefore[0].n + 1);
    },
  );

  it('answers not_joined to sync and awareness before a join and after a leave', async () => {
    const socket = await connectRaw(t.url, await token('editor'));
    clients.push(socket);
    const message = syncStep1(new Y.Doc());
    const payload = { documentId: w.documentId, message };
    expect(await request(socket, 'doc:sync', payload)).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(await request(socket, 'doc:awareness', payload)).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(await request(socket, 'doc:join', { documentId: w.documentId })).toMatchObject({ ok: true });
    expect(await request(socket, 'doc:sync', payload)).toEqual({ ok: true });
    expect(await request(socket, 'doc:leave', { documentId: w.documentId })).toEqual({ ok: true });
    expect(await request(socket, 'doc:sync', payload)).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('shows presence to others and removes it when a client leaves or disconnects', async () => {
    const awarenessOf = (doc: Y.Doc, name: string) => {
      const awareness = new Awareness(doc);
      awareness.setLocalState({ user: { name } });
      return awareness;
    };
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const pa = new SocketIOProvider(t.url, w.documentId, docA, {
      token: await token('editor'),
      awareness: awarenessOf(docA, 'Ana'),
    });
    await pa.whenSynced();
    const pb = new SocketIOProvider(t.url, w.documentId, docB, {
      token: await token('editor2'),
      awareness: awarenessOf(docB, 'Bo'),
    });
    const c = provider(t.url, await token('observer'), w.documentId);
    clients.push({
      close: () => {
        [pa, pb, c].forEach((p) => p.destroy());
        [pa, pb].forEach((p) => p.awareness.destroy());
      },
    });
    const names = (aw: Awareness) =>
      [...aw.getStates().values()]
        .map((s) => (s as { user?: { name: string } }).user?.name)
        .filter(Boolean)
        .sort();
    // The joiner gets who is already there; those there see the joiner.
    await waitFor('both present at A', () => names(pa.awareness).join() === 'Ana,Bo');
    await waitFor('both present at B', () => names(pb.awareness).join() === 'Ana,Bo');
    await waitFor('both present at the observer', () => names(c.awareness).join() === 'Ana,Bo');
    pb.disconnect();
    await waitFor(
      'Bo gone after leaving',
      () => names(pa.awareness).join() === 'Ana' && names(c.awareness).join() === 'Ana',
    );
    pb.connect();
    await waitFor('Bo back after joining again', () => names(c.awareness).join() === 'Ana,Bo');
    // An abrupt drop (no leave message) removes it too.
    pb.socket.io.engine.close();
    pb.socket.disconnect();
    await waitFor('Bo gone after the drop', () => names(c.awareness).join() === 'Ana');
  });

  describe('access taken away mid-session', () => {
    const events = () => t.app.get(EventEmitter2);

    it('tells a member whose membership is removed, takes them out, and refuses their next update', async () => {
      const member = await createUser(t.db, { memberships: [{ cityId: w.cityId, role: 'editor' }] });
      const { client } = await RawClient.join(t.url, await t.login(member.email), w.documentId);
      clients.push(client);
      expect(await client.edit((doc) => doc.getMap('meta').set('before', 1))).toEqual({ ok: true });
      await t.db.query(`DELETE FROM memberships WHERE user_id = $1`, [member.id]);
      events().emit('membership.changed', { userId: member.id, cityId: w.cityId, role: null });
      await waitFor('doc:access null', () => client.accessChanges.includes(null));
      const ack = await client.edit((doc) => doc.getMap('meta').set('after-removal', 1));
      expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      expect((await request(client.socket, 'doc:join', { documentId: w.documentId })).ok).toBe(false);
      expect((await storedDoc(t.db, w.documentId)).getMap('meta').get('after-removal')).toBeUndefined();
    });

    it('makes a lowered member read-only at once: told, and the next update is forbidden', async () => {
      const member = await createUser(t.db, { memberships: [{ cityId: w.cityId, role: 'editor' }] });
      const p = provider(t.url, await t.login(member.email), w.documentId);
      clients.push({ close: () => p.destroy() });
      await p.whenSynced();
      const seen: unknown[] = [];
      p.on('access', (access) => seen.push(access));
      await t.db.query(`UPDATE memberships SET role = 'stakeholder' WHERE user_id = $1`, [member.id]);
      events().emit('membership.changed', { userId: member.id, cityId: w.cityId, role: 'stakeholder' });
      await waitFor('doc:access comment', () => seen.includes('comment'));
      expect(p.access).toBe('comment');
      const { client: raw } = await RawClient.join(t.url, await t.login(member.email), w.documentId);
      clients.push(raw);
      expect(await raw.edit((doc) => doc.getMap('meta').set('lowered', 1))).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it('re-checks everyone in a document whose status changes (adoption freezes it)', async () => {
      const doc = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.cityId });
      const { client } = await join('editor', doc.id);
      await t.db.query(`UPDATE documents SET status = 'adopted' WHERE id = $1`, [doc.id]);
      events().emit('document.status_changed', { documentId: doc.id });
      await waitFor('doc:access comment', () => client.accessChanges.includes('comment'));
      expect(await client.edit((d) => d.getMap('meta').set('x', 1))).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it('drops the connections of a deactivated account', async () => {
      const member = await createUser(t.db, { memberships: [{ cityId: w.cityId, role: 'editor' }] });
      const { client } = await RawClient.join(t.url, await t.login(member.email), w.documentId);
      clients.push(client);
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [member.id]);
      events().emit('user.access_changed', { userId: member.id, role: 'member', active: false });
      await waitFor('the socket closed', () => client.socket.disconnected);
      expect(client.accessChanges).toContain(null);
    });
  });
});
