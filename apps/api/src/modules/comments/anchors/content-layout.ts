import * as Y from 'yjs';

/** The fragment that holds a document's text (fixed by the collaboration contract). */
export const FRAGMENT = 'default';

/**
 * Nodes of the editor's schema without content: ProseMirror counts them as one position, where a
 * node with content counts its opening and closing tokens.
 */
const LEAF_NODES = new Set(['hardBreak', 'horizontalRule', 'image']);

/** One Y.XmlText of the content and where its first character sits. */
export interface TextSegment {
  text: Y.XmlText;
  /** ProseMirror position of the character at index 0. */
  start: number;
  length: number;
}

/** One element and the positions just before its opening token and just after its closing one. */
export interface ElementSpan {
  element: Y.XmlElement;
  start: number;
  end: number;
}

type Container = Y.XmlFragment | Y.XmlElement;

/**
 * The content of the `default` fragment laid out in ProseMirror positions, computed the way the
 * editor's Yjs binding (y-prosemirror / y-tiptap `relativePositionToAbsolutePosition`) computes
 * them, so that a position the server reports is the one the editor shows.
 */
export class ContentLayout {
  readonly segments: TextSegment[] = [];
  readonly elements: ElementSpan[] = [];
  private readonly textStart = new Map<Y.XmlText, number>();
  /** For each container: the position before each child, then the end of its content. */
  private readonly childStarts = new Map<Container, number[]>();
  private readonly parentTexts = new Map<Y.XmlText, Container>();

  constructor(readonly doc: Y.Doc) {
    this.walk(doc.getXmlFragment(FRAGMENT), 0);
  }

  /** Where a relative position now points, or null when it no longer points into the content. */
  resolve(position: Y.RelativePosition): number | null {
    // A root type named otherwise would be created by the lookup: never resolve one.
    if (position.tname !== null && position.tname !== FRAGMENT) return null;
    let absolute: Y.AbsolutePosition | null;
    try {
      absolute = Y.createAbsolutePositionFromRelativePosition(position, this.doc);
    } catch {
      return null;
    }
    if (!absolute) return null;
    const { type, index } = absolute;
    if (type instanceof Y.XmlText) {
      const start = this.textStart.get(type);
      return start === undefined ? null : start + Math.min(index, type.length);
    }
    if (type instanceof Y.XmlFragment) {
      const starts = this.childStarts.get(type);
      return starts ? starts[Math.min(index, starts.length - 1)] : null;
    }
    return null;
  }

  /** The text between two positions; the texts of different blocks are separated by a line break. */
  textBetween(from: number, to: number): string {
    let out = '';
    let previousParent: Container | null = null;
    for (const segment of this.overlapping(from, to)) {
      const plain = plainText(segment.text);
      const slice = plain.slice(Math.max(0, from - segment.start), Math.min(segment.length, to - segment.start));
      const parent = this.parentTexts.get(segment.text)!;
      if (previousParent !== null && parent !== previousParent) out += '\n';
      out += slice.replace(/\uFFFC/g, '');
      previousParent = parent;
    }
    return out;
  }

  /** The text segments that hold at least one character of [from, to), in document order. */
  overlapping(from: number, to: number): TextSegment[] {
    return this.segments.filter((s) => s.length > 0 && s.start < to && s.start + s.length > from);
  }

  /** The container a text segment belongs to. */
  parentOf(text: Y.XmlText): Container | undefined {
    return this.parentTexts.get(text);
  }

  private walk(container: Container, contentStart: number): number {
    const starts: number[] = [];
    let pos = contentStart;
    for (const child of container.toArray()) {
      starts.push(pos);
      if (child instanceof Y.XmlText) {
        this.textStart.set(child, pos);
        this.parentTexts.set(child, container);
        this.segments.push({ text: child, start: pos, length: child.length });
        pos += child.length;
      } else if (child instanceof Y.XmlElement) {
        const start = pos;
        if (child.length === 0 && LEAF_NODES.has(child.nodeName)) {
          this.childStarts.set(child, [start + 1]);
          pos += 1;
        } else {
          pos = this.walk(child, start + 1) + 1;
        }
        this.elements.push({ element: child, start, end: pos });
      }
      // Hooks are not part of the editor's schema: the binding never writes them.
    }
    starts.push(pos);
    this.childStarts.set(container, starts);
    return pos;
  }
}

/** The characters of a text, embeds as U+FFFC so that indexes stay those of Yjs. */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert?: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');
}

/** The formatting attributes (marks) of the character at `index`. */
export function attributesAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) return { ...(op.attributes ?? {}) };
    offset += length;
  }
  return {};
}
