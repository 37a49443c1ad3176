import type { DocumentKind, DocumentStatus, Language } from '@passerelle/domain';
import type { Test } from 'supertest';
import * as Y from 'yjs';
import { DocumentStore } from '../../src/collab/storage/document-store';
import { createCity, createDocument, createProgramme, createUser } from './factories';
import type { TestApp } from './test-app';

/**
 * A small programme like the demo one, for the documents and versions tests: Lyon (French) and
 * Tangier (Arabic) with one person per column of the access table, each signed in.
 */
export interface DocumentsWorld {
  programmeId: string;
  lyon: { id: string; slug: string };
  tangier: { id: string; slug: string };
  users: Record<WorldUser, { id: string; email: string; token: string }>;
}

export type WorldUser =
  'admin' | 'coordinator' | 'editorLyon' | 'editorTangier' | 'stakeholderLyon' | 'observerLyon' | 'outsider';

export async function createDocumentsWorld(t: TestApp): Promise<DocumentsWorld> {
  const db = t.db;
  const programme = await createProgramme(db);
  const lyon = await createCity(db, programme.id, { name: 'Lyon' });
  const tangier = await createCity(db, programme.id, { name: 'Tangier' });
  await db.query(`UPDATE cities SET languages = '{fr,en}', names = $2 WHERE id = $1`, [
    lyon.id,
    { en: 'Lyon', fr: 'Lyon', ar: 'ليون' },
  ]);
  await db.query(`UPDATE cities SET languages = '{ar,fr}', names = $2 WHERE id = $1`, [
    tangier.id,
    { en: 'Tangier', fr: 'Tanger', ar: 'طنجة' },
  ]);
  const specs: Record<WorldUser, Parameters<typeof createUser>[1]> = {
    admin: { role: 'admin' },
    coordinator: { role: 'coordinator', name: 'Claire Coordinator' },
    editorLyon: { name: 'Julien Editor', memberships: [{ cityId: lyon.id, role: 'editor' }] },
    editorTangier: { memberships: [{ cityId: tangier.id, role: 'editor' }] },
    stakeholderLyon: { memberships: [{ cityId: lyon.id, role: 'stakeholder' }] },
    observerLyon: { memberships: [{ cityId: lyon.id, role: 'observer' }] },
    outsider: {},
  };
  const users = {} as DocumentsWorld['users'];
  for (const [key, spec] of Object.entries(specs) as Array<[WorldUser, Parameters<typeof createUser>[1]]>) {
    const user = await createUser(db, spec);
    users[key] = { ...user, token: await t.login(user.email) };
  }
  return { programmeId: programme.id, lyon, tangier, users };
}

/** A document row with a little real content in the store (as if someone had typed it). */
export async function createDocumentWithText(
  t: TestApp,
  fields: {
    programmeId: string;
    cityId: string | null;
    kind?: DocumentKind;
    title?: string;
    language?: Language;
    status?: DocumentStatus;
    published?: boolean;
  },
  paragraphs: string[] = [],
): Promise<{ id: string }> {
  const doc = await createDocument(t.db, fields);
  if (paragraphs.length > 0) await appendParagraphs(t, doc.id, paragraphs);
  return doc;
}

/** Appends paragraphs through the store, as a server-made change (stored, then live). */
export async function appendParagraphs(t: TestApp, documentId: string, paragraphs: string[]): Promise<void> {
  await t.app.get(DocumentStore).change(documentId, null, (doc) => {
    const fragment = doc.getXmlFragment('default');
    fragment.insert(
      fragment.length,
      paragraphs.map((text) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        return paragraph;
      }),
    );
  });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A supertest parser that keeps a binary body as a Buffer (for docx). */
type Parser = Extract<Parameters<Test['parse']>[0], (res: never, callback: never) => void>;
export const binaryParser: Parser = (res, done) => {
  // In Node, the response handed to a parser is the incoming message stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => done(err, null));
};
