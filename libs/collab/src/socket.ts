import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import {
  COLLAB_NAMESPACE,
  UNAUTHORIZED_MESSAGE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './protocol';

export type CollabSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface CollabSocketOptions {
  /** A fixed access token … */
  token?: string;
  /** … or a function asked for a fresh one before every (re)connection (tokens are short-lived). */
  getToken?: () => string | Promise<string>;
  /** Connect at once (default true). */
  connect?: boolean;
  /** Passed to socket.io-client (transports, reconnection delays, …). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** Exponential backoff with jitter, in milliseconds. */
export function backoffDelay(attempt: number, min = 500, max = 10_000): number {
  const base = Math.min(max, min * 2 ** Math.min(attempt, 16));
  return Math.round(base / 2 + (Math.random() * base) / 2);
}

/**
 * One Socket.IO connection to the collaboration namespace, to share among several
 * `SocketIOProvider`s (one per open document). Socket.IO reconnects by itself with backoff after a
 * network failure; a refused handshake (expired token) is retried here, with a fresh token from
 * `getToken`, since Socket.IO does not retry those. With a fixed token it is not retried.
 */
export function createCollabSocket(serverUrl: string, options: CollabSocketOptions): CollabSocket {
  const { token, getToken, socketOptions } = options;
  if (!token && !getToken) throw new Error('createCollabSocket needs a token or getToken');
  const url = serverUrl.replace(/\/+$/, '') + COLLAB_NAMESPACE;
  const socket: CollabSocket = io(url, {
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    ...socketOptions,
    autoConnect: false,
    auth: (cb) => {
      Promise.resolve(getToken ? getToken() : token!)
        .then((value) => cb({ token: value }))
        .catch(() => cb({ token: '' }));
    },
  });
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => {
    attempts = 0;
  });
  socket.on('connect_error', (error) => {
    // Socket.IO keeps retrying transport errors itself (socket.active); a refusal by the server it does not.
    if (socket.active || retry) return;
    if (error.message === UNAUTHORIZED_MESSAGE && !getToken) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (!socket.connected && !socket.active) socket.connect();
    }, backoffDelay(attempts++));
  });
  socket.on('disconnect', (reason) => {
    // A disconnect asked for by this side stops the retries too.
    if (reason === 'io client disconnect' && retry) {
      clearTimeout(retry);
      retry = undefined;
    }
  });
  if (options.connect !== false) socket.connect();
  return socket;
}
