import { corkFrames } from './cork-frames';

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
