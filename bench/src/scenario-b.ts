import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { RawClient, textLength } from './client';
import { HocuspocusClient } from './protocols';
import { HOCUSPOCUS_TABLE } from './peer-tables';
import { ApiServer, BenchDatabase, PeerServer } from './server';
import { nowMs, sleep } from './util';

const TRACE = join(__dirname, '..', '..', '..', 'shared', 'data', 'automerge-paper.json.gz');

export interface Trace {
  endContent: string;
  txns: Array<{ patches: Array<[number, number, string]> }>;
}

export interface ScenarioBOptions {
  updates: number;
  documents: number;
}

export interface ScenarioBResult {
  options: ScenarioBOptions;
  expectedLength: number;
  storedBytes: number;
  buildMs: number;
  coldMs: number[];
  warmMs: number[];
  inMemoryMs: number[];
  lengthsOk: boolean;
}

const built = new Map<number, { updates: Uint8Array[]; expected: string }>();

/** The trace as `groups` updates (built once per run: replaying 259,778 edits takes seconds). */
export function buildUpdates(groups: number): { updates: Uint8Array[]; expected: string } {
  let result = built.get(groups);
  if (!result) built.set(groups, (result = replayTrace(groups)));
  return result;
}

/** The edits of the trace, in order (shared with scenario D, which takes its text). */
export function loadTrace(): Trace {
  return JSON.parse(gunzipSync(readFileSync(TRACE)).toString('utf8')) as Trace;
}

/** Replays the trace into a paragraph of the `default` fragment, one stored update per group of edits. */
function replayTrace(groups: number): { updates: Uint8Array[]; expected: string } {
  const trace = loadTrace();
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = new Y.XmlText();
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
  });
  // The paragraph is the first stored update; the edits are spread evenly over the others.
  const n = trace.txns.length;
  for (let g = 0; g < groups - 1; g++) {
    const from = Math.floor((g * n) / (groups - 1));
    const to = Math.floor(((g + 1) * n) / (groups - 1));
    doc.transact(() => {
      for (const txn of trace.txns.slice(from, to)) {
        for (const [pos, del, ins] of txn.patches) {
          if (del > 0) text.delete(pos, del);
          if (ins) text.insert(pos, ins);
        }
      }
    });
  }
  if (text.toString() !== trace.endContent) throw new Error('the replayed trace does not match endContent');
  return { updates, expected: trace.endContent };
}

async function openMs(server: ApiServer, token: string, documentId: string, expectedLength: number) {
  const client = new RawClient(server.url, token, documentId);
  await client.connect();
  const t0 = nowMs();
  await client.join();
  const ms = nowMs() - t0;
  const ok = textLength(client.doc) === expectedLength;
  client.close();
  return { ms, ok };
}

/** Opening a document whose history is the automerge-paper trace stored as N updates: cold, then after compaction. */
export async function scenarioB(
  server: ApiServer,
  db: BenchDatabase,
  token: string,
  cityId: string,
  options: ScenarioBOptions,
): Promise<ScenarioBResult> {
  const b0 = nowMs();
  const { updates, expected } = buildUpdates(options.updates);
  const buildMs = nowMs() - b0;
  console.log(`  trace replayed into ${updates.length} updates in ${buildMs.toFixed(0)} ms`);
  // The replay held this process's event loop for longer than the server's HTTP keep-alive (5 s):
  // let fetch see the pooled connection's close before reusing it ("other side closed").
  await new Promise((resolve) => setTimeout(resolve, 50));
  const ids: string[] = [];
  for (let i = 0; i < options.documents; i++) ids.push(await server.createDocument(token, cityId, `Bench B ${i}`));
  await server.stop();
  await db.withClient(async (pg) => {
    for (const id of ids) {
      // The trace alone, without the template content the document was created with.
      await pg.query('DELETE FROM document_snapshots WHERE document_id = $1', [id]);
      await pg.query('DELETE FROM document_updates WHERE document_id = $1', [id]);
      for (let i = 0; i < updates.length; i += 500) {
        const batch = updates.slice(i, i + 500);
        const values = batch.map((_, j) => `($1, $${j + 2})`).join(', ');
        await pg.query(`INSERT INTO document_updates (document_id, data) VALUES ${values}`, [
          id,
          ...batch.map((u) => Buffer.from(u)),
        ]);
      }
    }
  });
  const storedBytes = updates.reduce((n, u) => n + u.length, 0);

  let lengthsOk = true;
  const coldMs: number[] = [];
  const inMemoryMs: number[] = [];
  await server.start();
  for (const id of ids) {
    const cold = await openMs(server, token, id, expected.length);
    const again = await openMs(server, token, id, expected.length);
    coldMs.push(cold.ms);
    inMemoryMs.push(again.ms);
    lengthsOk &&= cold.ok && again.ok;
  }
  // Wait for the background compaction of every document.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const rows = await db.withClient((pg) =>
      pg.query<{ n: string }>('SELECT count(*)::text AS n FROM document_updates WHERE document_id = ANY($1::uuid[])', [
        ids,
      ]),
    );
    if (rows.rows[0].n === '0') break;
    if (Date.now() > deadline) throw new Error(`compaction did not finish: ${rows.rows[0].n} updates left`);
    await sleep(500);
  }
  const warmMs: number[] = [];
  for (const id of ids) {
    // A fresh server per document, so that every measure is a first open from the snapshot.
    await server.stop();
    await server.start();
    const warm = await openMs(server, token, id, expected.length);
    warmMs.push(warm.ms);
    lengthsOk &&= warm.ok;
  }
  return { options, expectedLength: expected.length, storedBytes, buildMs, coldMs, warmMs, inMemoryMs, lengthsOk };
}

export interface ScenarioBPeerResult {
  storedBytes: number;
  /** First open of each document after the server started (fetch + apply the stored state). */
  coldMs: number[];
  /** A second client while the first is still connected (the document is in memory). */
  inMemoryMs: number[];
  /** Each document on a fresh server process (the same load path as cold, in a process that served nothing). */
  freshMs: number[];
  lengthsOk: boolean;
}

async function openHocuspocusMs(server: PeerServer, documentId: string, expectedLength: number) {
  const client = new HocuspocusClient(server.url, documentId);
  await client.connect();
  const t0 = nowMs();
  await client.join();
  const ms = nowMs() - t0;
  return { ms, ok: textLength(client.doc) === expectedLength, client };
}

/**
 * The same trace for Hocuspocus + PostgreSQL, stored the way @hocuspocus/extension-database
 * stores a document: one merged state (Y.encodeStateAsUpdate of the whole document) in a bytea
 * column, which it fetches and applies when the document is opened.
 */
export async function scenarioBHocuspocus(
  db: BenchDatabase,
  options: ScenarioBOptions,
  nodeArgs: string[] = [],
): Promise<ScenarioBPeerResult> {
  const { updates, expected } = buildUpdates(options.updates);
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  const state = Y.encodeStateAsUpdate(doc);
  const names = Array.from({ length: options.documents }, (_, i) => `bench-b-${i}`);
  const server = new PeerServer('hocuspocus-pg', db.url, nodeArgs);
  await server.start(); // creates the table
  await server.stop();
  await db.withClient(async (pg) => {
    for (const name of names) {
      await pg.query(
        `INSERT INTO ${HOCUSPOCUS_TABLE} (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data`,
        [name, Buffer.from(state)],
      );
    }
  });
  let lengthsOk = true;
  const coldMs: number[] = [];
  const inMemoryMs: number[] = [];
  await server.start();
  try {
    for (const name of names) {
      const cold = await openHocuspocusMs(server, name, expected.length);
      const again = await openHocuspocusMs(server, name, expected.length);
      coldMs.push(cold.ms);
      inMemoryMs.push(again.ms);
      lengthsOk &&= cold.ok && again.ok;
      cold.client.close();
      again.client.close();
    }
  } finally {
    await server.stop();
  }
  const freshMs: number[] = [];
  for (const name of names) {
    await server.start();
    try {
      const fresh = await openHocuspocusMs(server, name, expected.length);
      freshMs.push(fresh.ms);
      lengthsOk &&= fresh.ok;
      fresh.client.close();
    } finally {
      await server.stop();
    }
  }
  return { storedBytes: state.length, coldMs, inMemoryMs, freshMs, lengthsOk };
}
