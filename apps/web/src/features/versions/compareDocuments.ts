import { diffSequences, diffWords, type TextPart } from './diff';
import type { TextBlock } from './textBlocks';

/** One entry of a comparison: a block kept, added or removed as a whole, or changed word by word. */
export type BlockChange =
  | { type: 'equal' | 'insert' | 'delete'; block: TextBlock }
  | { type: 'change'; kind: TextBlock['kind']; parts: TextPart[] };

export interface Comparison {
  changes: BlockChange[];
  /** Words added and removed, for the summary line. */
  inserted: number;
  deleted: number;
}

const sameBlock = (a: TextBlock, b: TextBlock) => a.kind === b.kind && a.text === b.text;
const wordCount = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** Two blocks are the same paragraph rewritten when they share enough of their words. */
function similar(a: TextBlock, b: TextBlock): boolean {
  if (a.kind !== b.kind) return false;
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const left = words(a.text);
  const right = words(b.text);
  if (left.size === 0 || right.size === 0) return left.size === right.size;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.max(left.size, right.size) >= 0.4;
}

/**
 * Compares two documents block by block, then word by word inside the blocks that changed: in a
 * run of removed and added blocks, a removed block and an added one that share enough words are
 * the same paragraph rewritten, shown with its deleted and inserted words; the others appear as
 * removed or added whole.
 */
export function compareDocuments(before: TextBlock[], after: TextBlock[]): Comparison {
  const ops = diffSequences(before, after, sameBlock) ?? [
    { type: 'delete' as const, items: before },
    { type: 'insert' as const, items: after },
  ];
  const changes: BlockChange[] = [];
  let inserted = 0;
  let deleted = 0;
  const whole = (type: 'insert' | 'delete', block: TextBlock) => {
    changes.push({ type, block });
    if (type === 'insert') inserted += wordCount(block.text);
    else deleted += wordCount(block.text);
  };
  const rewritten = (old: TextBlock, now: TextBlock) => {
    const parts = diffWords(old.text, now.text);
    if (!parts) {
      whole('delete', old);
      whole('insert', now);
      return;
    }
    changes.push({ type: 'change', kind: now.kind, parts });
    for (const part of parts) {
      if (part.type === 'insert') inserted += wordCount(part.text);
      if (part.type === 'delete') deleted += wordCount(part.text);
    }
  };
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const next = ops[i + 1];
    if (op.type === 'equal') {
      for (const block of op.items) changes.push({ type: 'equal', block });
      continue;
    }
    const removed = op.type === 'delete' ? op.items : [];
    const added = op.type === 'insert' ? op.items : next?.type === 'insert' ? next.items : [];
    if (op.type === 'delete' && next?.type === 'insert') i++;
    // Align the removed and added blocks of the run on similarity: each match is one rewritten block.
    const aligned = diffSequences(removed, added, similar) ?? [
      { type: 'delete' as const, items: removed },
      { type: 'insert' as const, items: added },
    ];
    let r = 0;
    let a = 0;
    for (const step of aligned) {
      for (let count = 0; count < step.items.length; count++) {
        if (step.type === 'equal') rewritten(removed[r++]!, added[a++]!);
        else if (step.type === 'delete') whole('delete', removed[r++]!);
        else whole('insert', added[a++]!);
      }
    }
  }
  return { changes, inserted, deleted };
}
