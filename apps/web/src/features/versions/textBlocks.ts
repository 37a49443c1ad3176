import type { PMNode } from './types';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'quote' | 'tableRow' | 'rule';

/** One block of a document's text, as the comparison reads it. */
export interface TextBlock {
  kind: BlockKind;
  text: string;
}

function inlineText(node: PMNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(inlineText).join('');
}

/**
 * The blocks of a ProseMirror document in reading order: headings, paragraphs, list items (with
 * their bullet or number), quotes, table rows (cells joined by " | "). Marks are left out: the
 * comparison is about the words.
 */
export function textBlocks(doc: PMNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  const walk = (node: PMNode, context: { kind: BlockKind; marker: string }) => {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', text: inlineText(node) });
        return;
      case 'paragraph':
        blocks.push({ kind: context.kind, text: context.marker + inlineText(node) });
        return;
      case 'horizontalRule':
        blocks.push({ kind: 'rule', text: '———' });
        return;
      case 'table':
        for (const row of node.content ?? []) {
          const cells = (row.content ?? []).map((cell) => (cell.content ?? []).map(inlineText).join(' ').trim());
          blocks.push({ kind: 'tableRow', text: cells.join(' | ') });
        }
        return;
      case 'bulletList':
      case 'orderedList': {
        const first = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
        (node.content ?? []).forEach((item, index) => {
          const marker = node.type === 'bulletList' ? '• ' : `${first + index}. `;
          // The marker goes on the item's first paragraph; the following ones are its continuation.
          (item.content ?? []).forEach((child, childIndex) =>
            walk(child, { kind: 'listItem', marker: childIndex === 0 ? marker : '' }),
          );
        });
        return;
      }
      case 'blockquote':
        for (const child of node.content ?? []) walk(child, { kind: 'quote', marker: '' });
        return;
      default:
        for (const child of node.content ?? []) walk(child, context);
    }
  };
  walk(doc, { kind: 'paragraph', marker: '' });
  return blocks;
}
