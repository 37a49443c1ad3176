import type { Node as PMNode } from '@tiptap/pm/model';

export interface OutlineEntry {
  level: number;
  text: string;
  /** The heading's position in the document, to scroll to it. */
  pos: number;
}

/** The headings of a document in reading order (headings nested in quotes or cells included). */
export function headingsOf(doc: PMNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      const text = node.textContent.trim();
      if (text) entries.push({ level: Number(node.attrs.level) || 1, text, pos });
      return false;
    }
    return true;
  });
  return entries;
}
