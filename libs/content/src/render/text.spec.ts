import { DOCUMENT_KINDS, LANGUAGES } from '@passerelle/domain';
import fc from 'fast-check';
import * as Y from 'yjs';
import type { PMNode } from '../model';
import { toProseMirrorJSON } from '../read';
import { buildTemplate } from '../templates';
import { addElement, addParagraph, addText, SAMPLE_JSON, sampleDocument } from '../test/sample-document';
import { writeProseMirrorJSON } from '../write';
import { toPlainText } from './text';

/**
 * `toPlainText` reads a live Y.Doc without building its ProseMirror JSON; these tests hold it to the JSON
 * path (`toProseMirrorJSON` then the JSON walk), which is what the editor shows.
 */
function expectSameAsJSON(doc: Y.Doc): string {
  const text = toPlainText(doc);
  expect(text).toBe(toPlainText(toProseMirrorJSON(doc)));
  expect(toPlainText(doc.getXmlFragment('default'))).toBe(text);
  return text;
}

function docFromJSON(content: PMNode[]): Y.Doc {
  const doc = new Y.Doc();
  writeProseMirrorJSON(doc.getXmlFragment('default'), content);
  return doc;
}

/** The document another server would hold after receiving this one's state. */
function received(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('toPlainText of a Y.Doc', () => {
  it('reads the text without building text deltas', () => {
    const doc = sampleDocument();
    const toDelta = jest.spyOn(Y.Text.prototype, 'toDelta');
    try {
      toPlainText(doc);
      expect(toDelta).not.toHaveBeenCalled();
      toPlainText(toProseMirrorJSON(doc));
      expect(toDelta).toHaveBeenCalled();
    } finally {
      toDelta.mockRestore();
    }
  });

  it('matches the JSON path on every node type and mark of the editor, Arabic included', () => {
    expect(expectSameAsJSON(sampleDocument())).toContain('Indicator\tValue | share');
    expect(expectSameAsJSON(received(sampleDocument()))).toContain('ملف الهجرة');
    const code = { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'a();\n\n  b();' }] };
    expect(expectSameAsJSON(docFromJSON([...SAMPLE_JSON.content, code]))).toMatch(/\na\(\);\nb\(\);$/);
  });

  it.each(DOCUMENT_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const)))(
    'matches the JSON path on the %s template in %s',
    (kind, language) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, buildTemplate(kind, language));
      expect(expectSameAsJSON(doc)).not.toBe('');
    },
  );

  it('matches the JSON path on shapes the editor never writes but a crafted update can', () => {
    const doc = new Y.Doc();
    const root = doc.getXmlFragment('default');
    addText(root, 'stray text at the top level');
    addElement(root, 'bulletList', {}, (list) => {
      addText(list, 'text in a list');
      addElement(list, 'listItem', {}, (item) => addParagraph(item, 'item'));
    });
    addElement(root, 'table', {}, (table) => {
      addElement(table, 'tableRow', {}, (row) => {
        addElement(row, 'tableCell', {}, (cell) => {
          addText(cell, 'text in a cell');
          addParagraph(cell, 'first');
          addParagraph(cell, 'second');
        });
        addElement(row, 'paragraph', {}, (cell) => addText(cell, 'a paragraph as a cell'));
        addText(row, '');
        addElement(row, 'tableCell');
      });
      addElement(table, 'tableRow', {}, (row) => addElement(row, 'tableCell', {}, (c) => addParagraph(c, ' ')));
      addElement(table, 'tableRow', {}, (row) => {
        addElement(row, 'tableCell', {}, (cell) => addParagraph(cell, 'row with text'));
        addText(row, 'text in a row');
      });
    });
    addElement(root, 'paragraph', {}, (p) => {
      addText(p, 'before ');
      addElement(p, 'text', {}, (t) => addText(t, 'hidden in an element named text'));
      addElement(p, 'bold', {}, (b) => addText(b, 'inside an unknown element'));
      addText(p, '');
      addElement(p, 'hardBreak', {}, (br) => addText(br, 'hidden in a hard break'));
      addText(p, 'after');
    });
    addElement(root, 'blockquote', {}, (quote) => addElement(quote, 'text', {}, (t) => addText(t, 'element text')));
    addElement(root, 'codeBlock', {}, (code) => {
      addParagraph(code, 'code');
      addParagraph(code, 'block');
    });
    addElement(root, 'paragraph', {}, (p) => {
      const text = addText(p, 'embeds: ');
      text.insertEmbed(text.length, { image: 'x.png' });
      // Serialised as a JSON string: the receiving document holds a string embed.
      text.insertEmbed(text.length, { toJSON: () => 'a string embed' });
    });
    expectSameAsJSON(doc);
    // What the JSON walk makes of them: text in a block makes it a text block; hard breaks and elements named
    // `text` hide their content; an element named `text` makes its parent a text block without text.
    expect(expectSameAsJSON(received(doc)).split('\n')).toEqual([
      'text in a listitem',
      'first second\t\t',
      'row with texttext in a row',
      'before inside an unknown element',
      'after',
      'codeblock',
      'embeds: a string embed',
    ]);
  });
});

type Attributes = Record<string, object | null>;
type TextEdit =
  | { op: 'insert'; at: number; text: string; attributes: Attributes }
  | { op: 'delete'; at: number; length: number }
  | { op: 'format'; at: number; length: number; attributes: Attributes }
  | { op: 'embed'; at: number; embed: string | object };
type Tree = { element: string; content: Tree[] } | { text: TextEdit[] };
type PeerEdit = { target: number; edit: TextEdit } | { remove: [number, number] };

const element = (name: string, content: Tree[] = []): Tree => ({ element: name, content });

const attributes: fc.Arbitrary<Attributes> = fc.dictionary(
  fc.constantFrom('bold', 'italic', 'link', 'code', 'bold--AbCd1234'),
  fc.constantFrom({}, { href: 'https://a.example' }, null),
  { maxKeys: 2 },
);
const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', 'ل', 'é', '😀'), maxLength: 6 }),
      attributes,
    }),
  },
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(8) }),
  fc.record({ op: fc.constant('format' as const), at: fc.nat(), length: fc.nat(8), attributes }),
  fc.record({ op: fc.constant('embed' as const), at: fc.nat(), embed: fc.constantFrom('embedded', '', { src: 'x' }) }),
);
const textNode: fc.Arbitrary<Tree> = fc.array(textEdit, { maxLength: 8 }).map((text) => ({ text }));
const inline = fc.array(fc.oneof({ weight: 4, arbitrary: textNode }, fc.constant(element('hardBreak'))), {
  maxLength: 4,
});
const textblock = fc
  .tuple(fc.constantFrom('paragraph', 'heading', 'codeBlock'), inline)
  .map(([name, content]) => element(name, content));

/** Documents as the editor shapes them: text blocks, lists, quotes, tables and rules. */
const { block } = fc.letrec<{ block: Tree; item: Tree; row: Tree }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'block' },
    textblock,
    fc
      .tuple(fc.constantFrom('bulletList', 'orderedList'), fc.array(tie('item'), { minLength: 1, maxLength: 3 }))
      .map(([name, items]) => element(name, items)),
    fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((content) => element('blockquote', content)),
    fc.array(tie('row'), { minLength: 1, maxLength: 3 }).map((rows) => element('table', rows)),
    fc.constant(element('horizontalRule')),
  ),
  item: fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((content) => element('listItem', content)),
  row: fc
    .array(
      fc
        .tuple(fc.constantFrom('tableCell', 'tableHeader'), fc.array(tie('block'), { maxLength: 2 }))
        .map(([name, content]) => element(name, content)),
      { minLength: 1, maxLength: 3 },
    )
    .map((cells) => element('tableRow', cells)),
}));

/** Any element anywhere, text anywhere: what a hostile client could send. */
const { loose } = fc.letrec<{ loose: Tree }>((tie) => ({
  loose: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'loose' },
    textNode,
    fc
      .tuple(
        fc.constantFrom('paragraph', 'codeBlock', 'listItem', 'tableRow', 'tableCell', 'text', 'hardBreak', 'x'),
        fc.array(tie('loose'), { maxLength: 3 }),
      )
      .map(([name, content]) => element(name, content)),
  ),
}));

const peerEdit: fc.Arbitrary<PeerEdit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ target: fc.nat(), edit: textEdit }) },
  fc.record({ remove: fc.tuple(fc.nat(), fc.nat()) }),
);

function applyEdit(text: Y.XmlText, edit: TextEdit): void {
  const at = edit.at % (text.length + 1);
  // Yjs writes into the attributes it is given; fast-check must keep its values to replay a failure.
  if (edit.op === 'insert') text.insert(at, edit.text, { ...edit.attributes });
  else if (edit.op === 'delete') text.delete(at, Math.min(edit.length, text.length - at));
  else if (edit.op === 'format') text.format(at, Math.min(edit.length, text.length - at), { ...edit.attributes });
  // A string embed is encoded as a JSON string, so it arrives as one in the documents that receive it.
  else text.insertEmbed(at, typeof edit.embed === 'string' ? { toJSON: () => edit.embed } : edit.embed);
}

function build(parent: Y.XmlFragment, trees: Tree[]): void {
  for (const tree of trees) {
    if ('text' in tree) {
      const text = new Y.XmlText();
      parent.insert(parent.length, [text]);
      for (const edit of tree.text) applyEdit(text, edit);
    } else build(addElement(parent, tree.element), tree.content);
  }
}

function parts(fragment: Y.XmlFragment, containers: Y.XmlFragment[] = [], texts: Y.XmlText[] = []) {
  containers.push(fragment);
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) texts.push(child);
    else if (child instanceof Y.XmlElement) parts(child, containers, texts);
  }
  return { containers, texts };
}

/**
 * Builds the trees, then lets each peer edit its own copy at once (typing, formatting, deleting) and merges.
 * Without garbage collection (as for snapshots) deleted text keeps its content and must be skipped.
 */
function collaborativeDoc(trees: Tree[], peers: PeerEdit[][], gc: boolean): Y.Doc {
  const doc = new Y.Doc({ gc });
  doc.transact(() => build(doc.getXmlFragment('default'), trees));
  const base = Y.encodeStateAsUpdate(doc);
  const updates = peers.map((edits) => {
    const peer = new Y.Doc({ gc });
    Y.applyUpdate(peer, base);
    for (const edit of edits) {
      const { containers, texts } = parts(peer.getXmlFragment('default'));
      if ('remove' in edit) {
        const container = containers[edit.remove[0] % containers.length];
        if (container.length > 0) container.delete(edit.remove[1] % container.length);
      } else if (texts.length > 0) applyEdit(texts[edit.target % texts.length], edit.edit);
    }
    return Y.encodeStateAsUpdate(peer);
  });
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

describe('toPlainText of a Y.Doc, on random documents edited by several people', () => {
  it('matches the JSON path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(block, loose), { maxLength: 5 }),
        fc.array(fc.array(peerEdit, { maxLength: 8 }), { maxLength: 3 }),
        fc.boolean(),
        (trees, peers, gc) => {
          const doc = collaborativeDoc(trees, peers, gc);
          expectSameAsJSON(doc);
          expectSameAsJSON(received(doc));
        },
      ),
      { numRuns: 500 },
    );
  });
});
