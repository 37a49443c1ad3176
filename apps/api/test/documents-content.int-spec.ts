import { DocumentStore } from '../src/collab/storage/document-store';
import * as Y from 'yjs';
import {
  bearer,
  binaryParser,
  createDocumentsWorld,
  createDocumentWithText,
  DocumentsWorld,
} from './utils/document-fixtures';
import { createTestApp, TestApp } from './utils/test-app';

describe('document content', () => {
  let t: TestApp;
  let w: DocumentsWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createDocumentsWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, token: string) => t.http().get(path).set(bearer(token));

  describe('rendering', () => {
    let id: string;
    beforeAll(async () => {
      id = (
        await createDocumentWithText(t, { programmeId: w.programmeId, cityId: w.lyon.id, title: 'Accueil à Lyon' }, [
          'Première ligne du document.',
          'Seconde ligne, avec des accents : é à ç.',
        ])
      ).id;
    });
    const content = (format: string, token = w.users.observerLyon.token) =>
      get(`/api/documents/${id}/content${format ? `?format=${format}` : ''}`, token);

    it('renders markdown by default', async () => {
      const res = await content('');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.text).toContain('Première ligne du document.');
      expect(res.text).toContain('Seconde ligne, avec des accents : é à ç.');
    });

    it('renders a standalone HTML page under a strict content security policy', async () => {
      const res = await content('html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).not.toContain('script-src');
      expect(res.text).toMatch(/^<!doctype html>/i);
      expect(res.text).toContain('<p>Première ligne du document.</p>');
      expect(res.text).toContain('Accueil à Lyon');
      expect(res.text).toMatch(/lang="en"/);
    });

    it('renders ProseMirror JSON', async () => {
      const res = await content('json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.type).toBe('doc');
      expect(res.body.content[0]).toEqual({
        type: 'paragraph',
        content: [{ type: 'text', text: 'Première ligne du document.' }],
      });
    });

    it('renders a Word file as an attachment with a safe name', async () => {
      const res = await content('docx').buffer(true).parse(binaryParser);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="accueil-a-lyon.docx"; filename*=UTF-8''Accueil%20%C3%A0%20Lyon.docx`,
      );
      const body = res.body as Buffer;
      expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(body.length).toBeGreaterThan(1000);
    });

    it('refuses an unknown format naming it', async () => {
      const res = await content('pdf');
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual(['format']);
    });

    it('renders the current content, including changes made since it was created', async () => {
      await t.app.get(DocumentStore).change(id, null, (doc) => {
        const text = (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(0, 'Nouveau : ');
      });
      expect((await content('markdown')).text).toContain('Nouveau : Première ligne du document.');
    });

    it('escapes markup in the title and the text of the HTML page', async () => {
      const hostile = await createDocumentWithText(
        t,
        { programmeId: w.programmeId, cityId: w.lyon.id, title: '<script>alert("title")</script>' },
        ['<img src=x onerror="alert(1)"> & <script>alert(2)</script>'],
      );
      const res = await get(`/api/documents/${hostile.id}/content?format=html`, w.users.editorLyon.token);
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/<script/i);
      expect(res.text).not.toMatch(/<img/i);
      expect(res.text).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
      expect(res.text).toContain('&lt;img src=x onerror=');
      expect(res.text).toContain('&amp;');
      const docx = await get(`/api/documents/${hostile.id}/content?format=docx`, w.users.editorLyon.token)
        .buffer(true)
        .parse(binaryParser);
      expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="script-alert-title-script\.docx"/);
      expect(docx.headers['content-disposition']).not.toMatch(/[<>"]\.docx/);
    });
  });
});
