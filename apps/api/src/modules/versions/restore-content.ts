import * as Y from 'yjs';

/** The shared type holding the editor's content (SPEC "The collaboration socket"). */
export const CONTENT_FRAGMENT = 'default';

/**
 * Makes `target`'s content equal to `source`'s as an ordinary change of `target`: every current
 * node is deleted and copies of the source's nodes are inserted, in one transaction. Nothing of
 * the history is rewritten, and the change merges with concurrent edits like any other.
 */
export function replaceContent(target: Y.Doc, source: Y.Doc): void {
  const into = target.getXmlFragment(CONTENT_FRAGMENT);
  const nodes = source.getXmlFragment(CONTENT_FRAGMENT).toArray();
  target.transact(() => {
    if (into.length > 0) into.delete(0, into.length);
    // Hooks insert like elements at run time; the typings just do not list them.
    if (nodes.length > 0)
      into.insert(
        0,
        nodes.map((node) => node.clone() as Y.XmlElement | Y.XmlText),
      );
  });
}

/** Loads a stored state (a version) into a fresh document. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
