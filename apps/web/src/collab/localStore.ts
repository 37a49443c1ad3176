import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** Where a document's content is kept in the browser between visits and while offline. */
export interface LocalStore {
  /** Resolves once what was kept has been applied to the document. */
  whenSynced: Promise<unknown>;
  destroy(): Promise<void> | void;
}

export type OpenLocalStore = (name: string, doc: Y.Doc) => LocalStore | null;

/** IndexedDB through y-indexeddb; null where IndexedDB is missing (the editor then works online only). */
export const openIndexedDbStore: OpenLocalStore = (name, doc) => {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return new IndexeddbPersistence(name, doc);
  } catch {
    return null;
  }
};

/** One database per person and document: two people sharing a browser never mix their offline edits. */
export const localStoreName = (userId: string, documentId: string) => `passerelle:${userId}:${documentId}`;
