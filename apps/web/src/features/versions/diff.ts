/**
 * A small Myers diff (E. Myers, "An O(ND) difference algorithm", 1986) over any sequence, then the
 * word-level diff of two texts built on it. No diff library is installed; this is the few dozen
 * lines the history panel needs.
 */
export type DiffType = 'equal' | 'insert' | 'delete';

export interface DiffOp<T> {
  type: DiffType;
  items: T[];
}

/** Beyond this many inserted plus deleted items the texts are too different for a useful diff. */
export const DEFAULT_MAX_COST = 2000;

function push<T>(ops: DiffOp<T>[], type: DiffType, item: T): void {
  const last = ops[ops.length - 1];
  if (last?.type === type) last.items.push(item);
  else ops.push({ type, items: [item] });
}

/**
 * The shortest edit script from `a` to `b` as runs of equal, deleted and inserted items, or null
 * when it costs more than `maxCost` edits (memory grows with the square of the cost).
 */
export function diffSequences<T>(
  a: readonly T[],
  b: readonly T[],
  equals: (x: T, y: T) => boolean = (x, y) => x === y,
  maxCost = DEFAULT_MAX_COST,
): DiffOp<T>[] | null {
  // The common prefix and suffix cost nothing: most revisions change a few places in a long text.
  let start = 0;
  while (start < a.length && start < b.length && equals(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equals(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const at = (seq: readonly T[], i: number) => seq[start + i]!;

  const max = Math.min(n + m, maxCost);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v for k in [-d, d] after step d, for walking back.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && equals(at(a, x), at(b, y))) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return null;

  // Walk back from the end, collecting the script in reverse.
  const reversed: Array<{ type: DiffType; item: T }> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = trace[d - 1]!;
    const get = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && get(k - 1) < get(k + 1)) ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ type: 'equal', item: at(a, --x) });
      y--;
    }
    if (x === prevX) reversed.push({ type: 'insert', item: at(b, --y) });
    else reversed.push({ type: 'delete', item: at(a, --x) });
  }
  while (x > 0 && y > 0) {
    reversed.push({ type: 'equal', item: at(a, --x) });
    y--;
  }

  const ops: DiffOp<T>[] = [];
  for (let i = 0; i < start; i++) push(ops, 'equal', a[i]!);
  for (let i = reversed.length - 1; i >= 0; i--) push(ops, reversed[i]!.type, reversed[i]!.item);
  for (let i = endA; i < a.length; i++) push(ops, 'equal', a[i]!);
  return ops;
}

export interface TextPart {
  type: DiffType;
  text: string;
}

/** Words (letters and digits of any script, with inner apostrophes and hyphens), runs of spaces, single signs. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|\s+|[^\s\p{L}\p{M}\p{N}]/gu;

export const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];

/**
 * Which words were deleted and inserted between two texts. A space alone between two changes is
 * folded into them, so "the old words" → "a new phrase" reads as one replacement, not a stutter.
 * Null when the texts are too different to compare word by word.
 */
export function diffWords(before: string, after: string, maxCost = DEFAULT_MAX_COST): TextPart[] | null {
  const ops = diffSequences(tokenize(before), tokenize(after), undefined, maxCost);
  if (!ops) return null;
  const parts: TextPart[] = ops.map((op) => ({ type: op.type, text: op.items.join('') }));
  const folded: TextPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const prev = parts[i - 1];
    const next = parts[i + 1];
    if (
      part.type === 'equal' &&
      /^\s+$/.test(part.text) &&
      prev &&
      next &&
      prev.type !== 'equal' &&
      next.type !== 'equal'
    ) {
      folded.push({ type: 'delete', text: part.text }, { type: 'insert', text: part.text });
    } else folded.push(part);
  }
  // Group each run of changes as all its deletions, then all its insertions.
  const result: TextPart[] = [];
  let run: TextPart[] = [];
  const flush = () => {
    for (const type of ['delete', 'insert'] as const) {
      const text = run
        .filter((p) => p.type === type)
        .map((p) => p.text)
        .join('');
      if (text) result.push({ type, text });
    }
    run = [];
  };
  for (const part of folded) {
    if (part.type === 'equal') {
      flush();
      const last = result[result.length - 1];
      if (last?.type === 'equal') last.text += part.text;
      else result.push({ ...part });
    } else run.push(part);
  }
  flush();
  return result;
}
