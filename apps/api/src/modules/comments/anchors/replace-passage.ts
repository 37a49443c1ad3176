import * as Y from 'yjs';
import { attributesAt, ContentLayout } from './content-layout';

/** Containers from which a whole block may be removed without breaking the editor's schema. */
const BLOCK_LISTS = new Set(['blockquote', 'bulletList', 'orderedList']);

export class PassageGoneError extends Error {
  constructor() {
    super('The passage holds no text any more');
  }
}

function ancestorsOf(type: Y.XmlText | Y.XmlElement): Set<unknown> {
  const ancestors = new Set<unknown>();
  for (let t = type.parent; t !== null; t = t.parent) ancestors.add(t);
  return ancestors;
}

function removableFrom(parent: unknown, root: Y.XmlFragment): boolean {
  if (parent === root) return true;
  return parent instanceof Y.XmlElement && BLOCK_LISTS.has(parent.nodeName);
}

/**
 * Replaces the passage [from, to) of the live content by `replacement`, as an editor would: the
 * text is deleted and the replacement inserted where the passage began, with the formatting
 * (marks) of its first character.
 *
 * A passage that spans several blocks: the replacement goes into the first block; the text of the
 * range is removed from the others; a block wholly inside the range is removed too, when its
 * container allows it (the document, a blockquote, a list) — list items' and table cells' inner
 * blocks and table parts are only emptied, so the structure stays valid for the editor. The rest
 * of the last block is not joined to the first one.
 *
 * Run it inside the transaction of a DocumentStore change, on a layout of that same document.
 * Returns anchors around the inserted text.
 */
export function replacePassage(
  layout: ContentLayout,
  from: number,
  to: number,
  replacement: string,
): { start: Uint8Array; end: Uint8Array } {
  const segments = layout.overlapping(from, to);
  if (segments.length === 0) throw new PassageGoneError();
  const first = segments[0];
  const offset = Math.max(0, from - first.start);
  const attributes = attributesAt(first.text, offset);
  const root = layout.doc.getXmlFragment('default');

  const keep = ancestorsOf(first.text);
  const covered = layout.elements.filter(
    (span) =>
      span.start >= from && span.end <= to && !keep.has(span.element) && removableFrom(span.element.parent, root),
  );
  const coveredSet = new Set<unknown>(covered.map((span) => span.element));
  const removed = covered.filter((span) => ![...ancestorsOf(span.element)].some((a) => coveredSet.has(a)));
  const removedSet = new Set<unknown>(removed.map((span) => span.element));

  // From the end backwards, so that what is still to do keeps its indexes.
  for (const segment of [...segments].reverse()) {
    if ([...ancestorsOf(segment.text)].some((a) => removedSet.has(a))) continue;
    const start = Math.max(from, segment.start) - segment.start;
    const end = Math.min(to, segment.start + segment.length) - segment.start;
    if (end > start) segment.text.delete(start, end - start);
  }
  for (const span of [...removed].reverse()) {
    const parent = span.element.parent as Y.XmlFragment;
    const index = parent.toArray().indexOf(span.element);
    if (index >= 0) parent.delete(index, 1);
  }
  if (replacement.length > 0) first.text.insert(offset, replacement, attributes);

  return {
    start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.text, offset, 0)),
    end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.text, offset + replacement.length, -1)),
  };
}
