import type { Socket as NetSocket } from 'node:net';

interface WebSocketTransport {
  name?: string;
  send?: (packets: unknown[]) => void;
  socket?: { _socket?: NetSocket };
  corked?: boolean;
}

/**
 * Makes an engine.io WebSocket transport write the frames of one flush in one system call.
 *
 * A Socket.IO event with binary data (every y-protocols message) is two WebSocket frames — the
 * packet and its attachment — and engine.io writes each frame on its own: on this machine the
 * `writev` calls were a quarter of the server's CPU under load (see BENCHMARKS.md). Corking the TCP
 * socket around engine.io's `send` (which writes synchronously) sends the flush as one write. Any
 * other transport, or a transport already handled, is left alone.
 */
export function corkFrames(transport: unknown): void {
  const t = transport as WebSocketTransport | null;
  if (!t || t.name !== 'websocket' || typeof t.send !== 'function' || t.corked) return;
  const send = t.send.bind(t);
  t.send = (packets: unknown[]) => {
    const raw = t.socket?._socket;
    if (!raw || packets.length < 2) return send(packets);
    raw.cork();
    try {
      send(packets);
    } finally {
      raw.uncork();
    }
  };
  t.corked = true;
}
