import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { DocumentStore, SERVER_ORIGIN } from '../src/collab/storage/document-store';
import { VersionsService } from '../src/modules/versions/versions.service';
import {
  appendParagraphs,
  bearer,
  binaryParser,
  createDocumentsWorld,
  createDocumentWithText,
  DocumentsWorld,
} from './utils/document-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

describe('versions', () => {
  let t: TestApp;
  let w: DocumentsWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createDocumentsWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const lyonDoc = (paragraphs: string[], fields: { status?: 'adopted'; published?: boolean } = {}) =>
    createDocumentWithText(
      t,
      { programmeId: w.programmeId, cityId: w.lyon.id, title: 'Priorités', ...fields },
      paragraphs,
    );
  const createVersion = (id: string, token: string, label: unknown) =>
    t.http().post(`/api/documents/${id}/versions`).set(bearer(token)).send({ label });
  const list = (id: string, token: string) => t.http().get(`/api/documents/${id}/versions`).set(bearer(token));
  const restore = (id: string, versionId: string, token: string) =>
    t.http().post(`/api/documents/${id}/versions/${versionId}/restore`).set(bearer(token));
  const markdown = async (id: string, token = w.users.editorLyon.token) =>
    (await t.http().get(`/api/documents/${id}/content?format=markdown`).set(bearer(token))).text;
  const liveText = async (id: string) => (await t.app.get(DocumentStore).get(id)).getXmlFragment('default').toString();

  it('creates named versions and lists them newest first with their author', async () => {
    const doc = await lyonDoc(['Texte initial.']);
    const first = await createVersion(doc.id, w.users.editorLyon.token, '  Premier jet  ');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      documentId: doc.id,
      label: 'Premier jet',
      reason: 'manual',
      createdBy: { id: w.users.editorLyon.id, name: 'Julien Editor' },
    });
    const second = await createVersion(doc.id, w.users.coordinator.token, 'Relu par la coordination');
    expect(second.status).toBe(201);
    const res = await list(doc.id, w.users.stakeholderLyon.token);
    expect(res.status).toBe(200);
    expect(res.body.map((v: { id: string }) => v.id)).toEqual([second.body.id, first.body.id]);
    expect(Object.keys(res.body[0]).sort()).toEqual(['createdAt', 'createdBy', 'documentId', 'id', 'label', 'reason']);
    expect(res.body[1].createdBy).toEqual({ id: w.users.editorLyon.id, name: 'Julien Editor' });
  });

  it('keeps a version’s content as it was, in every format', async () => {
    const doc = await lyonDoc(['Texte initial.']);
    const v1 = (await createVersion(doc.id, w.users.editorLyon.token, 'v1')).body;
    await appendParagraphs(t, doc.id, ['Ajout après la version.']);
    const base = `/api/documents/${doc.id}/versions/${v1.id}`;
    const get = (path: string) => t.http().get(path).set(bearer(w.users.observerLyon.token));

    const md = await get(`${base}/content`);
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('Texte initial.');
    expect(md.text).not.toContain('Ajout après la version.');
    expect(await markdown(doc.id)).toContain('Ajout après la version.');

    const html = await get(`${base}/content?format=html`);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.text).toContain('<p>Texte initial.</p>');
    const json = await get(`${base}/content?format=json`);
    expect(json.body).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Texte initial.' }] }],
    });
    const docx = await get(`${base}/content?format=docx`).buffer(true).parse(binaryParser);
    expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="priorites\.docx"/);
    expect((docx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await get(`${base}/content?format=odt`)).status).toBe(400);

    expect((await get(base)).body).toMatchObject({ id: v1.id, label: 'v1' });
    expect((await get(`/api/documents/${doc.id}/versions/${randomUUID()}/content`)).status).toBe(404);
    expect((await get(`/api/documents/${doc.id}/versions/nope/content`)).status).toBe(404);
  });

  it('restores old content as a new change, keeping every version and updating open editors live', async () => {
    const doc = await lyonDoc(['Texte initial.']);
    const v1 = (await createVersion(doc.id, w.users.editorLyon.token, 'Premier jet')).body;
    await appendParagraphs(t, doc.id, ['Paragraphe à abandonner.']);
    const v2 = (await createVersion(doc.id, w.users.editorLyon.token, 'Second jet')).body;
    await appendParagraphs(t, doc.id, ['Modification non versionnée.']);

    const live = await t.app.get(DocumentStore).get(doc.id);
    const liveUpdates: unknown[] = [];
    const onUpdate = (_update: Uint8Array, origin: unknown) => liveUpdates.push(origin);
    live.on('update', onUpdate);
    const events: unknown[] = [];
    const onRestored = (e: unknown) => events.push(e);
    t.app.get(EventEmitter2).on('version.restored', onRestored);

    const res = await restore(doc.id, v1.id, w.users.editorLyon.token);
    live.off('update', onUpdate);
    t.app.get(EventEmitter2).off('version.restored', onRestored);
    expect(res.status).toBe(200);
    expect(res.body.restored).toMatchObject({ id: v1.id, label: 'Premier jet' });
    expect(res.body.backup).toMatchObject({ reason: 'restore', label: 'Before restore of “Premier jet”' });

    // The content is the version's again, in the store's shared document and on every path.
    expect(await liveText(doc.id)).toBe('<paragraph>Texte initial.</paragraph>');
    expect(liveUpdates).toEqual([SERVER_ORIGIN]);
    const md = await markdown(doc.id);
    expect(md).toContain('Texte initial.');
    expect(md).not.toContain('Paragraphe à abandonner.');
    expect(md).not.toContain('Modification non versionnée.');

    // Nothing was lost: the replaced content is the backup, and every version is still there.
    const versions = (await list(doc.id, w.users.editorLyon.token)).body as Array<{ id: string; reason: string }>;
    expect(versions.map((v) => v.id)).toEqual([res.body.backup.id, v2.id, v1.id]);
    const backup = await t
      .http()
      .get(`/api/documents/${doc.id}/versions/${res.body.backup.id}/content`)
      .set(bearer(w.users.editorLyon.token));
    expect(backup.text).toContain('Modification non versionnée.');

    // The restore is an ordinary stored update: a fresh load from the database has the same content.
    const rows: Array<{ data: Buffer }> = await t.db.query(
      `SELECT data FROM document_updates WHERE document_id = $1 ORDER BY id`,
      [doc.id],
    );
    const reloaded = new Y.Doc();
    for (const row of rows) Y.applyUpdate(reloaded, new Uint8Array(row.data));
    expect(reloaded.getXmlFragment('default').toString()).toBe('<paragraph>Texte initial.</paragraph>');
    const [{ plain_text }] = await t.db.query(`SELECT plain_text FROM documents WHERE id = $1`, [doc.id]);
    expect(plain_text).toContain('Texte initial.');
    expect(plain_text).not.toContain('abandonner');
    expect(events).toEqual([
      { documentId: doc.id, versionId: v1.id, backupVersionId: res.body.backup.id, userId: w.users.editorLyon.id },
    ]);

    // Restoring the backup brings the replaced content back.
    expect((await restore(doc.id, res.body.backup.id, w.users.editorLyon.token)).status).toBe(200);
    expect(await markdown(doc.id)).toContain('Modification non versionnée.');
  });

  it('restores formatting and structure, not just text', async () => {
    const doc = await lyonDoc([]);
    await t.app.get(DocumentStore).change(doc.id, null, (d) => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.insert(0, [new Y.XmlText('Emploi')]);
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      d.getXmlFragment('default').insert(0, [heading, paragraph]);
      text.insert(0, 'Un texte ');
      text.insert(9, 'important', { bold: {} });
    });
    const v1 = (await createVersion(doc.id, w.users.editorLyon.token, 'Mise en forme')).body;
    await t.app.get(DocumentStore).change(doc.id, null, (d) => d.getXmlFragment('default').delete(0, 2));
    expect((await restore(doc.id, v1.id, w.users.editorLyon.token)).status).toBe(200);
    const md = await markdown(doc.id);
    expect(md).toContain('## Emploi');
    expect(md).toContain('Un texte **important**');
  });

  it('lets readers list and view, but only editors and coordinators create versions', async () => {
    const doc = await lyonDoc(['Texte.']);
    expect((await createVersion(doc.id, w.users.stakeholderLyon.token, 'x')).status).toBe(403);
    expect((await createVersion(doc.id, w.users.observerLyon.token, 'x')).status).toBe(403);
    expect((await createVersion(doc.id, w.users.editorTangier.token, 'x')).status).toBe(404);
    expect((await list(doc.id, w.users.editorTangier.token)).status).toBe(404);
    expect((await list(doc.id, w.users.observerLyon.token)).status).toBe(200);
    for (const label of [undefined, '', '   ', 'x'.repeat(201), 42]) {
      const res = await createVersion(doc.id, w.users.editorLyon.token, label);
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['label']);
    }
  });

  it('refuses restore to those who may not edit: 403 for readers, 404 out of reach, 409 once adopted', async () => {
    const doc = await lyonDoc(['Texte.']);
    const v1 = (await createVersion(doc.id, w.users.editorLyon.token, 'v1')).body;
    expect((await restore(doc.id, v1.id, w.users.stakeholderLyon.token)).status).toBe(403);
    expect((await restore(doc.id, v1.id, w.users.coordinator.token)).status).toBe(403);
    expect((await restore(doc.id, v1.id, w.users.editorTangier.token)).status).toBe(404);
    expect((await restore(doc.id, v1.id, w.users.outsider.token)).status).toBe(404);
    expect((await restore(doc.id, randomUUID(), w.users.editorLyon.token)).status).toBe(404);
    const other = await lyonDoc(['Autre.']);
    expect((await restore(other.id, v1.id, w.users.editorLyon.token)).status).toBe(404);
    expect((await list(doc.id, w.users.editorLyon.token)).body).toHaveLength(1);

    const adopted = await lyonDoc(['Adopté.'], { status: 'adopted', published: true });
    const va = (await createVersion(adopted.id, w.users.coordinator.token, 'Adoption')).body;
    const res = await restore(adopted.id, va.id, w.users.editorLyon.token);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('adopted');
    expect((await restore(adopted.id, va.id, w.users.editorTangier.token)).status).toBe(403);
  });

  it('gives the review workflow createVersion with a reason', async () => {
    const doc = await lyonDoc(['Texte soumis.']);
    const version = await t.app
      .get(VersionsService)
      .createVersion(doc.id, 'Submitted for review', 'review', w.users.editorLyon.id);
    expect(version).toMatchObject({ reason: 'review', label: 'Submitted for review' });
    const listed = (await list(doc.id, w.users.stakeholderLyon.token)).body;
    expect(listed).toEqual([expect.objectContaining({ id: version.id, reason: 'review' })]);
  });
});
