import * as Y from 'yjs';
import type { PMMark, PMNode } from './model';

type Element = Y.XmlElement;

/**
 * Appends ProseMirror JSON nodes to a fragment exactly as y-prosemirror's sync plugin would write them when
 * the editor inserts that content (`createTypeFromElementNode` / `createTypeFromTextNodes`): one element per
 * node with its non-null attributes, one `Y.XmlText` per run of neighbouring text nodes, each mark stored as
 * a text attribute named after the mark whose value is the mark's attrs.
 */
export function writeProseMirrorJSON(fragment: Y.XmlFragment, nodes: readonly PMNode[]): void {
  const types = toYTypes(nodes);
  const write = (): void => fragment.insert(fragment.length, types);
  if (fragment.doc) fragment.doc.transact(write);
  else write();
}

function toYTypes(nodes: readonly PMNode[]): Array<Element | Y.XmlText> {
  const types: Array<Element | Y.XmlText> = [];
  let run: PMNode[] = [];
  const flush = (): void => {
    if (run.length > 0) types.push(textType(run));
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) run.push(node);
      continue;
    }
    flush();
    types.push(elementType(node));
  }
  flush();
  return types;
}

function elementType(node: PMNode): Element {
  const element: Element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    // Yjs types attributes as strings but stores any JSON value; the editor stores numbers (heading level, spans).
    if (value !== null && value !== undefined && key !== 'ychange') element.setAttribute(key, value as string);
  }
  element.insert(0, toYTypes(node.content ?? []));
  return element;
}

function textType(run: PMNode[]): Y.XmlText {
  const text = new Y.XmlText();
  text.applyDelta(run.map((node) => ({ insert: node.text, attributes: marksToAttributes(node.marks ?? []) })));
  return text;
}

function marksToAttributes(marks: PMMark[]): Record<string, object> {
  const attributes: Record<string, object> = {};
  for (const mark of marks) attributes[mark.type] = { ...(mark.attrs ?? {}) };
  return attributes;
}
