import * as Y from 'yjs';
import { RawClient } from './utils/collab-fixtures';
import { createTestApp, TestApp } from './utils/test-app';
import { createWorkflowWorld, type Person, type WorkflowWorld } from './utils/workflow-fixtures';

describe('review and adoption', () => {
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
  const move = (who: Person, id: string, transition: string) => p(who).post(`/api/documents/${id}/${transition}`);
  const decide = (who: Person, id: string, decision: string, note?: string) =>
    p(who).post(`/api/documents/${id}/reviews`, note === undefined ? { decision } : { decision, note });
  const reviews = async (id: string, who: Person = 'editorLyon') =>
    (await p(who).get(`/api/documents/${id}/reviews`)).body;
  const status = async (id: string) => (await p('coordinator').get(`/api/documents/${id}`)).body.status as string;
  const versions = async (id: string) =>
    (await p('coordinator').get(`/api/documents/${id}/versions`)).body as Array<{
      id: string;
      reason: string;
      label: string;
    }>;
  const inReview = async () => {
    const doc = await w.lyonPaper();
    expect((await move('editorLyon', doc.id, 'submit')).status).toBe(200);
    return doc;
  };
  const adopted = async () => {
    const doc = await inReview();
    expect((await move('coordinator', doc.id, 'adopt')).status).toBe(200);
    return doc;
  };

  describe('submitting for review', () => {
    it('lets an editor submit a draft: in review, round 1, a review version saved', async () => {
      const doc = await w.lyonPaper();
      const res = await move('editorLyon', doc.id, 'submit');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: doc.id, status: 'in_review', published: false });
      expect(res.body.permissions).toContain('edit');
      const saved = await versions(doc.id);
      expect(saved.map((v) => [v.reason, v.label])).toEqual([['review', 'Submitted for review (round 1)']]);
      const summary = await reviews(doc.id);
      expect(summary).toMatchObject({
        round: 1,
        open: true,
        state: 'awaiting',
        submittedBy: { id: p('editorLyon').id, name: 'EditorLyon' },
        approvals: [],
        canReview: false,
        canAdopt: false,
        transitions: ['submit'],
      });
      expect(summary.pending.map((s: { id: string }) => s.id).sort()).toEqual(
        [p('stakeholderLyon').id, p('stakeholder2Lyon').id].sort(),
      );
    });

    it('refuses stakeholders and observers (403) and hides the document from other cities (404)', async () => {
      const doc = await w.lyonPaper();
      expect((await move('stakeholderLyon', doc.id, 'submit')).status).toBe(403);
      expect((await move('observerLyon', doc.id, 'submit')).status).toBe(403);
      expect((await move('editorTangier', doc.id, 'submit')).status).toBe(404);
      expect((await move('outsider', doc.id, 'submit')).status).toBe(404);
      expect((await move('editorLyon', '00000000-0000-4000-8000-000000000000', 'submit')).status).toBe(404);
      expect(await status(doc.id)).toBe('draft');
      expect(await versions(doc.id)).toEqual([]);
    });

    it('lets a coordinator submit too, and resubmitting while in review opens a new round', async () => {
      const doc = await w.lyonPaper();
      expect((await move('coordinator', doc.id, 'submit')).status).toBe(200);
      expect((await decide('stakeholderLyon', doc.id, 'request_changes', 'Add the housing figures')).status).toBe(201);
      const again = await move('editorLyon', doc.id, 'submit');
      expect(again.status).toBe(200);
      expect(again.body.status).toBe('in_review');
      const summary = await reviews(doc.id);
      expect(summary).toMatchObject({ round: 2, open: true, state: 'awaiting', approvals: [] });
      expect(summary.submittedBy.id).toBe(p('editorLyon').id);
      expect((await versions(doc.id)).map((v) => v.label)).toEqual([
        'Submitted for review (round 2)',
        'Submitted for review (round 1)',
      ]);
    });

    it('refuses to submit an adopted or archived document (409 with the reason)', async () => {
      const doc = await adopted();
      const res = await move('editorLyon', doc.id, 'submit');
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Only a draft or a document in review can be submitted for review (it is adopted)');
    });
  });

  describe('approving and requesting changes', () => {
    it('lets stakeholders and coordinators decide, one current decision each per round', async () => {
      const doc = await inReview();
      const first = await decide('stakeholderLyon', doc.id, 'approve', 'Bien');
      expect(first.status).toBe(201);
      expect(first.body.approvals).toEqual([
        expect.objectContaining({
          reviewer: { id: p('stakeholderLyon').id, name: 'StakeholderLyon' },
          decision: 'approve',
        }),
      ]);
      expect((await decide('coordinator', doc.id, 'approve')).status).toBe(201);
      // A new decision replaces the reviewer's earlier one in the same round.
      const changed = await decide('stakeholderLyon', doc.id, 'request_changes', 'Il manque le logement');
      expect(changed.status).toBe(201);
      const summary = await reviews(doc.id, 'observerLyon');
      expect(summary.approvals).toHaveLength(2);
      expect(
        summary.approvals.map((a: { reviewer: { id: string }; decision: string; note: string }) => [
          a.reviewer.id,
          a.decision,
          a.note,
        ]),
      ).toEqual([
        [p('stakeholderLyon').id, 'request_changes', 'Il manque le logement'],
        [p('coordinator').id, 'approve', ''],
      ]);
      expect(summary.pending.map((s: { id: string }) => s.id)).toEqual([p('stakeholder2Lyon').id]);
      // Request changes keeps the document in review, editable, marked as changes requested.
      expect(summary.state).toBe('changes_requested');
      expect(summary.status).toBe('in_review');
      expect((await p('editorLyon').get(`/api/documents/${doc.id}`)).body.permissions).toContain('edit');
    });

    it('is approved once every stakeholder approved', async () => {
      const doc = await inReview();
      await decide('stakeholderLyon', doc.id, 'approve');
      expect((await reviews(doc.id)).state).toBe('awaiting');
      await decide('stakeholder2Lyon', doc.id, 'approve');
      const summary = await reviews(doc.id, 'coordinator');
      expect(summary).toMatchObject({ state: 'approved', pending: [], canAdopt: true, canReview: true });
    });

    it('refuses editors and observers (403), other cities (404), and a request for changes without a note (400)', async () => {
      const doc = await inReview();
      expect((await decide('editorLyon', doc.id, 'approve')).status).toBe(403);
      expect((await decide('observerLyon', doc.id, 'approve')).status).toBe(403);
      expect((await decide('stakeholderTangier', doc.id, 'approve')).status).toBe(404);
      const noNote = await decide('stakeholderLyon', doc.id, 'request_changes', '  ');
      expect(noNote.status).toBe(400);
      expect(noNote.body.fields).toEqual(['note']);
      expect((await decide('stakeholderLyon', doc.id, 'maybe')).status).toBe(400);
      expect((await reviews(doc.id)).approvals).toEqual([]);
    });

    it('refuses decisions outside review (409)', async () => {
      const draft = await w.lyonPaper();
      const res = await decide('stakeholderLyon', draft.id, 'approve');
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Only a document in review can be reviewed (it is draft)');
      const done = await adopted();
      expect((await decide('stakeholderLyon', done.id, 'approve')).status).toBe(409);
    });
  });

  describe('adoption', () => {
    it('is for coordinators only', async () => {
      const doc = await inReview();
      expect((await move('editorLyon', doc.id, 'adopt')).status).toBe(403);
      expect((await move('stakeholderLyon', doc.id, 'adopt')).status).toBe(403);
      expect((await move('editorTangier', doc.id, 'adopt')).status).toBe(404);
      expect(await status(doc.id)).toBe('in_review');
    });

    it('is refused unless the document is in review (409 with the reason)', async () => {
      const doc = await w.lyonPaper();
      const res = await move('coordinator', doc.id, 'adopt');
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'conflict',
        message: 'Only a document in review can be adopted (it is draft)',
      });
      await move('editorLyon', doc.id, 'submit');
      await move('coordinator', doc.id, 'adopt');
      const twice = await move('coordinator', doc.id, 'adopt');
      expect(twice.status).toBe(409);
      expect(twice.body.message).toBe('Only a document in review can be adopted (it is adopted)');
    });

    it('freezes an adoption version and makes the content read-only on every path', async () => {
      const doc = await inReview();
      await decide('stakeholderLyon', doc.id, 'approve');
      const res = await move('coordinator', doc.id, 'adopt');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('adopted');
      const saved = await versions(doc.id);
      expect(saved.map((v) => [v.reason, v.label])).toEqual([
        ['adoption', 'Adopted (round 1)'],
        ['review', 'Submitted for review (round 1)'],
      ]);
      const frozen = await p('editorLyon').get(`/api/documents/${doc.id}/versions/${saved[0].id}/content`);
      expect(frozen.text).toContain('Accueil des personnes réfugiées.');

      const asEditor = (await p('editorLyon').get(`/api/documents/${doc.id}`)).body;
      expect(asEditor.permissions).not.toContain('edit');
      expect(asEditor.permissions).toContain('submit_review');
      expect((await p('editorLyon').patch(`/api/documents/${doc.id}`, { title: 'Changed' })).status).toBe(409);
      expect((await p('editorLyon').post(`/api/documents/${doc.id}/versions/${saved[1].id}/restore`)).status).toBe(409);
      // The decisions stay visible: who approved the adopted text.
      expect(await reviews(doc.id)).toMatchObject({ round: 1, open: false, state: 'closed', pending: [] });
      expect((await reviews(doc.id)).approvals).toHaveLength(1);
    });

    it('takes edit access away from an editor who has the document open', async () => {
      const doc = await inReview();
      const { client, ack } = await RawClient.join(t.url, p('editorLyon').token, doc.id);
      try {
        expect(ack).toEqual({ ok: true, access: 'edit' });
        const before = await client.edit((d: Y.Doc) => d.getMap('probe').set('before', 1));
        expect(before).toEqual({ ok: true });
        expect((await move('coordinator', doc.id, 'adopt')).status).toBe(200);
        const after = await client.edit((d: Y.Doc) => d.getMap('probe').set('after', 1));
        expect(after).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(client.accessChanges).toContain('comment');
      } finally {
        client.close();
      }
    });

    it('lets only one of two simultaneous adoptions through', async () => {
      const doc = await inReview();
      const results = await Promise.all([move('coordinator', doc.id, 'adopt'), move('coordinator2', doc.id, 'adopt')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await versions(doc.id)).filter((v) => v.reason === 'adoption')).toHaveLength(1);
    });
  });

  describe('a new revision', () => {
    it('reopens an adopted document as an editable draft, and the next submission is a new round', async () => {
      const doc = await adopted();
      expect((await move('stakeholderLyon', doc.id, 'revise')).status).toBe(403);
      const res = await move('editorLyon', doc.id, 'revise');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('draft');
      expect(res.body.permissions).toContain('edit');
      expect((await p('editorLyon').patch(`/api/documents/${doc.id}`, { title: 'Révision 2' })).status).toBe(200);
      expect((await move('editorLyon', doc.id, 'submit')).status).toBe(200);
      expect(await reviews(doc.id)).toMatchObject({ round: 2, open: true, approvals: [] });
      const draft = await w.lyonPaper();
      const refused = await move('editorLyon', draft.id, 'revise');
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe('Only an adopted document can be reopened as a new revision (it is draft)');
    });
  });

  describe('publication', () => {
    it('makes an adopted document readable by every programme member, until it is unpublished', async () => {
      const doc = await adopted();
      expect((await p('editorTangier').get(`/api/documents/${doc.id}`)).status).toBe(404);
      expect((await move('editorLyon', doc.id, 'publish')).status).toBe(403);
      const res = await move('coordinator', doc.id, 'publish');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'adopted', published: true });
      const read = await p('editorTangier').get(`/api/documents/${doc.id}`);
      expect(read.status).toBe(200);
      expect(read.body.permissions).toEqual(['read']);
      expect((await p('outsider').get(`/api/documents/${doc.id}`)).status).toBe(200);
      expect((await move('coordinator', doc.id, 'publish')).body.message).toBe('This document is already published');

      expect((await move('coordinator', doc.id, 'unpublish')).status).toBe(200);
      expect((await p('editorTangier').get(`/api/documents/${doc.id}`)).status).toBe(404);
      const again = await move('coordinator', doc.id, 'unpublish');
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('This document is not published');
    });

    it('is refused before adoption (409)', async () => {
      const doc = await inReview();
      const res = await move('coordinator', doc.id, 'publish');
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('Only an adopted document can be published (it is in review)');
    });

    it('is withdrawn by a new revision: drafts are never shown to other cities', async () => {
      const doc = await adopted();
      await move('coordinator', doc.id, 'publish');
      expect((await move('editorLyon', doc.id, 'revise')).body).toMatchObject({ status: 'draft', published: false });
      expect((await p('editorTangier').get(`/api/documents/${doc.id}`)).status).toBe(404);
    });
  });

  describe('archiving', () => {
    it('archives from any status (coordinators only) and takes it out as a draft', async () => {
      for (const make of [() => w.lyonPaper(), inReview, adopted]) {
        const doc = await make();
        expect((await move('editorLyon', doc.id, 'archive')).status).toBe(403);
        const res = await move('coordinator', doc.id, 'archive');
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('archived');
        expect(res.body.permissions).not.toContain('edit');
      }
      const doc = await adopted();
      await move('coordinator', doc.id, 'publish');
      expect((await move('coordinator', doc.id, 'archive')).body).toMatchObject({
        status: 'archived',
        published: false,
      });
      const twice = await move('coordinator', doc.id, 'archive');
      expect(twice.status).toBe(409);
      expect(twice.body.message).toBe('This document is already archived');
      expect((await p('editorLyon').patch(`/api/documents/${doc.id}`, { title: 'x' })).status).toBe(409);

      expect((await move('editorLyon', doc.id, 'unarchive')).status).toBe(403);
      const back = await move('coordinator', doc.id, 'unarchive');
      expect(back.status).toBe(200);
      expect(back.body).toMatchObject({ status: 'draft', published: false });
      expect((await move('coordinator', doc.id, 'unarchive')).status).toBe(409);
    });

    it('closes the open review round', async () => {
      const doc = await inReview();
      await decide('stakeholderLyon', doc.id, 'approve');
      await move('coordinator', doc.id, 'archive');
      expect(await reviews(doc.id)).toMatchObject({ round: 1, open: false, state: 'closed', pending: [] });
    });
  });

  it('records adoptions, publications, unpublications and archiving in the audit log', async () => {
    const doc = await adopted();
    await move('coordinator', doc.id, 'publish');
    await move('coordinator', doc.id, 'unpublish');
    await move('coordinator', doc.id, 'archive');
    const log = (await p('admin').get('/api/audit?limit=200')).body as Array<{
      action: string;
      actorId: string;
      targetId: string;
    }>;
    const mine = log.filter((e) => e.targetId === doc.id).map((e) => [e.action, e.actorId]);
    expect(mine).toEqual([
      ['document.archived', p('coordinator').id],
      ['document.unpublished', p('coordinator').id],
      ['document.published', p('coordinator').id],
      ['document.adopted', p('coordinator').id],
    ]);
  });
});
