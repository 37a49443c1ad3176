import { getSchema } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap';
import { toProseMirrorJSON, writeProseMirrorJSON, type PMNode } from '@passerelle/content';
import * as Y from 'yjs';
import { decodeAnchor, encodeAnchor, resolvePassage, tightAnchors } from './anchors';
import { ContentLayout } from './content-layout';
import { PassageGoneError, replacePassage } from './replace-passage';

/** The web editor's schema and Yjs binding: positions must be the ones the editor shows. */
const schema = getSchema([StarterKit, TableKit]);

const text = (value: string, marks: string[] = []): PMNode => ({
  type: 'text',
  text: value,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const paragraph = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content });
const cell = (value: string): PMNode => ({ type: 'tableCell', content: [paragraph(text(value))] });

const SAMPLE: PMNode[] = [
  { type: 'heading', attrs: { level: 1 }, content: [text('Priorités de Lyon')] },
  paragraph(
    text('Accueil '),
    text('digne', ['bold']),
    text(' des réfugiés'),
    { type: 'hardBreak' },
    text('et emploi.'),
  ),
  { type: 'horizontalRule' },
  {
    type: 'bulletList',
    content: [
      { type: 'listItem', content: [paragraph(text('Logement'))] },
      { type: 'listItem', content: [paragraph(text('Langue'))] },
    ],
  },
  { type: 'blockquote', content: [paragraph(text('Citation'))] },
  { type: 'table', content: [{ type: 'tableRow', content: [cell('A1'), cell('B1')] }] },
  paragraph(),
  paragraph(text('Fin.')),
];

function docWith(nodes: PMNode[]): Y.Doc {
  const doc = new Y.Doc();
  writeProseMirrorJSON(doc.getXmlFragment('default'), nodes);
  return doc;
}

function editorView(doc: Y.Doc) {
  const { doc: pmDoc, mapping } = initProseMirrorDoc(doc.getXmlFragment('default'), schema);
  return { pmDoc, mapping };
}

/** A relative position for a ProseMirror position, made as the web client makes it. */
function anchorAt(doc: Y.Doc, pos: number): Uint8Array {
  const { mapping } = editorView(doc);
  return Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, doc.getXmlFragment('default'), mapping));
}

/** The ProseMirror positions of the first occurrence of `needle`. */
function find(doc: Y.Doc, needle: string): { from: number; to: number } {
  const { pmDoc } = editorView(doc);
  let found: { from: number; to: number } | null = null;
  pmDoc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const index = node.text!.indexOf(needle);
    if (index >= 0) found = { from: pos + index, to: pos + index + needle.length };
    return false;
  });
  if (!found) throw new Error(`"${needle}" not found`);
  return found;
}

function openInEditor(doc: Y.Doc) {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('default'), schema);
  node.check();
  return node;
}

describe('content layout', () => {
  it('resolves every position to the position the editor binding resolves it to', () => {
    const doc = docWith(SAMPLE);
    const { pmDoc, mapping } = editorView(doc);
    const fragment = doc.getXmlFragment('default');
    const layout = new ContentLayout(doc);
    for (let pos = 0; pos <= pmDoc.content.size; pos++) {
      const relative = absolutePositionToRelativePosition(pos, fragment, mapping);
      const expected = relativePositionToAbsolutePosition(doc, fragment, relative, mapping);
      expect([pos, layout.resolve(relative)]).toEqual([pos, expected]);
    }
  });

  it('reads the text of a passage, one line per block', () => {
    const doc = docWith(SAMPLE);
    const layout = new ContentLayout(doc);
    const from = find(doc, 'digne').from;
    const to = find(doc, 'Logement').to;
    expect(layout.textBetween(from, to)).toBe('digne des réfugiéset emploi.\nLogement');
  });

  it('never resolves a position outside the content or of another root type', () => {
    const doc = docWith(SAMPLE);
    const other = doc.getText('elsewhere');
    other.insert(0, 'hors du texte');
    const layout = new ContentLayout(doc);
    expect(layout.resolve(Y.createRelativePositionFromTypeIndex(other, 2))).toBeNull();
    const unknownRoot = Y.decodeRelativePosition(
      Y.encodeRelativePosition(new Y.RelativePosition(null, 'not-default', null)),
    );
    expect(layout.resolve(unknownRoot)).toBeNull();
    expect(doc.share.has('not-default')).toBe(false);
    const foreign = new Y.Doc();
    writeProseMirrorJSON(foreign.getXmlFragment('default'), SAMPLE);
    const foreignText = foreign.getXmlFragment('default').get(1) as Y.XmlElement;
    expect(layout.resolve(Y.createRelativePositionFromTypeIndex(foreignText.get(0) as Y.XmlText, 1))).toBeNull();
  });
});

describe('anchors', () => {
  it('decodes only base64 relative positions', () => {
    const doc = docWith(SAMPLE);
    const bytes = anchorAt(doc, find(doc, 'digne').from);
    expect(decodeAnchor(encodeAnchor(bytes))?.bytes).toEqual(bytes);
    expect(decodeAnchor('not base64!')).toBeNull();
    expect(decodeAnchor('')).toBeNull();
  });

  it('follows the passage through edits around it and detaches it once its text is deleted', () => {
    const doc = docWith(SAMPLE);
    const { from, to } = find(doc, 'digne');
    const start = anchorAt(doc, from);
    const end = anchorAt(doc, to);
    const paragraphText = (doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    paragraphText.insert(0, 'Un ');
    expect(resolvePassage(new ContentLayout(doc), start, end)).toEqual({ from: from + 3, to: to + 3, text: 'digne' });
    paragraphText.delete(3 + 'Accueil '.length, 'digne'.length);
    expect(resolvePassage(new ContentLayout(doc), start, end)).toBeNull();
  });

  it('ties anchors to the passage so that text typed at its edges stays outside', () => {
    const doc = docWith(SAMPLE);
    const { from, to } = find(doc, 'digne');
    const loose = { start: anchorAt(doc, from), end: anchorAt(doc, to) };
    const tight = tightAnchors(doc, Y.decodeRelativePosition(loose.start), Y.decodeRelativePosition(loose.end));
    expect(resolvePassage(new ContentLayout(doc), tight.start, tight.end)).toEqual({ from, to, text: 'digne' });
    const paragraphText = (doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    paragraphText.insert('Accueil '.length, 'très ');
    paragraphText.insert('Accueil très digne'.length, ' et sûr', { bold: null });
    expect(resolvePassage(new ContentLayout(doc), tight.start, tight.end)?.text).toBe('digne');
    // The editor's own positions would have taken in the text typed before it.
    expect(resolvePassage(new ContentLayout(doc), loose.start, loose.end)?.text).toBe('très digne');
  });
});

describe('replacing a passage', () => {
  it('replaces text inside one block with the formatting of its first character', () => {
    const doc = docWith(SAMPLE);
    const { from, to } = find(doc, 'digne');
    const anchors = replacePassage(new ContentLayout(doc), from, to, 'dignified');
    const json = toProseMirrorJSON(doc);
    expect(json.content[1].content!.slice(0, 3)).toEqual([
      text('Accueil '),
      text('dignified', ['bold']),
      text(' des réfugiés'),
    ]);
    expect(resolvePassage(new ContentLayout(doc), anchors.start, anchors.end)?.text).toBe('dignified');
    openInEditor(doc);
  });

  it('puts the replacement in the first block and removes the rest of a range over several blocks', () => {
    const doc = docWith([
      paragraph(text('Premier paragraphe')),
      paragraph(text('Deuxième')),
      paragraph(text('Troisième fin')),
    ]);
    const from = find(doc, 'paragraphe').from;
    const to = find(doc, 'Troisième ').to;
    replacePassage(new ContentLayout(doc), from, to, 'texte unique ');
    expect(toProseMirrorJSON(doc).content).toEqual([paragraph(text('Premier texte unique ')), paragraph(text('fin'))]);
    openInEditor(doc);
  });

  it('empties table cells and list items instead of breaking their structure', () => {
    const doc = docWith(SAMPLE);
    const from = find(doc, 'Langue').from;
    const to = find(doc, 'B1').to;
    replacePassage(new ContentLayout(doc), from, to, 'Idiome');
    const node = openInEditor(doc);
    expect(node.textContent).toContain('Idiome');
    expect(node.textContent).not.toContain('Citation');
    expect(node.textContent).not.toContain('A1');
    expect(toProseMirrorJSON(doc).content.find((n) => n.type === 'table')).toBeDefined();
  });

  it('refuses a range without text', () => {
    const doc = docWith([paragraph(text('Avant')), paragraph(), paragraph(text('Après'))]);
    const empty = find(doc, 'Avant').to + 1;
    expect(() => replacePassage(new ContentLayout(doc), empty, empty + 2, 'x')).toThrow(PassageGoneError);
  });
});
