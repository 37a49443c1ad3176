import * as Y from 'yjs';

/** The name of the `Y.XmlFragment` that holds a document's text (fixed by the collaboration socket contract). */
export const FRAGMENT_NAME = 'default';

/** A mark as ProseMirror serialises it: `{type: 'bold'}`, `{type: 'link', attrs: {href}}`. */
export interface PMMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A node as ProseMirror serialises it (`Node.toJSON()`). */
export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  marks?: PMMark[];
  text?: string;
}

export interface ProseMirrorDoc extends PMNode {
  type: 'doc';
  content: PMNode[];
}

/** Anything the renderers accept: a live document, a Yjs update (v1), the fragment itself, or its JSON. */
export type ContentSource = Y.Doc | Uint8Array | Y.XmlFragment | ProseMirrorDoc;

/**
 * The order ProseMirror gives the marks of the editor's schema (StarterKit + link), so that our JSON lists
 * marks exactly as the editor's `toJSON()` does and renderers nest them the same way every time.
 */
const MARK_ORDER = ['link', 'bold', 'code', 'italic', 'strike', 'underline'];

export function markRank(type: string): number {
  const rank = MARK_ORDER.indexOf(type);
  return rank === -1 ? MARK_ORDER.length : rank;
}

export function sortMarks(marks: PMMark[]): PMMark[] {
  return [...marks].sort((a, b) => markRank(a.type) - markRank(b.type) || a.type.localeCompare(b.type));
}

/**
 * y-prosemirror stores a mark whose type may overlap itself under `<name>--<8-char hash>`; this is its own
 * pattern (`hashedMarkNameRegex` in @tiptap/y-tiptap), so a name is read exactly as the editor reads it.
 */
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

export function markNameOf(attributeName: string): string {
  return HASHED_MARK_NAME.exec(attributeName)?.[1] ?? attributeName;
}

/** Structural equality for attribute values (mark attrs are small JSON objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function sameMark(a: PMMark, b: PMMark): boolean {
  return a.type === b.type && sameValue(a.attrs ?? {}, b.attrs ?? {});
}

export function sameMarks(a: PMMark[] = [], b: PMMark[] = []): boolean {
  return a.length === b.length && a.every((m, i) => sameMark(m, b[i]));
}

export function isProseMirrorDoc(source: unknown): source is ProseMirrorDoc {
  return (
    typeof source === 'object' &&
    source !== null &&
    !(source instanceof Uint8Array) &&
    !(source instanceof Y.Doc) &&
    !(source instanceof Y.AbstractType) &&
    (source as PMNode).type === 'doc'
  );
}
