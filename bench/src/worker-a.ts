import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { firstText, stateVectorKey } from './client';
import { makeClient, Protocol } from './protocols';
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
}

export interface ClientResult {
  clientId: number;
  documentId: string;
  sent: number;
  acked: number;
  ackErrors: number;
  received: number;
  stateVector: string;
  content: string;
}

export interface WorkerOutput {
  ack: Float64Array;
  propagation: Float64Array;
  /** When each propagation sample was sent (same order), for the timeline. */
  propagationSentAt: Float64Array;
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

/** Runs a share of the clients of scenario A: ready → (go) → type until (stop) → report (done) → (close) → closed. */
async function main(): Promise<void> {
  const input = workerData as WorkerInput;
  const sendTimes = new Float64Array(input.sendTimes);
  const ack: number[] = [];
  const propagation: number[] = [];
  const propagationSentAt: number[] = [];
  const clients = input.clients.map(({ clientId, documentId }) => {
    const client = makeClient(input.protocol, input.url, input.token, documentId);
    const state = {
      clientId,
      client,
      sent: 0,
      acked: 0,
      ackErrors: 0,
      received: 0,
      timer: null as NodeJS.Timeout | null,
    };
    client.onUpdate = (update) => {
      const arrived = nowMs();
      for (const struct of Y.decodeUpdate(update).structs) {
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
        const match = MARK.exec(struct.content.str);
        // Hocuspocus and y-websocket echo a client's own updates back to it: not an arrival.
        if (!match || Number(match[1]) === clientId) continue;
        const sentAt = sendTimes[Number(match[1]) * input.maxSeq + Number(match[2])];
        if (sentAt > 0) {
          propagation.push(arrived - sentAt);
          propagationSentAt.push(sentAt);
        }
        state.received++;
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

  const tick = (state: (typeof clients)[number]) => {
    const seq = state.sent + 1;
    if (seq >= input.maxSeq) return;
    state.sent = seq;
    const doc = state.client.doc;
    const sentAt = nowMs();
    sendTimes[state.clientId * input.maxSeq + seq] = sentAt;
    const answer = state.client.change(() => {
      const text = firstText(doc) ?? ownParagraph(doc);
      text.insert(Math.floor(Math.random() * (text.length + 1)), `k${state.clientId}:${seq} `);
    });
    void answer?.then((res) => {
      if (res.ok) {
        state.acked++;
        ack.push(nowMs() - sentAt);
      } else state.ackErrors++;
    });
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
  // Let the last acknowledgements and updates arrive.
  await sleep(3000);
  const results: ClientResult[] = clients.map((s) => ({
    clientId: s.clientId,
    documentId: s.client.documentId,
    sent: s.sent,
    acked: s.acked,
    ackErrors: s.ackErrors,
    received: s.received,
    stateVector: stateVectorKey(s.client.doc),
    content: s.client.doc.getXmlFragment('default').toString(),
  }));
  const output: WorkerOutput = {
    ack: Float64Array.from(ack),
    propagation: Float64Array.from(propagation),
    propagationSentAt: Float64Array.from(propagationSentAt),
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
