import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { firstText, stateVectorKey, textLength } from './client';
import { BenchClient, makeClient, Protocol } from './protocols';
import { nowMs, sleep } from './util';

export interface WorkerInput {
  protocol: Protocol;
  url: string;
  token: string;
  clients: Array<{ clientId: number; documentId: string }>;
  /** Float64 send times indexed by clientId * maxSeq + seq (shared by every worker). */
  sendTimes: SharedArrayBuffer;
  maxSeq: number;
  intervalMs: number;
  /**
   * Steady state (0: off, the text only grows): once the paragraph is longer than this many
   * characters, a client deletes one of its own earlier insertions, chosen at random, instead of
   * inserting (see `tick`).
   */
  steadyMaxChars: number;
  /**
   * Steady state only, Float64 indexed like `sendTimes` (clientId * maxSeq + seq), filled with
   * +Infinity by the main thread: for an insertion, the Yjs clock of its first character; for a
   * deletion, the client's clock at that moment minus 0.5. Non-decreasing in seq, so that a
   * receiver finds the insertion a deleted range starts at by binary search (see `insertionAt`).
   */
  tokenClocks: SharedArrayBuffer;
  /** Float64 send time of the deletion of insertion `seq`, indexed like `sendTimes`. */
  deleteTimes: SharedArrayBuffer;
  /** Float64: the Yjs clientID of each load client's document, by clientId (set before `ready`). */
  yClientIds: SharedArrayBuffer;
}

export interface ClientResult {
  clientId: number;
  documentId: string;
  /** Changes sent: insertions + deletions. */
  sent: number;
  inserted: number;
  deleted: number;
  acked: number;
  ackErrors: number;
  /** Insertions of the other clients of the document that arrived. */
  received: number;
  /** Deletions of the other clients of the document that arrived. */
  receivedDeletes: number;
  /** Deletions whose characters were not all found (should stay 0). */
  deleteMisses: number;
  /** Characters of text in the document at the end, as this client sees it. */
  textLength: number;
  stateVector: string;
  content: string;
}

export interface WorkerOutput {
  ack: Float64Array;
  propagation: Float64Array;
  /** When each propagation sample was sent (same order), for the timeline. */
  propagationSentAt: Float64Array;
  /** 1 where the sample is a deletion's (same order). */
  propagationIsDelete: Uint8Array;
  /**
   * The longest delay of this worker's event loop (ms) in each 10 s of the load: arrivals are
   * timestamped by this loop, so a long delay here (its own GC, CPU starvation) is measured as
   * propagation latency although the server is not the cause.
   */
  loopDelayMaxByWindow: number[];
  clients: ClientResult[];
}

const MARK = /k(\d+):(\d+)/;

/** Against the stateless relay there is no shared paragraph: each client types into one of its own. */
function ownParagraph(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return text;
}

/** One insertion of a client still in the text: its seq, and the Yjs clocks of its characters. */
interface Live {
  seq: number;
  clock: number;
  length: number;
}

/**
 * Deletes the characters with Yjs ids (client, clock … clock + length - 1) from `text`: one insertion
 * of this client, possibly split in pieces by the insertions other clients made inside it since.
 * Returns how many characters were found (all of them: only their author deletes them).
 */
function deleteInsertion(text: Y.XmlText, client: number, clock: number, length: number): number {
  const ranges: Array<[number, number]> = [];
  let index = 0;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (item.id.client === client) {
      const from = Math.max(clock, item.id.clock);
      const to = Math.min(clock + length, item.id.clock + item.length);
      if (from < to) ranges.push([index + from - item.id.clock, to - from]);
    }
    index += item.length;
  }
  for (let r = ranges.length - 1; r >= 0; r--) text.delete(ranges[r][0], ranges[r][1]);
  return ranges.reduce((n, [, len]) => n + len, 0);
}

/** Runs a share of the clients of scenario A: ready → (go) → type until (stop) → report (done) → (close) → closed. */
async function main(): Promise<void> {
  const input = workerData as WorkerInput;
  const sendTimes = new Float64Array(input.sendTimes);
  const tokenClocks = new Float64Array(input.tokenClocks);
  const deleteTimes = new Float64Array(input.deleteTimes);
  const yClientIds = new Float64Array(input.yClientIds);
  const steady = input.steadyMaxChars > 0;
  /** Load client by Yjs clientID, filled at `go` (every worker has written its clients' by then). */
  const benchClientOf = new Map<number, number>();
  const ack: number[] = [];
  const propagation: number[] = [];
  const propagationSentAt: number[] = [];
  const propagationIsDelete: number[] = [];
  /** The insertion of `benchClient` whose first character has Yjs clock `clock`, or 0. */
  const insertionAt = (benchClient: number, clock: number): number => {
    const base = benchClient * input.maxSeq;
    let lo = 1;
    let hi = input.maxSeq - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokenClocks[base + mid] <= clock) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found > 0 && tokenClocks[base + found] === clock ? found : 0;
  };
  const clients = input.clients.map(({ clientId, documentId }) => {
    const client = makeClient(input.protocol, input.url, input.token, documentId);
    const state = {
      clientId,
      client,
      sent: 0,
      inserted: 0,
      deleted: 0,
      acked: 0,
      ackErrors: 0,
      received: 0,
      receivedDeletes: 0,
      deleteMisses: 0,
      live: [] as Live[],
      timer: null as NodeJS.Timeout | null,
    };
    yClientIds[clientId] = client.doc.clientID;
    client.onUpdate = (update) => {
      const arrived = nowMs();
      const { structs, ds } = Y.decodeUpdate(update);
      for (const struct of structs) {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
        const match = MARK.exec(struct.content.str);
        // Hocuspocus and y-websocket echo a client's own updates back to it: not an arrival.
        if (!match || Number(match[1]) === clientId) continue;
        const sentAt = sendTimes[Number(match[1]) * input.maxSeq + Number(match[2])];
        if (sentAt > 0) {
          propagation.push(arrived - sentAt);
          propagationSentAt.push(sentAt);
          propagationIsDelete.push(0);
        }
        state.received++;
      }
      if (!steady) return;
      // A deletion carries no text: the deleted ids say whose insertion it was (only its author deletes it).
      for (const [yClient, ranges] of ds.clients) {
        const author = benchClientOf.get(yClient);
        if (author === undefined || author === clientId) continue;
        for (const { clock, len } of ranges) {
          // Normally one insertion per range; a merged update may join two of the same author.
          for (let c = clock; c < clock + len;) {
            const seq = insertionAt(author, c);
            if (seq === 0) break;
            const sentAt = deleteTimes[author * input.maxSeq + seq];
            if (sentAt > 0) {
              propagation.push(arrived - sentAt);
              propagationSentAt.push(sentAt);
              propagationIsDelete.push(1);
            }
            state.receivedDeletes++;
            c += `k${author}:${seq} `.length;
          }
        }
      }
    };
    return state;
  });
  for (let i = 0; i < clients.length; i += 20) {
    await Promise.all(
      clients.slice(i, i + 20).map(async ({ client }) => {
        await client.connect();
        await client.join();
      }),
    );
  }
  parentPort!.postMessage({ type: 'ready' });
  await new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  yClientIds.forEach((yClient, benchClient) => benchClientOf.set(yClient, benchClient));
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const loopDelayMaxByWindow: number[] = [];
  const loopWindows = setInterval(() => {
    loopDelayMaxByWindow.push(loopDelay.max / 1e6);
    loopDelay.reset();
  }, 10_000);

  type State = (typeof clients)[number];
  const track = (state: State, answer: ReturnType<BenchClient['change']>, sentAt: number) => {
    void answer?.then((res) => {
      if (res.ok) {
        state.acked++;
        ack.push(nowMs() - sentAt);
      } else state.ackErrors++;
    });
  };
  const insert = (state: State, seq: number) => {
    const doc = state.client.doc;
    const base = state.clientId * input.maxSeq;
    const sentAt = nowMs();
    sendTimes[base + seq] = sentAt;
    state.inserted++;
    const answer = state.client.change(() => {
      const text = firstText(doc) ?? ownParagraph(doc);
      const token = `k${state.clientId}:${seq} `;
      if (steady) {
        const clock = Y.getState(doc.store, doc.clientID);
        tokenClocks[base + seq] = clock;
        state.live.push({ seq, clock, length: token.length });
      }
      text.insert(Math.floor(Math.random() * (text.length + 1)), token);
    });
    track(state, answer, sentAt);
  };
  /** Steady state: deletes one of this client's insertions still in the text, chosen at random. */
  const remove = (state: State, seq: number, text: Y.XmlText) => {
    const doc = state.client.doc;
    const base = state.clientId * input.maxSeq;
    const k = Math.floor(Math.random() * state.live.length);
    const victim = state.live[k];
    state.live[k] = state.live[state.live.length - 1];
    state.live.pop();
    tokenClocks[base + seq] = Y.getState(doc.store, doc.clientID) - 0.5;
    const sentAt = nowMs();
    deleteTimes[base + victim.seq] = sentAt;
    state.deleted++;
    const answer = state.client.change(() => {
      if (deleteInsertion(text, doc.clientID, victim.clock, victim.length) !== victim.length) state.deleteMisses++;
    });
    track(state, answer, sentAt);
  };
  const tick = (state: State) => {
    const seq = state.sent + 1;
    if (seq >= input.maxSeq) return;
    state.sent = seq;
    const text = steady ? firstText(state.client.doc) : null;
    if (text && text.length > input.steadyMaxChars && state.live.length > 0) remove(state, seq, text);
    else insert(state, seq);
  };
  for (const state of clients) {
    // Spread the clients over the interval so the load is even rather than in bursts.
    setTimeout(() => {
      tick(state);
      state.timer = setInterval(() => tick(state), input.intervalMs);
    }, Math.random() * input.intervalMs);
  }
  await new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  for (const state of clients) if (state.timer) clearInterval(state.timer);
  clearInterval(loopWindows);
  loopDelay.disable();
  // Let the last acknowledgements and updates arrive.
  await sleep(3000);
  const results: ClientResult[] = clients.map((s) => ({
    clientId: s.clientId,
    documentId: s.client.documentId,
    sent: s.sent,
    inserted: s.inserted,
    deleted: s.deleted,
    acked: s.acked,
    ackErrors: s.ackErrors,
    received: s.received,
    receivedDeletes: s.receivedDeletes,
    deleteMisses: s.deleteMisses,
    textLength: textLength(s.client.doc),
    stateVector: stateVectorKey(s.client.doc),
    content: s.client.doc.getXmlFragment('default').toString(),
  }));
  const output: WorkerOutput = {
    ack: Float64Array.from(ack),
    propagation: Float64Array.from(propagation),
    propagationSentAt: Float64Array.from(propagationSentAt),
    propagationIsDelete: Uint8Array.from(propagationIsDelete),
    loopDelayMaxByWindow,
    clients: results,
  };
  parentPort!.postMessage({ type: 'done', output });
  // The main thread compares with a fresh joiner while these clients still hold the documents open.
  await new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  for (const s of clients) s.client.close();
  await sleep(200);
  parentPort!.postMessage({ type: 'closed' });
}

main().catch((error: unknown) => {
  parentPort!.postMessage({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
});
