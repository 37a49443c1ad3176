import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';
import { Compactor } from './compactor';

/** The updates of a text typed in `n` steps. */
function typed(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, String(i % 10));
  return updates;
}

const textOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
};

describe('Compactor', () => {
  let compactor: Compactor;
  afterEach(() => compactor.close());

  it('folds updates into one state and its state vector', async () => {
    compactor = new Compactor();
    const folded = await compactor.compact(typed(50));
    expect(textOf(folded.state)).toBe('01234567890123456789012345678901234567890123456789');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, folded.state);
    expect(folded.stateVector).toEqual(Y.encodeStateVector(doc));
  });

  it('stops its worker thread once idle, and starts another for the next job', async () => {
    compactor = new Compactor(100);
    expect(compactor.running).toBe(false);
    const first = compactor.compact(typed(5));
    expect(compactor.running).toBe(true);
    await first;
    await sleep(30);
    // A job within the idle time keeps the same worker going.
    await compactor.compact(typed(3));
    expect(compactor.running).toBe(true);
    await sleep(300);
    expect(compactor.running).toBe(false);
    expect(textOf((await compactor.compact(typed(4))).state)).toBe('0123');
    expect(compactor.running).toBe(true);
  });
});
