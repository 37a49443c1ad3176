import { EventEmitter2 } from '@nestjs/event-emitter';
import { DOCUMENT_KINDS, LANGUAGES } from '@passerelle/domain';
import { randomUUID } from 'node:crypto';
import { bearer, createDocumentsWorld, DocumentsWorld } from './utils/document-fixtures';
import { createDocument } from './utils/factories';
import { createTestApp, TestApp } from './utils/test-app';

const ARABIC = /[\u0600-\u06FF]/;

describe('documents', () => {
  let t: TestApp;
  let w: DocumentsWorld;
  let docs: Record<'lyonDraft' | 'lyonPublished' | 'tangierDraft' | 'tangierPublished' | 'programmeDraft', string>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createDocumentsWorld(t);
    const make = async (cityId: string | null, title: string, published = false) =>
      (
        await createDocument(t.db, {
          programmeId: w.programmeId,
          cityId,
          title,
          status: published ? 'adopted' : 'draft',
          published,
        })
      ).id;
    docs = {
      lyonDraft: await make(w.lyon.id, 'Lyon draft'),
      lyonPublished: await make(w.lyon.id, 'Lyon published', true),
      tangierDraft: await make(w.tangier.id, 'Tangier draft'),
      tangierPublished: await make(w.tangier.id, 'Tangier published', true),
      programmeDraft: await make(null, 'Programme draft'),
    };
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, token: string) => t.http().get(path).set(bearer(token));
  const listIds = async (token: string, query = '') => {
    const res = await get(`/api/documents${query}`, token);
    expect(res.status).toBe(200);
    return (res.body as Array<{ id: string }>).map((d) => d.id);
  };

  it('describes its routes and shapes in the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs/json');
    const paths = res.body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/documents',
        '/api/documents/{id}',
        '/api/documents/{id}/content',
        '/api/documents/{id}/versions',
        '/api/documents/{id}/versions/{versionId}',
        '/api/documents/{id}/versions/{versionId}/content',
        '/api/documents/{id}/versions/{versionId}/restore',
      ]),
    );
    expect(paths['/api/documents'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['cityId', 'kind', 'status']),
    );
    expect(paths['/api/documents/{id}/content'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'format',
    );
    const documentDto = res.body.components.schemas.DocumentDto;
    expect(documentDto.required).toEqual(
      expect.arrayContaining([
        'id',
        'cityId',
        'kind',
        'title',
        'language',
        'status',
        'published',
        'phase',
        'updatedAt',
      ]),
    );
    expect(res.body.components.schemas.CreateDocumentDto.required).toEqual(['kind']);
    expect(res.body.components.schemas.VersionDto.properties.createdBy).toBeDefined();
  });

  describe('list', () => {
    it.each([
      ['editorLyon', ['lyonDraft', 'lyonPublished', 'tangierPublished']],
      ['stakeholderLyon', ['lyonDraft', 'lyonPublished', 'tangierPublished']],
      ['observerLyon', ['lyonDraft', 'lyonPublished', 'tangierPublished']],
      ['editorTangier', ['tangierDraft', 'tangierPublished', 'lyonPublished']],
      ['outsider', ['lyonPublished', 'tangierPublished']],
      ['coordinator', ['lyonDraft', 'lyonPublished', 'tangierDraft', 'tangierPublished', 'programmeDraft']],
      ['admin', ['lyonDraft', 'lyonPublished', 'tangierDraft', 'tangierPublished', 'programmeDraft']],
    ] as const)('shows %s exactly the documents they can read', async (who, expected) => {
      const ids = await listIds(w.users[who].token);
      const mine = Object.values(docs).filter((id) => ids.includes(id));
      expect(mine.sort()).toEqual(expected.map((k) => docs[k]).sort());
    });

    it('filters by city, kind and status, and gives each document the caller’s permissions', async () => {
      const token = w.users.editorLyon.token;
      expect(await listIds(token, `?cityId=${w.lyon.id}&status=draft`)).toEqual([docs.lyonDraft]);
      expect(await listIds(token, `?cityId=${w.tangier.id}`)).toEqual([docs.tangierPublished]);
      expect(await listIds(token, `?kind=minutes`)).toEqual([]);
      expect(await listIds(token, `?cityId=&kind=&status=`)).toEqual(expect.arrayContaining([docs.lyonDraft]));
      const res = await get(`/api/documents?cityId=${w.lyon.id}`, token);
      const draft = res.body.find((d: { id: string }) => d.id === docs.lyonDraft);
      expect(Object.keys(draft).sort()).toEqual(
        [
          'cityId',
          'createdAt',
          'id',
          'kind',
          'language',
          'permissions',
          'phase',
          'published',
          'status',
          'title',
          'updatedAt',
        ].sort(),
      );
      expect(draft.permissions).toEqual(expect.arrayContaining(['read', 'comment', 'edit', 'create_version']));
      const published = (await get(`/api/documents?cityId=${w.tangier.id}`, token)).body[0];
      expect(published.permissions).toEqual(['read']);
    });

    it.each([
      ['kind=poem', 'kind'],
      ['status=lost', 'status'],
      ['cityId=lyon', 'cityId'],
      ['published=maybe', 'published'],
      ['colour=red', 'colour'],
    ])('refuses ?%s naming the field', async (query, field) => {
      const res = await get(`/api/documents?${query}`, w.users.editorLyon.token);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
    });

    it('needs a signed-in caller', async () => {
      expect((await t.http().get('/api/documents')).status).toBe(401);
    });
  });

  describe('read and update', () => {
    it('answers 404 for a document out of reach, a missing one, and a malformed id', async () => {
      expect((await get(`/api/documents/${docs.lyonDraft}`, w.users.editorTangier.token)).status).toBe(404);
      expect((await get(`/api/documents/${docs.programmeDraft}`, w.users.editorLyon.token)).status).toBe(404);
      expect((await get(`/api/documents/${randomUUID()}`, w.users.coordinator.token)).status).toBe(404);
      const malformed = await get(`/api/documents/not-a-uuid`, w.users.coordinator.token);
      expect(malformed.status).toBe(404);
      expect(malformed.body.code).toBe('not_found');
      expect((await get(`/api/documents/${docs.lyonDraft}/content`, w.users.outsider.token)).status).toBe(404);
    });

    it('shows a readable document with the fixed fields', async () => {
      const res = await get(`/api/documents/${docs.lyonPublished}`, w.users.editorTangier.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: docs.lyonPublished,
        cityId: w.lyon.id,
        kind: 'note',
        title: 'Lyon published',
        language: 'en',
        status: 'adopted',
        published: true,
        phase: 'knowledge',
        permissions: ['read'],
      });
      expect(new Date(res.body.updatedAt).toString()).not.toBe('Invalid Date');
    });

    it('lets an editor change title and language, and tells the listeners', async () => {
      const seen: unknown[] = [];
      const listener = (e: unknown) => seen.push(e);
      t.app.get(EventEmitter2).on('document.updated', listener);
      const res = await t
        .http()
        .patch(`/api/documents/${docs.lyonDraft}`)
        .set(bearer(w.users.editorLyon.token))
        .send({ title: '  Lyon draft, revised  ', language: 'fr' });
      t.app.get(EventEmitter2).off('document.updated', listener);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: 'Lyon draft, revised', language: 'fr' });
      expect((await get(`/api/documents/${docs.lyonDraft}`, w.users.observerLyon.token)).body.title).toBe(
        'Lyon draft, revised',
      );
      expect(seen).toEqual([
        { documentId: docs.lyonDraft, userId: w.users.editorLyon.id, changes: ['title', 'language'] },
      ]);
    });

    it('refuses changes: 403 to readers without edit, 404 out of reach, 409 once adopted, 400 on bad input', async () => {
      const patch = (id: string, token: string, body: object) =>
        t.http().patch(`/api/documents/${id}`).set(bearer(token)).send(body);
      expect((await patch(docs.lyonDraft, w.users.stakeholderLyon.token, { title: 'x' })).status).toBe(403);
      expect((await patch(docs.lyonDraft, w.users.observerLyon.token, { title: 'x' })).status).toBe(403);
      expect((await patch(docs.lyonDraft, w.users.coordinator.token, { title: 'x' })).status).toBe(403);
      expect((await patch(docs.lyonDraft, w.users.editorTangier.token, { title: 'x' })).status).toBe(404);
      expect((await patch(docs.lyonPublished, w.users.editorTangier.token, { title: 'x' })).status).toBe(403);
      const frozen = await patch(docs.lyonPublished, w.users.editorLyon.token, { title: 'x' });
      expect(frozen.status).toBe(409);
      expect(frozen.body.message).toContain('adopted');
      for (const [body, field] of [
        [{ language: 'de' }, 'language'],
        [{ title: '' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ status: 'adopted' }, 'status'],
      ] as const) {
        const res = await patch(docs.lyonDraft, w.users.editorLyon.token, body);
        expect(res.status).toBe(400);
        expect(res.body.fields).toContain(field);
      }
    });
  });

  describe('create', () => {
    const post = (token: string, body: object) => t.http().post('/api/documents').set(bearer(token)).send(body);

    it.each(DOCUMENT_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const)))(
      'makes a %s in %s from its template',
      async (kind, language) => {
        const title = `Lyon ${kind.replace('_', ' ')} (${language})`;
        const res = await post(w.users.editorLyon.token, { cityId: w.lyon.id, kind, title, language });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ cityId: w.lyon.id, kind, title, language, status: 'draft', published: false });
        const md = await get(`/api/documents/${res.body.id}/content?format=markdown`, w.users.editorLyon.token);
        expect(md.text).toContain(`# ${title}`);
        // A note is a blank page under its title; the other kinds have their sections.
        const lines = md.text.split('\n').filter((l: string) => l.trim().length > 0);
        expect(lines.length).toBeGreaterThan(kind === 'note' ? 0 : 6);
        const html = await get(`/api/documents/${res.body.id}/content?format=html`, w.users.editorLyon.token);
        if (language === 'ar') {
          if (kind !== 'note') expect(md.text.replace(title, '')).toMatch(ARABIC);
          expect(html.text).toMatch(/<html lang="ar" dir="rtl">/);
        } else {
          expect(md.text).not.toMatch(ARABIC);
          expect(html.text).toMatch(new RegExp(`<html lang="${language}" dir="ltr">`));
        }
      },
    );

    it('stores the template durably and tells the listeners', async () => {
      const seen: unknown[] = [];
      const listener = (e: unknown) => seen.push(e);
      t.app.get(EventEmitter2).on('document.created', listener);
      const res = await post(w.users.editorLyon.token, { cityId: w.lyon.id, kind: 'minutes', language: 'fr' });
      t.app.get(EventEmitter2).off('document.created', listener);
      expect(res.status).toBe(201);
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM document_updates WHERE document_id = $1`,
        [res.body.id],
      );
      expect(count).toBe(1);
      const [{ plain_text }] = await t.db.query(`SELECT plain_text FROM documents WHERE id = $1`, [res.body.id]);
      expect(plain_text.length).toBeGreaterThan(20);
      expect(seen).toEqual([{ documentId: res.body.id, cityId: w.lyon.id, userId: w.users.editorLyon.id }]);
      expect(res.body.title).toMatch(/Lyon/);
    });

    it('defaults the language to the city’s first one and the title to the kind’s', async () => {
      const res = await post(w.users.editorTangier.token, { cityId: w.tangier.id, kind: 'migration_profile' });
      expect(res.status).toBe(201);
      expect(res.body.language).toBe('ar');
      expect(res.body.title).toMatch(ARABIC);
      expect(res.body.title).toContain('طنجة');
    });

    it('lets coordinators create in any city and for the programme; no one else for the programme', async () => {
      const inCity = await post(w.users.coordinator.token, {
        cityId: w.lyon.id,
        kind: 'note',
        title: 'N',
        language: 'en',
      });
      expect(inCity.status).toBe(201);
      const programme = await post(w.users.coordinator.token, {
        kind: 'minutes',
        title: 'Regional event',
        language: 'en',
      });
      expect(programme.status).toBe(201);
      expect(programme.body.cityId).toBeNull();
      const explicitNull = await post(w.users.admin.token, { cityId: null, kind: 'note', title: 'N', language: 'fr' });
      expect(explicitNull.status).toBe(201);
      expect((await post(w.users.editorLyon.token, { kind: 'note', title: 'N', language: 'en' })).status).toBe(403);
      const listed = await listIds(w.users.outsider.token);
      expect(listed).not.toContain(programme.body.id);
    });

    it('refuses stakeholders and observers (403) and cities out of reach or missing (404)', async () => {
      const body = { cityId: w.lyon.id, kind: 'note', title: 'N', language: 'en' };
      expect((await post(w.users.stakeholderLyon.token, body)).status).toBe(403);
      expect((await post(w.users.observerLyon.token, body)).status).toBe(403);
      expect((await post(w.users.editorTangier.token, body)).status).toBe(404);
      expect((await post(w.users.outsider.token, body)).status).toBe(404);
      expect((await post(w.users.coordinator.token, { ...body, cityId: randomUUID() })).status).toBe(404);
    });

    it.each([
      [{ kind: 'essay' }, 'kind'],
      [{ language: 'es' }, 'language'],
      [{ cityId: 'lyon' }, 'cityId'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ published: true }, 'published'],
    ])('refuses %j naming the field', async (override, field) => {
      const res = await post(w.users.editorLyon.token, {
        cityId: w.lyon.id,
        kind: 'note',
        title: 'N',
        language: 'en',
        ...override,
      });
      expect(res.status).toBe(400);
      expect(res.body.fields).toContain(field);
      expect(res.body.message).toContain(field);
    });

    it('refuses a missing kind naming it', async () => {
      const res = await post(w.users.editorLyon.token, { cityId: w.lyon.id, title: 'N' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['kind']);
    });
  });
});
