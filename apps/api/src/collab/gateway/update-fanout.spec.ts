import * as Y from 'yjs';
import { UpdateFanout } from './update-fanout';

type Sent = { to: string; documentId: string; text: string };

/** An update of a fresh client that types `text` (each call a new client, so updates merge freely). */
const typed = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

/** What a client that applies `update` to an empty document reads (the order of concurrent inserts is Yjs's). */
const read = (update: Uint8Array): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return [...doc.getText('t').toString()].sort().join('');
};

function setup() {
  const sent: Sent[] = [];
  const fanout = new UpdateFanout<string>({
    toRoom: (documentId, update, except) =>
      sent.push({ to: `room-except:${[...except].sort().join(',')}`, documentId, text: read(update) }),
    toOne: (origin, documentId, update) => sent.push({ to: origin, documentId, text: read(update) }),
  });
  return { sent, fanout };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('UpdateFanout (at most two messages per document and connection per turn)', () => {
  it('sends the first change of each document at once, to everyone but its sender', () => {
    const { sent, fanout } = setup();
    fanout.push('d1', typed('a'), 'alice');
    fanout.push('d2', typed('b'), null);
    expect(sent).toEqual([
      { to: 'room-except:alice', documentId: 'd1', text: 'a' },
      { to: 'room-except:', documentId: 'd2', text: 'b' },
    ]);
  });

  it('merges the changes that follow within the turn into one message, never sent back to its sender', async () => {
    const { sent, fanout } = setup();
    fanout.push('d', typed('a'), 'alice');
    fanout.push('d', typed('b'), 'alice');
    fanout.push('d', typed('c'), 'alice');
    expect(sent).toHaveLength(1);
    await turn();
    expect(sent).toEqual([
      { to: 'room-except:alice', documentId: 'd', text: 'a' },
      { to: 'room-except:alice', documentId: 'd', text: 'bc' },
    ]);
  });

  it('gives each sender the others’ changes of the turn and the rest of the room all of them', async () => {
    const { sent, fanout } = setup();
    fanout.push('d', typed('x'), 'carol');
    fanout.push('d', typed('a'), 'alice');
    fanout.push('d', typed('b'), 'bob');
    fanout.push('d', typed('c'), 'alice');
    fanout.push('d', typed('s'), null); // a change of the server (or of another instance)
    await turn();
    expect(sent).toEqual([
      { to: 'room-except:carol', documentId: 'd', text: 'x' },
      { to: 'room-except:alice,bob', documentId: 'd', text: 'abcs' },
      { to: 'alice', documentId: 'd', text: 'bs' },
      { to: 'bob', documentId: 'd', text: 'acs' },
    ]);
  });

  it('sends at once again in the next turn', async () => {
    const { sent, fanout } = setup();
    fanout.push('d', typed('a'), 'alice');
    await turn();
    fanout.push('d', typed('b'), 'alice');
    expect(sent.map((s) => s.text)).toEqual(['a', 'b']);
    await turn();
    expect(sent).toHaveLength(2);
  });
});
