import * as Y from 'yjs';
import {
  FRAGMENT_NAME,
  isProseMirrorDoc,
  markNameOf,
  sameMark,
  sameMarks,
  sortMarks,
  type ContentSource,
  type PMMark,
  type PMNode,
  type ProseMirrorDoc,
} from './model';

/**
 * The document's content as ProseMirror JSON, read the way @tiptap/y-tiptap reads it into the editor
 * (`yXmlFragmentToProseMirrorRootNode`): elements become nodes with their attributes, text deltas become
 * text nodes whose formatting attributes are marks.
 */
export function toProseMirrorJSON(source: ContentSource): ProseMirrorDoc {
  if (isProseMirrorDoc(source)) return source;
  if (source instanceof Uint8Array) {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, source);
      return fragmentToJSON(doc.getXmlFragment(FRAGMENT_NAME));
    } finally {
      doc.destroy();
    }
  }
  const fragment = source instanceof Y.Doc ? source.getXmlFragment(FRAGMENT_NAME) : source;
  return fragmentToJSON(fragment);
}

function fragmentToJSON(fragment: Y.XmlFragment): ProseMirrorDoc {
  const content: PMNode[] = [];
  // The editor only maps elements at the top level; stray text there never reaches ProseMirror.
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement) content.push(elementToJSON(child));
  }
  return { type: 'doc', content };
}

function elementToJSON(element: Y.XmlElement): PMNode {
  const content: PMNode[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) content.push(elementToJSON(child));
    else if (child instanceof Y.XmlText) appendText(content, child);
  }
  const node: PMNode = { type: element.nodeName };
  const attrs: Record<string, unknown> = { ...element.getAttributes() };
  delete attrs.ychange;
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  if (content.length > 0) node.content = content;
  return node;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function appendText(content: PMNode[], text: Y.XmlText): void {
  for (const op of text.toDelta() as DeltaOp[]) {
    // Embeds are not part of the editor's schema; y-prosemirror never writes them.
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const marks = attributesToMarks(op.attributes);
    const previous = content[content.length - 1];
    // Two neighbouring Y.XmlTexts can hold runs with the same marks; ProseMirror joins such text nodes.
    if (previous?.text !== undefined && sameMarks(previous.marks, marks)) {
      previous.text += op.insert;
      continue;
    }
    const node: PMNode = { type: 'text', text: op.insert };
    if (marks.length > 0) node.marks = marks;
    content.push(node);
  }
}

function attributesToMarks(attributes: Record<string, unknown> | undefined): PMMark[] {
  const marks: PMMark[] = [];
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined) continue;
    const mark: PMMark = { type: markNameOf(name) };
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      mark.attrs = { ...(value as Record<string, unknown>) };
    }
    if (!marks.some((m) => sameMark(m, mark))) marks.push(mark);
  }
  return sortMarks(marks);
}
