import {
  COLLAB_NAMESPACE,
  CollabAck,
  CollabSocket,
  createCollabSocket,
  readSyncMessage,
  SocketIOProvider,
  syncStep1,
  toUint8Array,
  updateMessage,
} from '@passerelle/collab';
import type { CollabAccess } from '@passerelle/domain';
import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { createCity, createDocument, createProgramme, createUser } from './factories';

/** Helpers for the collaboration socket tests: a small world of people and documents, sockets, waiting. */

export interface CollabWorld {
  programmeId: string;
  cityId: string;
  documentId: string;
  people: Record<
    'editor' | 'editor2' | 'stakeholder' | 'observer' | 'coordinator' | 'other',
    { id: string; email: string }
  >;
}

/** A city with one person per column of the access table, and a draft document of that city. */
export async function createCollabWorld(db: DataSource): Promise<CollabWorld> {
  const programme = await createProgramme(db);
  const city = await createCity(db, programme.id);
  const elsewhere = await createCity(db, programme.id);
  const member = (role: 'editor' | 'stakeholder' | 'observer', cityId = city.id) =>
    createUser(db, { memberships: [{ cityId, role }] });
  const people = {
    editor: await member('editor'),
    editor2: await member('editor'),
    stakeholder: await member('stakeholder'),
    observer: await member('observer'),
    coordinator: await createUser(db, { role: 'coordinator' }),
    other: await member('editor', elsewhere.id),
  };
  const doc = await createDocument(db, { programmeId: programme.id, cityId: city.id });
  return { programmeId: programme.id, cityId: city.id, documentId: doc.id, people };
}

/** A raw Socket.IO client of the namespace, connected (rejects with the connect_error). */
export function connectRaw(url: string, token: string | undefined): Promise<CollabSocket> {
  const socket: CollabSocket = io(url + COLLAB_NAMESPACE, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

type AnyAck = CollabAck<{ access?: CollabAccess }>;

/** Emits a client event and resolves with its acknowledgement. */
export function request(socket: CollabSocket, event: string, payload: unknown): Promise<AnyAck> {
  return new Promise((resolve) => {
    (socket as unknown as { emit(e: string, p: unknown, cb: (a: AnyAck) => void): void }).emit(event, payload, resolve);
  });
}

/**
 * A raw client that joins a document and keeps a Y.Doc in step with the server by hand
 * (for tests that need per-message acknowledgements).
 */
export class RawClient {
  readonly doc = new Y.Doc();
  readonly awarenessMessages: Uint8Array[] = [];
  readonly accessChanges: Array<CollabAccess | null> = [];
  /** The server's answer to our step 1 has arrived. */
  synced = false;

  private constructor(
    readonly socket: CollabSocket,
    readonly documentId: string,
  ) {
    socket.on('doc:sync', ({ documentId: id, message }) => {
      if (id !== documentId) return;
      const decoded = readSyncMessage(toUint8Array(message)!);
      if (decoded.type !== 'step1') Y.applyUpdate(this.doc, decoded.update, 'server');
      if (decoded.type === 'step2') this.synced = true;
    });
    socket.on('doc:awareness', ({ documentId: id, message }) => {
      if (id === documentId) this.awarenessMessages.push(toUint8Array(message)!);
    });
    socket.on('doc:access', ({ documentId: id, access }) => {
      if (id === documentId) this.accessChanges.push(access);
    });
  }

  static async join(url: string, token: string, documentId: string): Promise<{ client: RawClient; ack: AnyAck }> {
    const client = new RawClient(await connectRaw(url, token), documentId);
    const ack = await request(client.socket, 'doc:join', { documentId });
    if (ack.ok) await request(client.socket, 'doc:sync', { documentId, message: syncStep1(client.doc) });
    return { client, ack };
  }

  /** Makes a local change and sends it as one update message; resolves with the acknowledgement. */
  edit(change: (doc: Y.Doc) => void): Promise<AnyAck> {
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array, origin: unknown) => origin !== 'server' && updates.push(update);
    this.doc.on('update', capture);
    this.doc.transact(() => change(this.doc));
    this.doc.off('update', capture);
    return this.sendUpdate(Y.mergeUpdates(updates));
  }

  sendUpdate(update: Uint8Array): Promise<AnyAck> {
    return request(this.socket, 'doc:sync', { documentId: this.documentId, message: updateMessage(update) });
  }

  close(): void {
    this.socket.close();
  }
}

/** A provider on its own socket. */
export function provider(url: string, token: string, documentId: string, doc = new Y.Doc()): SocketIOProvider {
  return new SocketIOProvider(url, documentId, doc, { token });
}

export { createCollabSocket };

/** Polls until `check` holds (or fails with `what` after `timeoutMs`). */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The document as stored: snapshot plus every update row, read into a fresh Y.Doc. */
export async function storedDoc(db: DataSource, documentId: string): Promise<Y.Doc> {
  const rows: Array<{ data: Buffer }> = await db.query(
    `SELECT data FROM document_snapshots WHERE document_id = $1
     UNION ALL SELECT data FROM document_updates WHERE document_id = $1`,
    [documentId],
  );
  const doc = new Y.Doc();
  if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => new Uint8Array(r.data))));
  return doc;
}

/** A canonical view of the content to compare documents: the XML of `default` plus every map. */
export function contentOf(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toString();
}
