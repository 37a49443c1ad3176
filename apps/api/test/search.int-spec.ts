import type { DocumentStatus, Language } from '@passerelle/domain';
import * as Y from 'yjs';
import { DocumentStore } from '../src/collab/storage/document-store';
import { DocumentsService } from '../src/modules/documents/documents.service';
import { SearchRepository } from '../src/modules/search/search.repository';
import { escapeForSnippet, FOLD_FROM, foldAccents } from '../src/modules/search/snippet';
import { anchorsOf } from './utils/comment-fixtures';
import { bearer, createDocumentsWorld, createDocumentWithText, DocumentsWorld } from './utils/document-fixtures';
import { createDocument, createUser } from './utils/factories';
import { createTestApp, TestApp } from './utils/test-app';

interface Result {
  type: string;
  id: string;
  title: string;
  snippet: string;
  documentId?: string;
  threadId?: string;
  cityId: string | null;
  city: { slug: string; name: string } | null;
  language: string;
  rank: number;
}

describe('search', () => {
  let t: TestApp;
  let w: DocumentsWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createDocumentsWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const search = (query: string, token = w.users.coordinator.token) =>
    t.http().get(`/api/search?${query}`).set(bearer(token));
  const find = async (q: string, token?: string, extra = ''): Promise<{ results: Result[]; total: number }> => {
    const res = await search(`q=${encodeURIComponent(q)}${extra}`, token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const ids = async (q: string, token?: string, extra = '') => (await find(q, token, extra)).results.map((r) => r.id);

  /** A document whose text is written and indexed now (as the server does after a restore). */
  const doc = async (
    fields: { cityId: string | null; title: string; language: Language; status?: DocumentStatus; published?: boolean },
    paragraphs: string[],
  ) => {
    const created = await createDocumentWithText(t, { programmeId: w.programmeId, ...fields }, paragraphs);
    await t.app.get(DocumentsService).refreshPlainText(created.id);
    return created.id;
  };

  const comment = async (documentId: string, body: string, deleted = false) => {
    const [thread] = await t.db.query(
      `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote) VALUES ($1, '\\x00', '\\x00', 'q') RETURNING id`,
      [documentId],
    );
    const [row] = await t.db.query(
      `INSERT INTO comments (thread_id, body, deleted_at) VALUES ($1, $2, $3) RETURNING id`,
      [thread.id, body, deleted ? new Date() : null],
    );
    return { threadId: thread.id as string, commentId: row.id as string };
  };

  describe('ranking and languages', () => {
    it('ranks a title match above a match in the text', async () => {
      const inBody = await doc({ cityId: w.lyon.id, title: 'Quarterly notes', language: 'en' }, [
        'The lighthouse team met the associations of the neighbourhood.',
      ]);
      const inTitle = await doc({ cityId: w.lyon.id, title: 'The lighthouse programme', language: 'en' }, [
        'A programme for newcomers and their families.',
      ]);
      const { results, total } = await find('lighthouse');
      expect(results.map((r) => r.id)).toEqual([inTitle, inBody]);
      expect(results[0].rank).toBeGreaterThan(results[1].rank);
      expect(total).toBe(2);
      expect(results[0]).toMatchObject({
        type: 'document',
        documentId: inTitle,
        cityId: w.lyon.id,
        city: { slug: w.lyon.slug, name: 'Lyon' },
        language: 'en',
      });
    });

    it('finds Arabic text with an Arabic query, through Arabic stemming', async () => {
      const id = await doc({ cityId: w.tangier.id, title: 'استقبال الوافدين', language: 'ar' }, [
        'تستقبل المدينة اللاجئين في مراكز الاستقبال.',
      ]);
      const { results } = await find('لاجئ');
      expect(results.map((r) => r.id)).toContain(id);
      const hit = results.find((r) => r.id === id)!;
      expect(hit.language).toBe('ar');
      expect(hit.snippet).toContain('<mark>اللاجئين</mark>');
    });

    it('finds French text with or without accents, and shows the accented words highlighted', async () => {
      const id = await doc({ cityId: w.lyon.id, title: 'Accueil à la Guillotière', language: 'fr' }, [
        "L'éducation des enfants réfugiés est une priorité du quartier.",
      ]);
      for (const q of ['réfugiés', 'refugies', 'Éducation', 'education', 'guillotiere']) {
        expect(await ids(q)).toContain(id);
      }
      const { results } = await find('refugies');
      expect(results.find((r) => r.id === id)!.snippet).toContain('<mark>réfugiés</mark>');
    });

    it('stems English words: "refugees" finds "refugee"', async () => {
      const id = await doc({ cityId: w.lyon.id, title: 'Family support', language: 'en' }, [
        'Every refugee family gets a mentor in its first month.',
      ]);
      expect(await ids('refugees')).toContain(id);
      expect(await ids('mentoring')).toContain(id);
    });

    it('answers words that are not there with nothing', async () => {
      expect(await find('xylophonist')).toEqual({ results: [], total: 0 });
    });
  });

  describe('access', () => {
    let draft: string;
    let published: string;
    beforeAll(async () => {
      draft = await doc({ cityId: w.lyon.id, title: 'Quokka census draft', language: 'en' }, ['quokka counts']);
      published = await doc(
        { cityId: w.lyon.id, title: 'Quokka census', language: 'en', status: 'adopted', published: true },
        ['quokka counts, adopted'],
      );
    });

    it('shows a Tangier editor Lyon’s published documents but not its drafts, even in the total', async () => {
      const { results, total } = await find('quokka', w.users.editorTangier.token);
      expect(results.map((r) => r.id)).toEqual([published]);
      expect(total).toBe(1);
    });

    it('shows Lyon’s members and coordinators both', async () => {
      for (const user of ['editorLyon', 'observerLyon', 'coordinator', 'admin'] as const) {
        expect((await ids('quokka', w.users[user].token)).sort()).toEqual([draft, published].sort());
      }
      expect(await ids('quokka', w.users.outsider.token)).toEqual([published]);
    });

    it('returns comments only of documents the reader can read, and never deleted ones', async () => {
      const onDraft = await comment(draft, 'The wombat figures look wrong here.');
      const onPublished = await comment(published, 'A wombat question for the next workshop.');
      await comment(published, 'A deleted wombat remark.', true);
      const lyon = await find('wombat', w.users.editorLyon.token);
      expect(lyon.results.map((r) => r.id).sort()).toEqual([onDraft.commentId, onPublished.commentId].sort());
      const hit = lyon.results.find((r) => r.id === onDraft.commentId)!;
      expect(hit).toMatchObject({
        type: 'comment',
        documentId: draft,
        threadId: onDraft.threadId,
        title: 'Quokka census draft',
        cityId: w.lyon.id,
      });
      expect(hit.snippet).toContain('<mark>wombat</mark>');
      const tangier = await find('wombats', w.users.editorTangier.token);
      expect(tangier.results.map((r) => r.id)).toEqual([onPublished.commentId]);
    });

    it('returns pilot projects only to their city’s members and coordinators', async () => {
      const [project] = await t.db.query(
        `INSERT INTO pilot_projects (city_id, title, summary) VALUES ($1, 'Capybara shelter', 'A shelter run with the capybara association.') RETURNING id`,
        [w.tangier.id],
      );
      const tangier = await find('capybara', w.users.editorTangier.token);
      expect(tangier.results).toEqual([
        expect.objectContaining({
          type: 'pilot_project',
          id: project.id,
          title: 'Capybara shelter',
          cityId: w.tangier.id,
        }),
      ]);
      expect(tangier.results[0].snippet).toContain('<mark>capybara</mark>');
      expect(tangier.results[0].documentId).toBeUndefined();
      expect(await ids('capybara', w.users.coordinator.token)).toEqual([project.id]);
      expect(await ids('capybara', w.users.editorLyon.token)).toEqual([]);
      expect(await ids('capybara', w.users.outsider.token)).toEqual([]);
    });

    it('filters by type and by city', async () => {
      const onlyDocs = await find('quokka', w.users.editorLyon.token, '&types=document');
      expect(onlyDocs.results.every((r) => r.type === 'document')).toBe(true);
      const onlyComments = await find('wombat', w.users.editorLyon.token, '&types=comment,pilot_project');
      expect(onlyComments.results.length).toBeGreaterThan(0);
      expect(onlyComments.results.every((r) => r.type === 'comment')).toBe(true);
      expect(await ids('quokka', w.users.coordinator.token, `&cityId=${w.tangier.id}`)).toEqual([]);
      expect((await ids('quokka', w.users.coordinator.token, `&cityId=${w.lyon.id}`)).length).toBe(2);
    });

    it('pages with limit but counts every match in total', async () => {
      const page = await find('quokka', w.users.coordinator.token, '&limit=1');
      expect(page.results).toHaveLength(1);
      expect(page.total).toBe(2);
    });
  });

  it('escapes the text of snippets and keeps only the <mark> tags', async () => {
    await doc({ cityId: w.lyon.id, title: 'Hostile text', language: 'en' }, [
      `The narwhal's tale <script>alert("x")</script> & <b>bold</b>`,
    ]);
    const { results } = await find('narwhal');
    const snippet = results[0].snippet;
    expect(snippet).toContain('<mark>narwhal</mark>');
    expect(snippet).toContain('&lt;script&gt;');
    expect(snippet).toContain('&quot;x&quot;');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('finds a word within seconds of an edit to the live document', async () => {
    const { id } = await createDocument(t.db, { programmeId: w.programmeId, cityId: w.lyon.id, title: 'Live notes' });
    expect(await ids('pangolin')).toEqual([]);
    await t.app.get(DocumentStore).change(id, w.users.editorLyon.id, (ydoc) => {
      const fragment = ydoc.getXmlFragment('default');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('The pangolin corridor was discussed.')]);
      fragment.insert(fragment.length, [paragraph]);
    });
    const deadline = Date.now() + 10_000;
    let found: string[] = [];
    while (Date.now() < deadline) {
      found = await ids('pangolin');
      if (found.includes(id)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(found).toEqual([id]);
  });

  describe('cached answers', () => {
    /** How many times the page was computed (read from the database) while `fn` ran. */
    const computations = async (fn: () => Promise<unknown>) => {
      const spy = jest.spyOn(t.app.get(SearchRepository), 'findPage');
      try {
        await fn();
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };

    it('shares an answer only between readers of the same access scope, and never leaks a draft', async () => {
      const draft = await doc({ cityId: w.lyon.id, title: 'Okapi survey', language: 'en' }, [
        'The okapi count of the Lyon draft.',
      ]);
      const otherLyonEditor = await createUser(t.db, { memberships: [{ cityId: w.lyon.id, role: 'editor' }] });
      const otherToken = await t.login(otherLyonEditor.email);

      expect(await computations(() => ids('okapi', w.users.editorLyon.token))).toBe(1);
      // Another editor of Lyon only (same role, same city): the same answer, not computed again.
      expect(await computations(async () => expect(await ids('okapi', otherToken)).toEqual([draft]))).toBe(0);
      // Readers of other scopes get their own answers, computed for them, even right after.
      for (const who of ['editorTangier', 'outsider', 'stakeholderLyon', 'coordinator'] as const) {
        const readable = who === 'stakeholderLyon' || who === 'coordinator';
        expect(
          await computations(async () =>
            expect(await find('okapi', w.users[who].token)).toMatchObject({
              total: readable ? 1 : 0,
              results: readable ? [expect.objectContaining({ id: draft })] : [],
            }),
          ),
        ).toBe(1);
      }
      // A different page or filter is a different answer.
      expect(await computations(() => ids('okapi', w.users.editorLyon.token, '&limit=5'))).toBe(1);
      expect(await computations(() => ids('okapi', w.users.editorLyon.token, '&types=comment'))).toBe(1);
    });

    it('forgets answers at once when a document is unpublished: its reader outside the city loses it', async () => {
      const { id } = await createDocumentWithText(
        t,
        { programmeId: w.programmeId, cityId: w.lyon.id, title: 'Axolotl report', status: 'adopted', published: true },
        ['The axolotl pond is restored.'],
      );
      await t.app.get(DocumentsService).refreshPlainText(id);
      expect(await ids('axolotl', w.users.editorTangier.token)).toEqual([id]);
      expect(await ids('axolotl', w.users.editorTangier.token)).toEqual([id]);
      const res = await t.http().post(`/api/documents/${id}/unpublish`).set(bearer(w.users.coordinator.token));
      expect(res.status).toBe(200);
      expect(await find('axolotl', w.users.editorTangier.token)).toEqual({ results: [], total: 0 });
      expect(await ids('axolotl', w.users.editorLyon.token)).toEqual([id]);
    });

    it('forgets answers at once when a comment is written or a title changes', async () => {
      const id = await doc({ cityId: w.lyon.id, title: 'Harbour notes', language: 'en' }, [
        'The harbour committee met on Tuesday.',
      ]);
      const token = w.users.editorLyon.token;
      expect(await ids('tapir', token)).toEqual([]);
      expect(await ids('manatee', token)).toEqual([]);
      const anchor = await anchorsOf(t, id, 'harbour committee');
      const thread = await t.http().post(`/api/documents/${id}/threads`).set(bearer(token)).send({
        anchor,
        quote: 'harbour committee',
        body: 'Ask the tapir association to join.',
      });
      expect(thread.status).toBe(201);
      expect(await find('tapir', token)).toMatchObject({
        total: 1,
        results: [{ type: 'comment', documentId: id, snippet: expect.stringContaining('<mark>tapir</mark>') }],
      });
      const renamed = await t
        .http()
        .patch(`/api/documents/${id}`)
        .set(bearer(token))
        .send({ title: 'Manatee harbour' });
      expect(renamed.status).toBe(200);
      expect(await ids('manatee', token)).toEqual([id]);
    });
  });

  it('folds and escapes passages exactly as the database folds and escapes the text it indexes', async () => {
    const text = `${FOLD_FROM} Ça & <b>"l'été"</b> \u0001x\u0002 العربية ß Œ ñ`;
    const [row] = await t.db.query(`SELECT passerelle_fold($1) AS folded, passerelle_search_escape($1) AS escaped`, [
      text,
    ]);
    expect(foldAccents(text)).toBe(row.folded);
    expect(escapeForSnippet(text)).toBe(row.escaped);
  });

  it('keeps the search indexes without a pending list, so that every search reads them the same way', async () => {
    const rows: Array<{ relname: string; reloptions: string[] }> = await t.db.query(
      `SELECT relname, reloptions FROM pg_class
        WHERE relname IN ('documents_search_idx', 'comments_search_idx', 'pilot_projects_search_idx')`,
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.reloptions).toContain('fastupdate=off');
  });

  it('describes search, the library, the dashboard and the report in the OpenAPI document', async () => {
    const paths = Object.keys((await t.http().get('/api/docs/json')).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/search',
        '/api/good-practices',
        '/api/good-practices/{documentId}/themes',
        '/api/good-practices/{documentId}/adoptions/{adoptionId}',
        '/api/dashboard',
        '/api/reports/programme',
      ]),
    );
  });

  describe('invalid input', () => {
    it.each([
      ['an empty q', 'q=', ['q']],
      ['a blank q', 'q=%20%20', ['q']],
      ['no q', '', ['q']],
      ['a q over 200 characters', `q=${'a'.repeat(201)}`, ['q']],
      ['an unknown type', 'q=x&types=document,users', ['types']],
      ['a limit of 0', 'q=x&limit=0', ['limit']],
      ['a city that is not an id', 'q=x&cityId=lyon', ['cityId']],
    ])('answers 400 for %s, naming the field', async (_, query, fields) => {
      const res = await search(query);
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(fields);
    });

    it('takes SQL and search operators as words', async () => {
      for (const q of [`'); DROP TABLE documents; --`, '!!! & | :* <->', '"unclosed', '-']) {
        const res = await search(`q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
      }
      expect((await t.db.query(`SELECT count(*)::int AS n FROM documents`))[0].n).toBeGreaterThan(0);
    });

    it('requires a signed-in caller', async () => {
      expect((await t.http().get('/api/search?q=quokka')).status).toBe(401);
    });
  });
});
