import { EventEmitter2 } from '@nestjs/event-emitter';
import { LIVE_NAMESPACE, type Ack } from '@passerelle/domain';
import { getSchema } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from '@tiptap/y-tiptap';
import { io, Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { DocumentStore } from '../../src/collab/storage/document-store';
import { bearer } from './document-fixtures';
import type { TestApp } from './test-app';

/** Helpers for the comment thread and suggestion tests. */

const schema = getSchema([StarterKit, TableKit]);

/** A copy of the live document, so that reading it the editor's way cannot touch the real one. */
async function liveCopy(t: TestApp, documentId: string): Promise<Y.Doc> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(await t.app.get(DocumentStore).get(documentId)));
  return copy;
}

/** The ProseMirror positions of the `occurrence`-th appearance of `needle` in one block of the live document. */
export async function rangeOf(t: TestApp, documentId: string, needle: string, occurrence = 0) {
  const copy = await liveCopy(t, documentId);
  const { doc, mapping } = initProseMirrorDoc(copy.getXmlFragment('default'), schema);
  const found: Array<{ from: number; to: number }> = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Positions inside a block of plain text (and marks) are its character offsets.
    const text = node.textContent;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      found.push({ from: pos + 1 + i, to: pos + 1 + i + needle.length });
    }
    return false;
  });
  if (!found[occurrence]) throw new Error(`"${needle}" #${occurrence} not found in ${documentId}`);
  return { ...found[occurrence], copy, mapping };
}

/** Anchors around `needle`, made as the web editor makes them (y-tiptap, base64). */
export async function anchorsOf(t: TestApp, documentId: string, needle: string, occurrence = 0) {
  const { from, to, copy, mapping } = await rangeOf(t, documentId, needle, occurrence);
  const encode = (pos: number) =>
    Buffer.from(
      Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, copy.getXmlFragment('default'), mapping)),
    ).toString('base64');
  return { start: encode(from), end: encode(to) };
}

/** The Y.XmlText of the live document that holds `needle`, and where. */
export function textHolding(doc: Y.Doc, needle: string): { text: Y.XmlText; index: number } {
  const visit = (type: Y.XmlFragment): { text: Y.XmlText; index: number } | null => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        const plain = (child.toDelta() as Array<{ insert: unknown }>).map((op) => String(op.insert)).join('');
        if (plain.includes(needle)) return { text: child, index: plain.indexOf(needle) };
      } else if (child instanceof Y.XmlElement) {
        const inner = visit(child);
        if (inner) return inner;
      }
    }
    return null;
  };
  const found = visit(doc.getXmlFragment('default'));
  if (!found) throw new Error(`"${needle}" not found`);
  return found;
}

/** Edits the live document as the server would, next to `needle` (every open editor receives it). */
export async function editAround(
  t: TestApp,
  documentId: string,
  needle: string,
  edit: (text: Y.XmlText, index: number) => void,
  userId: string | null = null,
): Promise<void> {
  await t.app.get(DocumentStore).change(documentId, userId, (doc) => {
    const { text, index } = textHolding(doc, needle);
    edit(text, index);
  });
}

/** The plain text of the live document's blocks, one per line. */
export async function liveText(t: TestApp, documentId: string): Promise<string> {
  return blocksText(await t.app.get(DocumentStore).get(documentId));
}

export function blocksText(doc: Y.Doc): string {
  const lines: string[] = [];
  const visit = (type: Y.XmlFragment) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) {
        const texts = child.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText);
        if (texts.length > 0 || child.nodeName === 'paragraph' || child.nodeName === 'heading') {
          lines.push(
            texts.map((x) => (x.toDelta() as Array<{ insert: unknown }>).map((op) => op.insert).join('')).join(''),
          );
        }
        visit(child);
      }
    }
  };
  visit(doc.getXmlFragment('default'));
  return lines.join('\n');
}

/** Records the events emitted under these names until `stop()`. */
export function recordEvents(t: TestApp, names: string[]) {
  const emitter = t.app.get(EventEmitter2);
  const seen: Record<string, Array<Record<string, unknown>>> = Object.fromEntries(names.map((n) => [n, []]));
  const listeners = names.map((name) => {
    const listener = (payload: Record<string, unknown>) => seen[name].push(payload);
    emitter.on(name, listener);
    return () => emitter.off(name, listener);
  });
  return { seen, stop: () => listeners.forEach((off) => off()) };
}

export const threadsApi = (t: TestApp) => ({
  list: (documentId: string, token: string) => t.http().get(`/api/documents/${documentId}/threads`).set(bearer(token)),
  open: (documentId: string, token: string, body: object) =>
    t.http().post(`/api/documents/${documentId}/threads`).set(bearer(token)).send(body),
  get: (threadId: string, token: string) => t.http().get(`/api/threads/${threadId}`).set(bearer(token)),
  reply: (threadId: string, token: string, body: unknown) =>
    t.http().post(`/api/threads/${threadId}/comments`).set(bearer(token)).send({ body }),
  resolve: (threadId: string, token: string, resolved: unknown) =>
    t.http().patch(`/api/threads/${threadId}`).set(bearer(token)).send({ resolved }),
  editComment: (commentId: string, token: string, body: unknown) =>
    t.http().patch(`/api/comments/${commentId}`).set(bearer(token)).send({ body }),
  deleteComment: (commentId: string, token: string) => t.http().delete(`/api/comments/${commentId}`).set(bearer(token)),
  accept: (threadId: string, token: string) =>
    t.http().post(`/api/threads/${threadId}/suggestion/accept`).set(bearer(token)),
  reject: (threadId: string, token: string) =>
    t.http().post(`/api/threads/${threadId}/suggestion/reject`).set(bearer(token)),
  acceptAll: (documentId: string, token: string) =>
    t.http().post(`/api/documents/${documentId}/suggestions/accept-all`).set(bearer(token)),
  rejectAll: (documentId: string, token: string) =>
    t.http().post(`/api/documents/${documentId}/suggestions/reject-all`).set(bearer(token)),
});

/** Opens a thread on `needle` and returns its body (fails the test if it was refused). */
export async function openThreadOn(
  t: TestApp,
  documentId: string,
  token: string,
  needle: string,
  fields: { body?: string; suggestion?: string; occurrence?: number } = {},
) {
  const { occurrence, ...rest } = fields;
  const res = await threadsApi(t).open(documentId, token, {
    anchor: await anchorsOf(t, documentId, needle, occurrence),
    quote: needle,
    body: 'À revoir',
    ...rest,
  });
  if (res.status !== 201) throw new Error(`opening a thread failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; comments: Array<{ id: string }> } & Record<string, unknown>;
}

/** A client of the `/live` socket, connected (rejects with the connect_error). */
export function connectLive(url: string, token: string | undefined): Promise<Socket> {
  const socket = io(url + LIVE_NAMESPACE, {
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

export function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  return new Promise((resolve) => socket.emit(event, payload, (ack: Ack) => resolve(ack)));
}
