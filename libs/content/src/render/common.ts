import type { PMMark, PMNode } from '../model';

/** A heading's level as the editor would show it: 1 to 6, whatever a client stored. */
export function headingLevel(node: PMNode): number {
  const level = Math.trunc(Number(node.attrs?.level));
  return Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 1;
}

/** The first number of an ordered list (the editor's default is 1). */
export function orderedStart(node: PMNode): number {
  const start = Math.trunc(Number(node.attrs?.start ?? 1));
  return Number.isFinite(start) && start >= 0 ? start : 1;
}

/** A table cell's colspan / rowspan, at least 1. */
export function cellSpan(node: PMNode, attribute: 'colspan' | 'rowspan'): number {
  const span = Math.trunc(Number(node.attrs?.[attribute] ?? 1));
  return Number.isFinite(span) && span >= 1 ? Math.min(span, 1000) : 1;
}

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A link target that is safe to render, or null. Only http(s) and mailto are kept: `javascript:`, `data:`,
 * relative and protocol-relative targets are dropped, and so is anything with control characters, which
 * browsers strip before reading the scheme (`java\tscript:`).
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  if (CONTROL.test(trimmed) || !SAFE_URL.test(trimmed)) return null;
  return trimmed;
}

export function linkHref(mark: PMMark): string | null {
  return mark.type === 'link' ? safeHref(mark.attrs?.href) : null;
}

export const isTextblock = (node: PMNode): boolean =>
  node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock';

/** The text of inline content, hard breaks as `breakWith`. */
export function inlineText(nodes: readonly PMNode[] | undefined, breakWith = '\n'): string {
  let text = '';
  for (const node of nodes ?? []) {
    if (node.type === 'text') text += node.text ?? '';
    else if (node.type === 'hardBreak') text += breakWith;
    else text += inlineText(node.content, breakWith);
  }
  return text;
}

/** Marks this library knows how to render; unknown ones (e.g. a comment highlight) are rendered as plain text. */
export const KNOWN_MARKS = new Set(['bold', 'italic', 'link', 'strike', 'code', 'underline']);
