import type { ContentSource, PMNode } from '../model';
import { toProseMirrorJSON } from '../read';
import { headingLevel, inlineText, isTextblock } from './common';

/**
 * The text of the content for search indexing: one line per paragraph, heading or list item line, the
 * cells of a table row separated by tabs; empty blocks are left out.
 */
export function toPlainText(source: ContentSource): string {
  const lines: string[] = [];
  collectLines(toProseMirrorJSON(source).content, lines);
  return lines.join('\n');
}

function collectLines(nodes: readonly PMNode[] | undefined, lines: string[]): void {
  for (const node of nodes ?? []) {
    if (isTextblock(node) || node.content?.some((child) => child.type === 'text')) {
      for (const line of inlineText(node.content).split('\n')) if (line.trim()) lines.push(line.trim());
    } else if (node.type === 'tableRow') {
      const cells = (node.content ?? []).map((cell) => {
        const cellLines: string[] = [];
        collectLines(cell.content, cellLines);
        return cellLines.join(' ');
      });
      if (cells.some((cell) => cell !== '')) lines.push(cells.join('\t'));
    } else collectLines(node.content, lines);
  }
}

export interface OutlineEntry {
  level: number;
  text: string;
}

/** The headings of the content in document order (empty headings are skipped). */
export function outline(source: ContentSource): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const visit = (nodes: readonly PMNode[] | undefined): void => {
    for (const node of nodes ?? []) {
      if (node.type === 'heading') {
        const text = inlineText(node.content, ' ').replace(/\s+/g, ' ').trim();
        if (text) entries.push({ level: headingLevel(node), text });
      } else visit(node.content);
    }
  };
  visit(toProseMirrorJSON(source).content);
  return entries;
}
