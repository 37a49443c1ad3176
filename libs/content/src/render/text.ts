import * as Y from 'yjs';
import { FRAGMENT_NAME, type ContentSource, type PMNode } from '../model';
import { toProseMirrorJSON } from '../read';
import { headingLevel, inlineText, isTextblock } from './common';

// Bound once: compiled to CommonJS, each `Y.ContentString` is a getter call, which made `yText` 1.5× slower.
const { ContentEmbed, ContentString } = Y;

/**
 * The text of the content for search indexing: one line per paragraph, heading or list item line, the
 * cells of a table row separated by tabs; empty blocks are left out.
 */
export function toPlainText(source: ContentSource): string {
  const lines: string[] = [];
  if (source instanceof Y.Doc || source instanceof Y.XmlFragment) {
    // The server re-indexes live documents every few seconds: read the Yjs tree in place rather than build
    // its JSON (a text delta, marks and a node for every formatted run) only to throw it away.
    const fragment = source instanceof Y.Doc ? source.getXmlFragment(FRAGMENT_NAME) : source;
    collectYLines(fragment.toArray(), lines);
  } else collectLines(toProseMirrorJSON(source).content, lines);
  return lines.join('\n');
}

function collectLines(nodes: readonly PMNode[] | undefined, lines: string[]): void {
  for (const node of nodes ?? []) {
    if (isTextblock(node) || node.content?.some((child) => child.type === 'text')) {
      pushLines(inlineText(node.content), lines);
    } else if (node.type === 'tableRow') {
      const cells = (node.content ?? []).map((cell) => {
        const cellLines: string[] = [];
        collectLines(cell.content, cellLines);
        return cellLines.join(' ');
      });
      pushRow(cells, lines);
    } else collectLines(node.content, lines);
  }
}

/**
 * `collectLines` over the nodes `toProseMirrorJSON` would make of these Yjs children (read.ts): an element
 * is a node named after it, a Y.XmlText is text nodes (none when it is empty), anything else is dropped.
 * Text holds no blocks, so skipping it here also drops stray text at the top level, as the editor does.
 */
function collectYLines(children: readonly unknown[], lines: string[]): void {
  for (const child of children) {
    if (!(child instanceof Y.XmlElement)) continue;
    const content = child.toArray();
    if (isTextblock({ type: child.nodeName }) || content.some(isTextNode)) {
      pushLines(yInlineText(content), lines);
    } else if (child.nodeName === 'tableRow') {
      // Text in a row would have taken the branch above, so its nodes are exactly its elements.
      const cells = content.filter((cell) => cell instanceof Y.XmlElement);
      const cellTexts = cells.map((cell) => {
        const cellLines: string[] = [];
        collectYLines(cell.toArray(), cellLines);
        return cellLines.join(' ');
      });
      pushRow(cellTexts, lines);
    } else collectYLines(content, lines);
  }
}

const isTextNode = (child: unknown): boolean =>
  child instanceof Y.XmlText ? yText(child) !== '' : child instanceof Y.XmlElement && child.nodeName === 'text';

/** `inlineText` of these Yjs children, hard breaks as line breaks. */
function yInlineText(children: readonly unknown[]): string {
  let text = '';
  for (const child of children) {
    if (child instanceof Y.XmlText) text += yText(child);
    // An element named `text` is a text node without text.
    else if (child instanceof Y.XmlElement && child.nodeName !== 'text') {
      text += child.nodeName === 'hardBreak' ? '\n' : yInlineText(child.toArray());
    }
  }
  return text;
}

/**
 * The text of the runs `toDelta()` would give, without building them: the visible strings in order,
 * formatting dropped. Embeds count only when they are strings, which is when `toProseMirrorJSON` keeps
 * them; the editor never writes embeds but a crafted update can (so not `Y.Text.prototype.toString`).
 */
function yText(text: Y.XmlText): string {
  let result = '';
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof ContentString) result += item.content.str;
    else if (item.content instanceof ContentEmbed && typeof item.content.embed === 'string') {
      result += item.content.embed;
    }
  }
  return result;
}

function pushLines(text: string, lines: string[]): void {
  for (const line of text.split('\n')) if (line.trim()) lines.push(line.trim());
}

function pushRow(cells: string[], lines: string[]): void {
  if (cells.some((cell) => cell !== '')) lines.push(cells.join('\t'));
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
