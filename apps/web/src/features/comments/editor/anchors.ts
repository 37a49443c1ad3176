import { LIMITS, type ThreadAnchor } from '@passerelle/domain';
import { Selection, type EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

export interface Passage {
  from: number;
  to: number;
}

/** What the Yjs binding of the editor keeps in its plugin state (y-tiptap's ySyncPlugin). */
interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } | null;
}

const syncState = (state: EditorState): SyncState | null => {
  const ystate = ySyncPluginKey.getState(state) as SyncState | undefined;
  return ystate?.binding ? ystate : null;
};

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (value: string): Uint8Array => Uint8Array.from(atob(value), (c) => c.charCodeAt(0));

/**
 * A selection end moved onto text, inwards: an end at a block boundary (select all, a triple click,
 * a drag across a line end) would otherwise anchor to the structure rather than to the words.
 */
function inward(doc: EditorState['doc'], pos: number, dir: 1 | -1): number {
  const $pos = doc.resolve(pos);
  const inText = $pos.parent.inlineContent;
  const atEdge = inText && (dir > 0 ? $pos.parentOffset === $pos.parent.content.size : $pos.parentOffset === 0);
  if (inText && !atEdge) return pos;
  const from = atEdge ? doc.resolve(Math.min(Math.max(pos + dir, 0), doc.content.size)) : $pos;
  return Selection.findFrom(from, dir, true)?.head ?? pos;
}

/** The selected range pulled in to its text; null when no text is selected. */
export function textRange(state: EditorState): Passage | null {
  const { doc, selection } = state;
  if (selection.empty) return null;
  const from = inward(doc, selection.from, 1);
  const to = inward(doc, selection.to, -1);
  if (from >= to || doc.textBetween(from, to, '\n', ' ').trim() === '') return null;
  return { from, to };
}

/**
 * The selection as a thread anchor: Yjs relative positions of its two ends in the `default` fragment,
 * made with the editor binding's own mapping (so they point at the characters the person selected,
 * wherever others' edits move them), and the selected text. Null when nothing is selected or the
 * document is not bound yet.
 */
export function selectionAnchor(state: EditorState): { anchor: ThreadAnchor; quote: string } | null {
  const range = textRange(state);
  const ystate = syncState(state);
  if (!range || !ystate) return null;
  const relative = (pos: number) =>
    toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, ystate.type, ystate.binding!.mapping)));
  const text = state.doc.textBetween(range.from, range.to, '\n', ' ');
  // The quote is only what the thread shows once its passage is gone: a very long one is cut.
  const quote = text.length > LIMITS.commentMaxLength ? `${text.slice(0, LIMITS.commentMaxLength - 1)}…` : text;
  return { anchor: { start: relative(range.from), end: relative(range.to) }, quote };
}

/**
 * Where an anchor's passage is in the editor's current content, resolved locally so that highlights
 * follow live edits between two fetches of the threads. Null when it cannot be placed: its text was
 * deleted, or this copy has not received it yet.
 */
export function resolveAnchor(state: EditorState, anchor: ThreadAnchor): Passage | null {
  const ystate = syncState(state);
  if (!ystate) return null;
  try {
    const place = (value: string) =>
      relativePositionToAbsolutePosition(
        ystate.doc,
        ystate.type,
        Y.decodeRelativePosition(fromBase64(value)),
        ystate.binding!.mapping,
      );
    const from = place(anchor.start);
    const to = place(anchor.end);
    const size = state.doc.content.size;
    if (from === null || to === null || from >= to || to > size) return null;
    return { from, to };
  } catch {
    // A malformed or foreign anchor is simply not shown in the text.
    return null;
  }
}

/** Whether the editor is bound to its Yjs document (anchors can be made and resolved). */
export const isBound = (state: EditorState): boolean => syncState(state) !== null;
