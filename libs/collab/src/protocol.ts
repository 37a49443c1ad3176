import type { CollabAccess, ErrorCode } from '@passerelle/domain';

/**
 * The collaboration socket (SPEC "The collaboration socket"): Socket.IO namespace `/collab`,
 * authenticated with `auth: {token}` in the handshake. Every client event takes an
 * acknowledgement callback. Yjs data travels as binary (`Uint8Array`).
 */
export const COLLAB_NAMESPACE = '/collab';

/** Message of the `connect_error` a bad or missing token gets. */
export const UNAUTHORIZED_MESSAGE = 'unauthorized';

export const CollabEvent = {
  /** client → server `{documentId}`; ack `{ok, access}` */
  join: 'doc:join',
  /** both ways `{documentId, message}`: one y-protocols sync message (step 1, step 2 or update) */
  sync: 'doc:sync',
  /** both ways `{documentId, message}`: one y-protocols awareness update */
  awareness: 'doc:awareness',
  /** client → server `{documentId}`; ack `{ok}` */
  leave: 'doc:leave',
  /** server → client `{documentId, access}`: access changed while joined (null: the document was taken away) */
  access: 'doc:access',
} as const;

export type { CollabAccess };

/** The error codes the socket answers with: a subset of the shared registry of `@passerelle/domain`. */
export const COLLAB_ERROR_CODES = [
  'unauthorized',
  'not_found',
  'forbidden',
  'not_joined',
  'bad_request',
  'too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const satisfies readonly ErrorCode[];
export type CollabErrorCode = (typeof COLLAB_ERROR_CODES)[number];

export interface CollabError {
  code: CollabErrorCode;
  message: string;
}

export type CollabAck<T extends object = object> = ({ ok: true } & T) | { ok: false; error: CollabError };

export interface JoinPayload {
  documentId: string;
}
export type LeavePayload = JoinPayload;

/** Binary as sent; receivers may see a `Buffer` (Node) or an `ArrayBuffer` (browsers): see `toUint8Array`. */
export type Binary = Uint8Array | ArrayBuffer;

export interface SyncPayload {
  documentId: string;
  message: Binary;
}
export type AwarenessPayload = SyncPayload;

export interface AccessPayload {
  documentId: string;
  access: CollabAccess | null;
}

export type JoinAck = CollabAck<{ access: CollabAccess }>;
export type SyncAck = CollabAck;
export type AwarenessAck = CollabAck;
export type LeaveAck = CollabAck;

/** Typed events for `Socket<ServerToClientEvents, ClientToServerEvents>` of socket.io(-client). */
export interface ClientToServerEvents {
  'doc:join': (payload: JoinPayload, ack: (res: JoinAck) => void) => void;
  'doc:sync': (payload: SyncPayload, ack: (res: SyncAck) => void) => void;
  'doc:awareness': (payload: AwarenessPayload, ack: (res: AwarenessAck) => void) => void;
  'doc:leave': (payload: LeavePayload, ack: (res: LeaveAck) => void) => void;
}

export interface ServerToClientEvents {
  'doc:sync': (payload: SyncPayload) => void;
  'doc:awareness': (payload: AwarenessPayload) => void;
  'doc:access': (payload: AccessPayload) => void;
}

/** The room of a document on the server (one per document). */
export const documentRoom = (documentId: string): string => `doc:${documentId}`;
