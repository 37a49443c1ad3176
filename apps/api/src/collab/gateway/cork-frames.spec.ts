import { corkFrames, packetsInOneFlush } from './cork-frames';

/** A stand-in for engine.io's WebSocket transport over a TCP socket that records what happens. */
function transport(name = 'websocket') {
  const log: string[] = [];
  const raw = {
    corked: 0,
    cork() {
      this.corked++;
      log.push('cork');
    },
    uncork() {
      this.corked--;
      log.push('uncork');
    },
  };
  const t = {
    name,
    socket: { _socket: raw },
    send(packets: string[]) {
      for (const p of packets) log.push(`${p}${raw.corked > 0 ? ' (corked)' : ''}`);
    },
  };
  return { t, log };
}

describe('corkFrames', () => {
  it('writes the frames of one flush while the TCP socket is corked, then uncorks it', () => {
    const { t, log } = transport();
    corkFrames(t);
    t.send(['packet', 'attachment']);
    expect(log).toEqual(['cork', 'packet (corked)', 'attachment (corked)', 'uncork']);
  });

  it('leaves a single frame, polling transports and an already handled transport alone', () => {
    const single = transport();
    corkFrames(single.t);
    single.t.send(['only']);
    expect(single.log).toEqual(['only']);

    const polling = transport('polling');
    corkFrames(polling.t);
    polling.t.send(['a', 'b']);
    expect(polling.log).toEqual(['a', 'b']);

    const twice = transport();
    corkFrames(twice.t);
    corkFrames(twice.t);
    twice.t.send(['a', 'b']);
    expect(twice.log).toEqual(['cork', 'a (corked)', 'b (corked)', 'uncork']);
  });

  it('uncorks even when sending throws', () => {
    const { t, log } = transport();
    t.send = () => {
      throw new Error('closed');
    };
    corkFrames(t);
    expect(() => t.send(['a', 'b'])).toThrow('closed');
    expect(log).toEqual(['cork', 'uncork']);
  });
});

describe('packetsInOneFlush + corkFrames on a real Socket.IO server', () => {
  /** Counts the TCP writes the server makes to one client while it sends it `count` binary events. */
  async function writesFor(count: number, patched: boolean): Promise<number> {
    const { createServer } = await import('node:http');
    const { Server } = await import('socket.io');
    const { io } = await import('socket.io-client');
    const http = createServer();
    const server = new Server(http, { transports: ['websocket'] });
    let writes = 0;
    const received: Promise<void> = new Promise((resolve) => {
      server.on('connection', (socket) => {
        if (patched) {
          corkFrames(socket.conn.transport);
          packetsInOneFlush(socket.client);
        }
        const raw = (socket.conn.transport as unknown as { socket: { _socket: import('node:net').Socket } }).socket
          ._socket;
        const writev = raw._writev!.bind(raw);
        const write = raw._write.bind(raw);
        raw._writev = (chunks, cb) => ((writes += 1), writev(chunks, cb));
        raw._write = (chunk, enc, cb) => ((writes += 1), write(chunk, enc, cb));
        socket.on('go', (i: number) => {
          writes = 0;
          socket.emit('doc:sync', { documentId: 'd', message: new Uint8Array([0, i]) });
        });
        resolve();
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as import('node:net').AddressInfo).port;
    const client = io(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    const got: number[] = [];
    const all = new Promise<void>((resolve) =>
      client.on('doc:sync', (p: { message: Uint8Array }) => {
        got.push(p.message[1]);
        if (got.length === count) resolve();
      }),
    );
    await received;
    // One event per turn of the event loop, as a server forwarding sparse changes does.
    for (let i = 0; i < count; i++) {
      client.emit('go', i);
      await new Promise((r) => setTimeout(r, 20));
    }
    await all;
    const last = writes;
    client.close();
    await server.close();
    expect(got).toEqual([...Array(count).keys()]);
    return last;
  }

  it('sends a binary event (header and attachment) in one TCP write instead of two', async () => {
    expect(await writesFor(3, false)).toBe(2);
    expect(await writesFor(3, true)).toBe(1);
  });

  it('leaves a client alone when it is not a Socket.IO client, or already handled', () => {
    expect(() => packetsInOneFlush(null)).not.toThrow();
    expect(() => packetsInOneFlush({})).not.toThrow();
    const flushes: string[] = [];
    const client = {
      conn: { flush: () => flushes.push('flush') },
      writeToEngine(packets: string[]) {
        for (const p of packets) {
          flushes.push(p);
          this.conn.flush();
        }
      },
    };
    packetsInOneFlush(client);
    packetsInOneFlush(client);
    client.writeToEngine(['header', 'attachment']);
    expect(flushes).toEqual(['header', 'attachment', 'flush']);
  });
});
