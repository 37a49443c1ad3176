import { EventEmitter2 } from '@nestjs/event-emitter';
import { DOCUMENT_KINDS, LANGUAGES } from '@passerelle/domain';
import { randomUUID } from 'node:crypto';
import { DocumentsRepository } from '../src/modules/documents/documents.repository';
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

    it('lists each document exactly as GET /api/documents/:id shows it, timestamps to the millisecond', async () => {
      // A title that JSON must escape.
      await createDocument(t.db, {
        programmeId: w.programmeId,
        cityId: w.lyon.id,
        title: 'Quote " backslash \\ tab \t bell \u0007 émoji 🐙 عربي </script>',
      });
      // Microseconds that the API's millisecond timestamps cut off (not round).
      await t.db.query(
        `UPDATE documents SET created_at = '2026-03-04 05:06:07.891999+00', updated_at = '2026-03-04 05:06:08.000999+00'
          WHERE id = $1`,
        [docs.lyonPublished],
      );
      for (const who of ['editorLyon', 'stakeholderLyon', 'editorTangier', 'outsider', 'coordinator'] as const) {
        const token = w.users[who].token;
        const list = (await get('/api/documents', token)).body as Array<{ id: string }>;
        expect(list.length).toBeGreaterThan(0);
        for (const item of list) {
          const one = await get(`/api/documents/${item.id}`, token);
          expect(one.status).toBe(200);
          // The same fields in the same order, the same values (the permissions of this caller).
          expect(JSON.stringify(item)).toBe(JSON.stringify(one.body));
        }
      }
      const published = (await get(`/api/documents?cityId=${w.lyon.id}`, w.users.outsider.token)).body;
      expect(published).toEqual([
        expect.objectContaining({
          id: docs.lyonPublished,
          createdAt: '2026-03-04T05:06:07.891Z',
          updatedAt: '2026-03-04T05:06:08.000Z',
        }),
      ]);
    });

    describe('sent again while unchanged', () => {
      /** How many times the list was read and serialized, and how many times only checked, while `fn` ran. */
      const work = async (fn: () => Promise<unknown>) => {
        const repo = t.app.get(DocumentsRepository);
        const read = jest.spyOn(repo, 'findReadableList');
        const checked = jest.spyOn(repo, 'listFingerprint');
        try {
          await fn();
          return { read: read.mock.calls.length, checked: checked.mock.calls.length };
        } finally {
          read.mockRestore();
          checked.mockRestore();
        }
      };
      const titles = async (token: string, query = '') =>
        ((await get(`/api/documents${query}`, token)).body as Array<{ id: string; title: string }>).map(
          (d) => `${d.id}:${d.title}`,
        );

      it('sends the same bytes again only after the database confirms that nothing listed changed', async () => {
        const token = w.users.outsider.token;
        const first = await get('/api/documents', token);
        const again = await get('/api/documents', token);
        expect(again.text).toBe(first.text);
        expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(again.headers.etag).toBe(first.headers.etag);
        expect(await work(() => get('/api/documents', token))).toEqual({ read: 0, checked: 1 });
        // A client that has it gets 304.
        const unchanged = await get('/api/documents', token).set('If-None-Match', first.headers.etag);
        expect(unchanged.status).toBe(304);
      });

      it('shows any change to a listed document at once, even one made behind the services’ back', async () => {
        const token = w.users.outsider.token;
        const { id } = await createDocument(t.db, {
          programmeId: w.programmeId,
          cityId: w.tangier.id,
          title: 'Gazette',
          status: 'adopted',
          published: true,
        });
        expect(await titles(token)).toContain(`${id}:Gazette`);
        expect(await titles(token)).toContain(`${id}:Gazette`);
        // A new title, its update time left alone: the list still changes.
        await t.db.query(`UPDATE documents SET title = 'Gazette (2)' WHERE id = $1`, [id]);
        expect(await work(async () => expect(await titles(token)).toContain(`${id}:Gazette (2)`))).toEqual({
          read: 1,
          checked: 1,
        });
        // No longer published: gone for the outsider at once, and from their pages too.
        await t.db.query(`UPDATE documents SET published = false WHERE id = $1`, [id]);
        expect(await listIds(token)).not.toContain(id);
        expect(await listIds(token, '?limit=1000')).not.toContain(id);
        await t.db.query(`UPDATE documents SET published = true WHERE id = $1`, [id]);
        expect(await listIds(token)).toContain(id);
        // Two documents trading titles (in one statement): the list changes although the set of
        // titles does not.
        const other = await createDocument(t.db, {
          programmeId: w.programmeId,
          cityId: w.tangier.id,
          title: 'Almanac',
          status: 'adopted',
          published: true,
        });
        expect(await titles(token)).toEqual(expect.arrayContaining([`${id}:Gazette (2)`, `${other.id}:Almanac`]));
        await t.db.query(
          `UPDATE documents SET title = CASE id WHEN $1 THEN 'Almanac' ELSE 'Gazette (2)' END WHERE id IN ($1, $2)`,
          [id, other.id],
        );
        expect(await titles(token)).toEqual(expect.arrayContaining([`${id}:Almanac`, `${other.id}:Gazette (2)`]));
        await t.db.query(`DELETE FROM documents WHERE id IN ($1, $2)`, [id, other.id]);
        const left = await listIds(token);
        expect(left).not.toContain(id);
        expect(left).not.toContain(other.id);
      });

      it('keeps lists apart by access scope and by request', async () => {
        const editorLyon = w.users.editorLyon.token;
        const editorTangier = w.users.editorTangier.token;
        await get('/api/documents', editorLyon);
        await get('/api/documents', editorTangier);
        const lyon = await get('/api/documents', editorLyon);
        const tangier = await get('/api/documents', editorTangier);
        const ids = (res: { body: Array<{ id: string }> }) => res.body.map((d) => d.id);
        expect(ids(lyon)).toContain(docs.lyonDraft);
        expect(ids(lyon)).not.toContain(docs.tangierDraft);
        expect(ids(tangier)).toContain(docs.tangierDraft);
        expect(ids(tangier)).not.toContain(docs.lyonDraft);
        // The permissions are the caller's own, even when the documents are the same.
        const lyonView = lyon.body.find((d: { id: string }) => d.id === docs.lyonPublished);
        const tangierView = tangier.body.find((d: { id: string }) => d.id === docs.lyonPublished);
        expect(lyonView.permissions).toContain('comment');
        expect(tangierView.permissions).toEqual(['read']);
        expect(await listIds(editorLyon, `?cityId=${w.tangier.id}`)).toEqual([docs.tangierPublished]);
        expect(await listIds(editorLyon, `?limit=1`)).toHaveLength(1);
      });
    });

    it('pages with limit and offset through the same order, newest change first', async () => {
      const token = w.users.coordinator.token;
      const all = await listIds(token);
      expect(all.length).toBeGreaterThanOrEqual(5);
      const pages: string[] = [];
      for (let offset = 0; offset < all.length; offset += 2) {
        const page = await listIds(token, `?limit=2&offset=${offset}`);
        expect(page.length).toBeLessThanOrEqual(2);
        pages.push(...page);
      }
      expect(pages).toEqual(all);
      expect(await listIds(token, `?limit=2`)).toEqual(all.slice(0, 2));
      expect(await listIds(token, `?offset=${all.length}`)).toEqual([]);
      // Pages are taken among what the caller may read only.
      const outsider = await listIds(w.users.outsider.token, `?limit=1000`);
      expect(outsider).toEqual(await listIds(w.users.outsider.token));
      expect(outsider).not.toContain(docs.lyonDraft);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=ten', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=1.5', 'offset'],
    ])('refuses ?%s naming the field', async (query, field) => {
      const res = await get(`/api/documents?${query}`, w.users.editorLyon.token);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
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
