import { DOCUMENT_KINDS, LANGUAGES } from '@passerelle/domain';
import { getSchema } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { toProseMirrorJSON } from './read';
import { buildTemplate } from './templates';
import { SAMPLE_JSON, sampleDocument } from './test/sample-document';
import { writeProseMirrorJSON } from './write';

/**
 * The web editor's schema (StarterKit + tables) and its Yjs binding, used here to prove that what this
 * library writes opens in the editor unchanged and that what the editor writes is read correctly.
 */
const schema = getSchema([StarterKit, TableKit]);

/** Opens a document the way the editor does; y-tiptap deletes any element the schema rejects while doing so. */
function openInEditor(doc: Y.Doc) {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('default'), schema);
  // schema.node() does not validate content; check() does, recursively, marks included.
  node.check();
  return node;
}

describe('content and the editor schema', () => {
  it.each(DOCUMENT_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const)))(
    'the %s template in %s opens in the editor unchanged',
    (kind, language) => {
      const doc = new Y.Doc();
      const update = buildTemplate(kind, language, { title: 'Titre' });
      Y.applyUpdate(doc, update);
      const node = openInEditor(doc);
      expect(node.eq(schema.nodeFromJSON(toProseMirrorJSON(update)))).toBe(true);
      // Opening changed nothing: no element was rejected and deleted, no text was rewritten.
      expect(Y.encodeStateAsUpdate(doc)).toEqual(update);
    },
  );

  it('reads a document edited through the Yjs API as the editor reads it', () => {
    const doc = sampleDocument();
    const json = toProseMirrorJSON(doc);
    // The sample holds two neighbouring Y.XmlTexts, which y-tiptap merges into one as it opens the document;
    // the content it shows must still be what this library reads.
    expect(openInEditor(doc).eq(schema.nodeFromJSON(json))).toBe(true);
  });

  it('stores content exactly as the editor binding does', () => {
    // The editor fills default attributes (link rel, cell colwidth…); write that normalised JSON both ways.
    const normalised = schema.nodeFromJSON(SAMPLE_JSON);
    const byEditor = new Y.Doc();
    prosemirrorToYXmlFragment(normalised, byEditor.getXmlFragment('default'));
    const byLibrary = new Y.Doc();
    writeProseMirrorJSON(byLibrary.getXmlFragment('default'), normalised.toJSON().content);
    expect(byLibrary.getXmlFragment('default').toString()).toBe(byEditor.getXmlFragment('default').toString());
    expect(toProseMirrorJSON(byLibrary)).toEqual(toProseMirrorJSON(byEditor));
    expect(schema.nodeFromJSON(toProseMirrorJSON(byEditor)).eq(normalised)).toBe(true);
  });
});
