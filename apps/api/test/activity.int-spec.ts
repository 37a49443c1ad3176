import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { DocumentStore } from '../src/collab/storage/document-store';
import { createTestApp, TestApp } from './utils/test-app';
import { createWorkflowWorld, eventually, type Person, type WorkflowWorld } from './utils/workflow-fixtures';

interface Entry {
  id: string;
  verb: string;
  actor: { id: string; name: string } | null;
  city: { id: string; slug: string; name: string } | null;
  document: { id: string; title: string } | null;
  target: { type: string; id: string } | null;
  data: Record<string, unknown>;
  createdAt: string;
}

describe('activity feeds', () => {
  let t: TestApp;
  let w: WorkflowWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorkflowWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const p = (who: Person) => w.people[who];
  const feed = async (who: Person, query = ''): Promise<Entry[]> => {
    const res = await p(who).get(`/api/activity?limit=100${query}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const about = (entries: Entry[], documentId: string) =>
    entries.filter((e) => e.document?.id === documentId).map((e) => e.verb);
  const emit = (name: string, payload: object) => t.app.get(EventEmitter2).emitAsync(name, payload);

  /** A Lyon paper created through the API (so 'document.created' is heard), submitted and approved. */
  async function lyonPaperInReview(): Promise<string> {
    const created = await p('editorLyon').post('/api/documents', {
      cityId: w.lyon.id,
      kind: 'note',
      title: `Note ${randomUUID()}`,
      language: 'fr',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await eventually(async () => about(await feed('editorLyon'), id).includes('document.created'), 'document.created');
    expect((await p('editorLyon').post(`/api/documents/${id}/submit`)).status).toBe(200);
    expect((await p('stakeholderLyon').post(`/api/documents/${id}/reviews`, { decision: 'approve' })).status).toBe(201);
    return id;
  }

  it('shows a draft’s activity to its readers only: not to other cities, to every coordinator', async () => {
    const id = await lyonPaperInReview();
    const expected = ['review.approved', 'document.submitted', 'document.created'];
    for (const reader of ['editorLyon', 'stakeholderLyon', 'observerLyon', 'coordinator', 'admin'] as const) {
      expect(about(await feed(reader), id)).toEqual(expected);
    }
    for (const stranger of ['editorTangier', 'stakeholderTangier', 'outsider'] as const) {
      expect(about(await feed(stranger), id)).toEqual([]);
      expect(about(await feed(stranger, `&cityId=${w.lyon.id}`), id)).toEqual([]);
    }
    const [approved] = (await feed('coordinator')).filter((e) => e.document?.id === id);
    expect(approved).toMatchObject({
      verb: 'review.approved',
      actor: { id: p('stakeholderLyon').id, name: 'StakeholderLyon' },
      city: { id: w.lyon.id, slug: w.lyon.slug, name: 'Lyon' },
      document: { id, title: expect.stringMatching(/^Note /) },
      data: { round: 1 },
    });
    expect(Object.keys(approved).sort()).toEqual(
      ['actor', 'city', 'createdAt', 'data', 'document', 'id', 'target', 'updatedAt', 'verb'].sort(),
    );
  });

  it('shows the whole story to other cities once the document is published', async () => {
    const id = await lyonPaperInReview();
    await p('coordinator').post(`/api/documents/${id}/adopt`);
    expect(about(await feed('editorTangier'), id)).toEqual([]);
    await p('coordinator').post(`/api/documents/${id}/publish`);
    expect(about(await feed('editorTangier'), id)).toEqual([
      'document.published',
      'document.adopted',
      'review.approved',
      'document.submitted',
      'document.created',
    ]);
  });

  it('answers 404 for the activity of a document out of reach', async () => {
    const id = await lyonPaperInReview();
    expect((await p('editorTangier').get(`/api/activity?documentId=${id}`)).status).toBe(404);
    const own = await p('stakeholderLyon').get(`/api/activity?documentId=${id}`);
    expect(own.body.items.map((e: Entry) => e.verb)).toEqual([
      'review.approved',
      'document.submitted',
      'document.created',
    ]);
  });

  describe('edit summaries', () => {
    const edits = async (documentId: string) =>
      (await feed('coordinator', `&documentId=${documentId}`)).filter((e) => e.verb === 'document.edited');

    it('counts edits per person and hour, one entry each', async () => {
      const doc = await w.lyonPaper();
      const editor = p('editorLyon').id;
      const editor2 = p('editor2Lyon').id;
      await emit('document.content_changed', { documentId: doc.id, userId: editor, userIds: [editor] });
      await emit('document.content_changed', { documentId: doc.id, userId: editor, userIds: [editor] });
      await emit('document.content_changed', { documentId: doc.id, userId: editor, userIds: [editor2, editor] });
      let summary = await edits(doc.id);
      expect(summary.map((e) => [e.actor?.id, e.data.count]).sort()).toEqual(
        [
          [editor, 3],
          [editor2, 1],
        ].sort(),
      );

      // An hour later, the next edit starts a new entry.
      await t.db.query(
        `UPDATE activity SET bucket = bucket - interval '1 hour', created_at = created_at - interval '1 hour'
          WHERE document_id = $1 AND actor_id = $2`,
        [doc.id, editor],
      );
      await emit('document.content_changed', { documentId: doc.id, userId: editor, userIds: [editor] });
      summary = await edits(doc.id);
      expect(summary.filter((e) => e.actor?.id === editor).map((e) => e.data.count)).toEqual([1, 3]);
    });

    it('summarises real edits stored through the collaboration store', async () => {
      const doc = await w.lyonPaper();
      const store = t.app.get(DocumentStore);
      const write = (text: string) =>
        store.change(doc.id, p('editor2Lyon').id, (d: Y.Doc) => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(text)]);
          d.getXmlFragment('default').push([paragraph]);
        });
      await write('Une phrase.');
      await write('Une autre.');
      const [entry] = await eventually(async () => {
        const found = await edits(doc.id);
        return found.length > 0 && found;
      }, 'an edit summary');
      expect(entry.actor?.id).toBe(p('editor2Lyon').id);
      expect(entry.data.count).toBeGreaterThanOrEqual(1);
      expect(about(await feed('editorTangier'), doc.id)).toEqual([]);
    });

    it('records nothing for changes made by the server itself', async () => {
      const doc = await w.lyonPaper();
      await emit('document.content_changed', { documentId: doc.id, userId: null, userIds: [] });
      expect(await edits(doc.id)).toEqual([]);
    });
  });

  describe('city and programme entries', () => {
    it('shows a city’s pilot project work to the city’s members and coordinators only', async () => {
      const created = await p('editorLyon').post('/api/pilot-projects', { cityId: w.lyon.id, title: 'Guichet unique' });
      expect(created.status).toBe(201);
      const projectId = created.body.id as string;
      const milestone = await p('editorLyon').post(`/api/pilot-projects/${projectId}/milestones`, {
        title: 'Convention signée',
        dueDate: '2030-01-01',
      });
      expect(milestone.status).toBe(201);
      const ofProject = (entries: Entry[]) =>
        entries
          .filter((e) => e.target?.id === projectId || e.data.pilotProjectId === projectId)
          .map((e) => [e.verb, e.data.title]);
      const expected = [
        ['milestone.changed', 'Convention signée'],
        ['pilot_project.created', 'Guichet unique'],
      ];
      await eventually(async () => ofProject(await feed('observerLyon')).length === 2, 'pilot project activity');
      expect(ofProject(await feed('observerLyon'))).toEqual(expected);
      expect(ofProject(await feed('coordinator', `&cityId=${w.lyon.id}`))).toEqual(expected);
      expect(ofProject(await feed('coordinator', `&cityId=${w.tangier.id}`))).toEqual([]);
      expect(ofProject(await feed('editorTangier'))).toEqual([]);
      expect(ofProject(await feed('outsider'))).toEqual([]);
      const [entry] = (await feed('stakeholderLyon')).filter((e) => e.verb === 'pilot_project.created');
      expect(entry).toMatchObject({
        city: { id: w.lyon.id },
        document: null,
        target: { type: 'pilot_project', id: projectId },
      });
    });

    it('shows the programme calendar to everyone taking part, in the host city’s feed too', async () => {
      const eventId = randomUUID();
      await emit('event.created', {
        eventId,
        programmeId: w.programmeId,
        hostCityId: w.lyon.id,
        userId: p('coordinator').id,
        title: 'Atelier technique',
      });
      const ofEvent = (entries: Entry[]) => entries.filter((e) => e.target?.id === eventId).map((e) => e.verb);
      expect(ofEvent(await feed('editorTangier'))).toEqual(['event.created']);
      expect(ofEvent(await feed('stakeholderLyon', `&cityId=${w.lyon.id}`))).toEqual(['event.created']);
      expect(ofEvent(await feed('editorTangier', `&cityId=${w.tangier.id}`))).toEqual([]);
      expect(ofEvent(await feed('outsider'))).toEqual([]);
    });
  });

  it('pages back in time with `before`', async () => {
    await lyonPaperInReview();
    const first = await p('coordinator').get('/api/activity?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextBefore).toBe(first.body.items[1].id);
    const second = await p('coordinator').get(`/api/activity?limit=2&before=${first.body.nextBefore}`);
    expect(second.body.items).toHaveLength(2);
    const ids = [...first.body.items, ...second.body.items].map((e: Entry) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
    expect((await p('coordinator').get('/api/activity?before=abc')).status).toBe(400);
    expect((await p('coordinator').get('/api/activity?limit=0')).status).toBe(400);
  });
});
