import { compareDocuments } from './compareDocuments';
import { diffSequences, diffWords, tokenize } from './diff';
import { textBlocks } from './textBlocks';

/** Applies an edit script to `a`: it must give `b`, whatever the script chose. */
function apply<T>(ops: Array<{ type: string; items: T[] }>): { before: T[]; after: T[] } {
  const before: T[] = [];
  const after: T[] = [];
  for (const op of ops) {
    if (op.type !== 'insert') before.push(...op.items);
    if (op.type !== 'delete') after.push(...op.items);
  }
  return { before, after };
}

/** The length of the longest common subsequence, by dynamic programming: the reference for minimality. */
function lcs<T>(a: T[], b: T[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

const cost = (ops: Array<{ type: string; items: unknown[] }>) =>
  ops.filter((op) => op.type !== 'equal').reduce((sum, op) => sum + op.items.length, 0);

describe('diffSequences (Myers)', () => {
  it('finds the shortest edit script between two sequences', () => {
    // The classic example of Myers' paper: ABCABBA → CBABAC takes 5 edits.
    const ops = diffSequences([...'ABCABBA'], [...'CBABAC'])!;
    expect(apply(ops)).toEqual({ before: [...'ABCABBA'], after: [...'CBABAC'] });
    expect(cost(ops)).toBe(5);
  });

  it('rebuilds both sides of random sequences with a minimal script (as long as the LCS says)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      const a = Array.from({ length: Math.floor(random() * 30) }, () => 'abcd'[Math.floor(random() * 4)]!);
      const b = Array.from({ length: Math.floor(random() * 30) }, () => 'abcd'[Math.floor(random() * 4)]!);
      const ops = diffSequences(a, b)!;
      expect(apply(ops)).toEqual({ before: a, after: b });
      expect(cost(ops)).toBe(a.length + b.length - 2 * lcs(a, b));
    }
  });

  it('handles empty and identical sequences', () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences(['x'], ['x'])).toEqual([{ type: 'equal', items: ['x'] }]);
    expect(diffSequences([], ['x'])).toEqual([{ type: 'insert', items: ['x'] }]);
    expect(diffSequences(['x'], [])).toEqual([{ type: 'delete', items: ['x'] }]);
  });

  it('gives up (null) beyond the cost limit instead of using unbounded memory', () => {
    expect(diffSequences([...'aaaa'], [...'bbbb'], undefined, 3)).toBeNull();
    expect(diffSequences([...'aaaa'], [...'bbbb'], undefined, 8)).not.toBeNull();
  });
});

describe('diffWords', () => {
  it('splits words of every script, keeping apostrophes and hyphens inside words', () => {
    expect(tokenize('l’accès aux droits, porte-à-porte')).toEqual([
      'l’accès',
      ' ',
      'aux',
      ' ',
      'droits',
      ',',
      ' ',
      'porte-à-porte',
    ]);
    expect(tokenize('دمج المهاجرين')).toEqual(['دمج', ' ', 'المهاجرين']);
  });

  it('shows the words deleted and inserted, the rest as it was', () => {
    expect(diffWords('We will open two reception desks.', 'We will open three reception desks in 2026.')).toEqual([
      { type: 'equal', text: 'We will open ' },
      { type: 'delete', text: 'two' },
      { type: 'insert', text: 'three' },
      { type: 'equal', text: ' reception desks' },
      { type: 'insert', text: ' in 2026' },
      { type: 'equal', text: '.' },
    ]);
  });

  it('reads a replaced phrase as one deletion and one insertion, not word by word', () => {
    expect(diffWords('the old words stay', 'a new phrase stay')).toEqual([
      { type: 'delete', text: 'the old words' },
      { type: 'insert', text: 'a new phrase' },
      { type: 'equal', text: ' stay' },
    ]);
  });
});

describe('compareDocuments', () => {
  const doc = (...paragraphs: string[]) => ({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Priorités' }] },
      ...paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    ],
  });

  it('keeps unchanged paragraphs, diffs a rewritten one word by word, and shows added ones whole', () => {
    const before = textBlocks(doc('Premier paragraphe inchangé.', 'Nous ouvrirons deux guichets d’accueil.'));
    const after = textBlocks(
      doc('Premier paragraphe inchangé.', 'Nous ouvrirons trois guichets d’accueil.', 'Un paragraphe nouveau.'),
    );
    const { changes, inserted, deleted } = compareDocuments(before, after);
    expect(changes).toEqual([
      { type: 'equal', block: { kind: 'heading', text: 'Priorités' } },
      { type: 'equal', block: { kind: 'paragraph', text: 'Premier paragraphe inchangé.' } },
      {
        type: 'change',
        kind: 'paragraph',
        parts: [
          { type: 'equal', text: 'Nous ouvrirons ' },
          { type: 'delete', text: 'deux' },
          { type: 'insert', text: 'trois' },
          { type: 'equal', text: ' guichets d’accueil.' },
        ],
      },
      { type: 'insert', block: { kind: 'paragraph', text: 'Un paragraphe nouveau.' } },
    ]);
    expect({ inserted, deleted }).toEqual({ inserted: 4, deleted: 1 });
  });

  it('shows a removed paragraph as removed, not as a rewrite of an unrelated one', () => {
    const before = textBlocks(doc('Logement des familles.', 'Emploi des jeunes réfugiés.'));
    const after = textBlocks(doc('Emploi des jeunes réfugiés et des femmes.'));
    const { changes } = compareDocuments(before, after);
    expect(changes.slice(1).map((c) => c.type)).toEqual(['delete', 'change']);
  });

  it('reads list items, quotes and table rows as blocks of text', () => {
    const blocks = textBlocks({
      type: 'doc',
      content: [
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Un' }] }] }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cité' }] }] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A' }] }] },
                { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'B' }] }] },
              ],
            },
          ],
        },
      ],
    });
    expect(blocks).toEqual([
      { kind: 'listItem', text: '1. Un' },
      { kind: 'quote', text: 'Cité' },
      { kind: 'tableRow', text: 'A | B' },
    ]);
  });
});
