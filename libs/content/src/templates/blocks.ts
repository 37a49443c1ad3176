import type { PMMark, PMNode } from '../model';

/** Small builders for template content, in the editor's node schema. */

type Inline = string | PMNode;

const inline = (parts: Inline[]): PMNode[] =>
  parts.filter((part) => part !== '').map((part) => (typeof part === 'string' ? text(part) : part));

export function text(value: string, marks: PMMark[] = []): PMNode {
  return marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

export const bold = (value: string): PMNode => text(value, [{ type: 'bold' }]);
export const italic = (value: string): PMNode => text(value, [{ type: 'italic' }]);

/** Guidance for the authors, set in italics so that it reads as something to replace. */
export const guide = (value: string): PMNode => paragraph(italic(value));

export const hardBreak = (): PMNode => ({ type: 'hardBreak' });

export function paragraph(...parts: Inline[]): PMNode {
  const content = inline(parts);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function heading(level: number, value: string): PMNode {
  return { type: 'heading', attrs: { level }, content: inline([value]) };
}

const listItem = (value: Inline): PMNode => ({ type: 'listItem', content: [paragraph(value)] });

export function bulletList(items: Inline[]): PMNode {
  return { type: 'bulletList', content: items.map(listItem) };
}

export function orderedList(items: Inline[], start = 1): PMNode {
  return { type: 'orderedList', attrs: { start }, content: items.map(listItem) };
}

function cell(type: 'tableHeader' | 'tableCell', value: string): PMNode {
  return { type, attrs: { colspan: 1, rowspan: 1 }, content: [paragraph(value)] };
}

/** A table whose first row is a header row; `rows` may hold empty strings for cells left to fill in. */
export function table(header: string[], rows: string[][]): PMNode {
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map((value) => cell('tableHeader', value)) },
      ...rows.map((row) => ({ type: 'tableRow', content: row.map((value) => cell('tableCell', value)) })),
    ],
  };
}
