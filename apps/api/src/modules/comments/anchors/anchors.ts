import * as Y from 'yjs';
import { ContentLayout } from './content-layout';

/** Where a thread's passage is now. */
export interface ResolvedPassage {
  from: number;
  to: number;
  text: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The bytes of an anchor sent as base64, when they decode as a relative position. */
export function decodeAnchor(value: string): { bytes: Uint8Array; position: Y.RelativePosition } | null {
  if (!BASE64.test(value) || value.length % 4 === 1) return null;
  const bytes = new Uint8Array(Buffer.from(value, 'base64'));
  if (bytes.length === 0) return null;
  try {
    return { bytes, position: Y.decodeRelativePosition(bytes) };
  } catch {
    return null;
  }
}

export const encodeAnchor = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

function positionOf(bytes: Uint8Array): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/**
 * The passage between two stored anchors in the current content, or null when it is detached:
 * an anchor no longer resolves, both resolve to the same place, or no text is left between them.
 */
export function resolvePassage(layout: ContentLayout, start: Uint8Array, end: Uint8Array): ResolvedPassage | null {
  const startPosition = positionOf(start);
  const endPosition = positionOf(end);
  if (!startPosition || !endPosition) return null;
  const from = layout.resolve(startPosition);
  const to = layout.resolve(endPosition);
  if (from === null || to === null || from >= to) return null;
  const text = layout.textBetween(from, to);
  return text.length === 0 ? null : { from, to, text };
}

/**
 * The passage's anchors tied to its own first and last characters. Editors make positions that
 * lean on the character before them (y-prosemirror uses assoc -1), so text typed just before a
 * passage would join it; tied this way, text typed at either edge stays outside, as people
 * expect of a comment. `positions` must resolve in `doc`.
 */
export function tightAnchors(
  doc: Y.Doc,
  start: Y.RelativePosition,
  end: Y.RelativePosition,
): { start: Uint8Array; end: Uint8Array } {
  const retie = (position: Y.RelativePosition, assoc: number) => {
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc)!;
    return Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc));
  };
  return { start: retie(start, 0), end: retie(end, -1) };
}
