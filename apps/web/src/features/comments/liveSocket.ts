import { LIVE_NAMESPACE } from '@passerelle/domain';
import { io, type Socket } from 'socket.io-client';
import { collabToken } from '../../collab/token';

/** The server's refusal of a handshake token (expired or revoked). */
const UNAUTHORIZED = 'unauthorized';
const MAX_RETRY_DELAY_MS = 10_000;

let shared: { socket: Socket; users: number } | null = null;

/**
 * One connection to the live socket (`/live`: thread changes, notifications) per page, shared by
 * whoever needs it and closed when the last one lets it go. Socket.IO reconnects by itself after a
 * network failure but not after the server refused the handshake; a refusal usually means an expired
 * access token, so the connection is retried here with a fresh one.
 */
export function acquireLiveSocket(): { socket: Socket; release: () => void } {
  if (!shared) shared = { socket: createLiveSocket(), users: 0 };
  const entry = shared;
  entry.users += 1;
  let released = false;
  return {
    socket: entry.socket,
    release: () => {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users === 0) {
        entry.socket.disconnect();
        if (shared === entry) shared = null;
      }
    },
  };
}

function createLiveSocket(): Socket {
  let refused = false;
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const socket = io(window.location.origin + LIVE_NAMESPACE, {
    // A connection of its own: sharing Socket.IO's cached one with the collaboration socket would tie
    // the editor's connection to this one's life (closing the last live socket closes the shared one).
    forceNew: true,
    transports: ['websocket'],
    auth: (cb) => {
      collabToken(refused).then(
        (token) => cb({ token }),
        () => cb({ token: '' }),
      );
    },
  });
  socket.on('connect', () => {
    refused = false;
    attempts = 0;
  });
  socket.on('connect_error', (error) => {
    if (socket.active || retry) return;
    refused = error.message === UNAUTHORIZED;
    const delay = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(attempts++, 5));
    retry = setTimeout(() => {
      retry = undefined;
      if (!socket.connected && !socket.active) socket.connect();
    }, delay);
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect' && retry) {
      clearTimeout(retry);
      retry = undefined;
    }
  });
  return socket;
}
