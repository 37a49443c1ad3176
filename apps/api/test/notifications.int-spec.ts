import { EventEmitter2 } from '@nestjs/event-emitter';
import { LIVE_NAMESPACE } from '@passerelle/domain';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, TestApp } from './utils/test-app';
import { createWorkflowWorld, eventually, type Person, type WorkflowWorld } from './utils/workflow-fixtures';

interface Notification {
  id: string;
  kind: string;
  actor: { id: string; name: string } | null;
  document: { id: string; title: string } | null;
  city: { id: string; slug: string; name: string } | null;
  threadId: string | null;
  data: Record<string, unknown>;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

const EVERYONE: Person[] = [
  'admin',
  'coordinator',
  'coordinator2',
  'editorLyon',
  'editor2Lyon',
  'stakeholderLyon',
  'stakeholder2Lyon',
  'observerLyon',
  'editorTangier',
  'stakeholderTangier',
  'outsider',
];

describe('notifications', () => {
  let t: TestApp;
  let w: WorkflowWorld;

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    w = await createWorkflowWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const p = (who: Person) => w.people[who];
  const inbox = async (who: Person, query = ''): Promise<{ items: Notification[]; unreadCount: number }> => {
    const res = await p(who).get(`/api/notifications?limit=100${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Who got a notification of this kind about this subject (document, thread or pilot project). */
  const recipients = async (kind: string, subject: (n: Notification) => boolean): Promise<Person[]> => {
    const got: Person[] = [];
    for (const who of EVERYONE) {
      if ((await inbox(who)).items.some((n) => n.kind === kind && subject(n))) got.push(who);
    }
    return got.sort();
  };
  const aboutDoc = (id: string) => (n: Notification) => n.document?.id === id;
  const emit = (name: string, payload: object) => t.app.get(EventEmitter2).emitAsync(name, payload);
  const submit = (who: Person, id: string) => p(who).post(`/api/documents/${id}/submit`);
  const decide = (who: Person, id: string, decision: string, note?: string) =>
    p(who).post(`/api/documents/${id}/reviews`, { decision, note });

  describe('review workflow', () => {
    it('asks exactly the city’s stakeholders and the coordinators to review', async () => {
      const doc = await w.lyonPaper();
      expect((await submit('editorLyon', doc.id)).status).toBe(200);
      expect(await recipients('review_requested', aboutDoc(doc.id))).toEqual(
        (['coordinator', 'coordinator2', 'stakeholderLyon', 'stakeholder2Lyon'] as Person[]).sort(),
      );
      const [note] = (await inbox('stakeholderLyon')).items.filter(aboutDoc(doc.id));
      expect(note).toMatchObject({
        kind: 'review_requested',
        actor: { id: p('editorLyon').id, name: 'EditorLyon' },
        document: { id: doc.id, title: 'Priorités de Lyon' },
        city: { id: w.lyon.id, slug: w.lyon.slug, name: 'Lyon' },
        data: { round: 1 },
        read: false,
        readAt: null,
      });
    });

    it('never notifies the person who acted', async () => {
      const doc = await w.lyonPaper();
      await submit('coordinator', doc.id);
      expect(await recipients('review_requested', aboutDoc(doc.id))).toEqual(
        (['coordinator2', 'stakeholderLyon', 'stakeholder2Lyon'] as Person[]).sort(),
      );
    });

    it('tells the city’s editors and the submitter of approvals and requests for changes', async () => {
      const doc = await w.lyonPaper();
      await submit('coordinator', doc.id);
      expect((await decide('stakeholderLyon', doc.id, 'approve')).status).toBe(201);
      expect(await recipients('approved', aboutDoc(doc.id))).toEqual(
        (['coordinator', 'editorLyon', 'editor2Lyon'] as Person[]).sort(),
      );
      expect((await decide('stakeholder2Lyon', doc.id, 'request_changes', 'Chiffres 2024 ?')).status).toBe(201);
      expect(await recipients('changes_requested', aboutDoc(doc.id))).toEqual(
        (['coordinator', 'editorLyon', 'editor2Lyon'] as Person[]).sort(),
      );
      const [note] = (await inbox('editorLyon')).items.filter((n) => n.kind === 'changes_requested');
      expect(note).toMatchObject({
        actor: { id: p('stakeholder2Lyon').id },
        data: { round: 1, decision: 'request_changes' },
      });
    });

    it('tells the city’s editors and stakeholders of the adoption', async () => {
      const doc = await w.lyonPaper();
      await submit('editorLyon', doc.id);
      expect((await p('coordinator').post(`/api/documents/${doc.id}/adopt`)).status).toBe(200);
      expect(await recipients('adopted', aboutDoc(doc.id))).toEqual(
        (['editorLyon', 'editor2Lyon', 'stakeholderLyon', 'stakeholder2Lyon'] as Person[]).sort(),
      );
    });
  });

  describe('comments', () => {
    const comment = (documentId: string) => ({
      documentId,
      cityId: w.lyon.id,
      threadId: randomUUID(),
      commentId: randomUUID(),
      authorId: p('stakeholderLyon').id,
    });
    const aboutThread = (threadId: string) => (n: Notification) => n.threadId === threadId;

    it('notifies exactly the mentioned people who can read the document', async () => {
      const doc = await w.lyonPaper();
      const c = comment(doc.id);
      const mentioned: Person[] = ['editorLyon', 'observerLyon', 'editorTangier', 'outsider', 'stakeholderLyon'];
      await emit('comment.mentioned', { ...c, userIds: mentioned.map((who) => p(who).id) });
      expect(await recipients('mention', aboutThread(c.threadId))).toEqual(['editorLyon', 'observerLyon']);
      // Checked when created, not only hidden when listed: nothing is stored for the others.
      const stored: Array<{ user_id: string }> = await t.db.query(
        `SELECT user_id FROM notifications WHERE thread_id = $1 ORDER BY user_id`,
        [c.threadId],
      );
      expect(stored.map((r) => r.user_id)).toEqual([p('editorLyon').id, p('observerLyon').id].sort());
      const [note] = (await inbox('observerLyon')).items;
      expect(note).toMatchObject({ kind: 'mention', threadId: c.threadId, data: { commentId: c.commentId } });
    });

    it('notifies a thread’s participants of replies, once per comment even when it also mentions them', async () => {
      const doc = await w.lyonPaper();
      const c = comment(doc.id);
      const participants: Person[] = ['editorLyon', 'editor2Lyon', 'stakeholderLyon', 'editorTangier'];
      await Promise.all([
        emit('comment.created', { ...c, parentAuthorIds: participants.map((who) => p(who).id) }),
        emit('comment.mentioned', { ...c, userIds: [p('editorLyon').id] }),
      ]);
      expect(await recipients('reply', aboutThread(c.threadId))).toEqual(['editor2Lyon']);
      expect(await recipients('mention', aboutThread(c.threadId))).toEqual(['editorLyon']);
      expect((await inbox('editorLyon')).items.filter(aboutThread(c.threadId))).toHaveLength(1);
    });
  });

  it('tells the city’s editors of milestone changes, and nobody else', async () => {
    const project = await p('coordinator').post('/api/pilot-projects', {
      cityId: w.lyon.id,
      title: 'Maison des langues',
    });
    expect(project.status).toBe(201);
    const milestone = await p('coordinator').post(`/api/pilot-projects/${project.body.id}/milestones`, {
      title: 'Local trouvé',
      dueDate: '2030-06-01',
    });
    expect(milestone.status).toBe(201);
    const ofProject = (n: Notification) => n.data.pilotProjectId === project.body.id;
    await eventually(async () => (await recipients('milestone', ofProject)).length === 2, 'milestone notices');
    expect(await recipients('milestone', ofProject)).toEqual(['editor2Lyon', 'editorLyon']);
    const [note] = (await inbox('editorLyon')).items.filter(ofProject);
    expect(note).toMatchObject({
      document: null,
      city: { id: w.lyon.id },
      data: { title: 'Local trouvé', pilotProjectTitle: 'Maison des langues', change: 'created' },
    });
  });

  it('hides what the person may no longer read', async () => {
    const doc = await w.lyonPaper();
    const c = { documentId: doc.id, cityId: w.lyon.id, threadId: randomUUID(), commentId: randomUUID() };
    await emit('comment.mentioned', { ...c, authorId: p('editorLyon').id, userIds: [p('stakeholder2Lyon').id] });
    const before = await inbox('stakeholder2Lyon');
    expect(before.items.some((n) => n.threadId === c.threadId)).toBe(true);
    await t.db.query(`DELETE FROM memberships WHERE user_id = $1`, [p('stakeholder2Lyon').id]);
    try {
      const after = await inbox('stakeholder2Lyon');
      expect(after.items).toEqual([]);
      expect(after.unreadCount).toBe(0);
    } finally {
      await t.db.query(`INSERT INTO memberships (user_id, city_id, role) VALUES ($1, $2, 'stakeholder')`, [
        p('stakeholder2Lyon').id,
        w.lyon.id,
      ]);
    }
  });

  it('counts the unread ones and marks one or all read', async () => {
    const reader = 'observerLyon';
    await p(reader).post('/api/notifications/read-all');
    const docs = [await w.lyonPaper(), await w.lyonPaper(), await w.lyonPaper()];
    for (const doc of docs) {
      await emit('comment.mentioned', {
        documentId: doc.id,
        cityId: w.lyon.id,
        threadId: randomUUID(),
        commentId: randomUUID(),
        authorId: p('editorLyon').id,
        userIds: [p(reader).id],
      });
    }
    const all = await inbox(reader);
    expect(all.unreadCount).toBe(3);
    const [newest] = all.items;
    expect(newest.document?.id).toBe(docs[2].id);

    const one = await p(reader).post(`/api/notifications/${newest.id}/read`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ unreadCount: 2 });
    const unread = await inbox(reader, '&unread=true');
    expect(unread.items.map((n) => n.document?.id)).toEqual([docs[1].id, docs[0].id]);
    expect((await inbox(reader)).items[0]).toMatchObject({ id: newest.id, read: true, readAt: expect.any(String) });

    expect((await p('editorLyon').post(`/api/notifications/${newest.id}/read`)).status).toBe(404);
    expect((await p(reader).post('/api/notifications/abc/read')).status).toBe(404);

    const page = await p(reader).get('/api/notifications?limit=1&before=' + newest.id);
    expect(page.body.items.map((n: Notification) => n.document?.id)).toEqual([docs[1].id]);

    const rest = await p(reader).post('/api/notifications/read-all');
    expect(rest.body).toEqual({ unreadCount: 0 });
    expect((await inbox(reader, '&unread=true')).items).toEqual([]);
  });

  it('delivers a new notification live on the /live socket, with the unread count', async () => {
    const socket: Socket = io(t.url + LIVE_NAMESPACE, {
      auth: { token: p('stakeholder2Lyon').token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const received: Array<{ notification: Notification; unreadCount: number }> = [];
      const reads: Array<{ notificationId: string | null; unreadCount: number }> = [];
      socket.on('notification', (payload) => received.push(payload));
      socket.on('notification:read', (payload) => reads.push(payload));
      const doc = await w.lyonPaper();
      await submit('editorLyon', doc.id);
      const { unreadCount } = await inbox('stakeholder2Lyon');
      await eventually(async () => received.length > 0, 'a live notification');
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        notification: { kind: 'review_requested', document: { id: doc.id } },
        unreadCount,
      });
      await p('stakeholder2Lyon').post('/api/notifications/read-all');
      await eventually(async () => reads.length > 0, 'the read count');
      expect(reads[0]).toEqual({ notificationId: null, unreadCount: 0 });
    } finally {
      socket.close();
    }
  });
});
