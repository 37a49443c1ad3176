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

interface EngineConnection {
  flush: () => void;
}

interface SocketIoClient {
  conn?: EngineConnection;
  writeToEngine?: (packets: unknown, opts: unknown) => void;
  packetsTogether?: boolean;
}

/**
 * Makes the packets of one Socket.IO message reach engine.io's transport in one flush.
 *
 * Socket.IO writes a binary event as two engine.io packets (the header, then the attachment), and
 * engine.io flushes after each: the first goes to the transport at once, which is then busy until
 * its write completes, so the attachment waits for the next tick and a second write — two system
 * calls for every update sent to every client. Holding engine.io's flush while Socket.IO hands over
 * the packets of one message, then flushing once, sends them together (and `corkFrames` turns that
 * flush into a single write).
 */
export function packetsInOneFlush(client: unknown): void {
  const c = client as SocketIoClient | null;
  const conn = c?.conn;
  if (!c || !conn || typeof c.writeToEngine !== 'function' || typeof conn.flush !== 'function' || c.packetsTogether)
    return;
  const write = c.writeToEngine.bind(c);
  const flush = conn.flush.bind(conn);
  let holding = false;
  conn.flush = () => {
    if (!holding) flush();
  };
  c.writeToEngine = (packets: unknown, opts: unknown) => {
    if (!Array.isArray(packets) || packets.length < 2) return write(packets, opts);
    holding = true;
    try {
      write(packets, opts);
    } finally {
      holding = false;
    }
    flush();
  };
  c.packetsTogether = true;
}
