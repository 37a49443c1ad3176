import * as Y from 'yjs';
import { toProseMirrorJSON } from './read';
import { writeProseMirrorJSON } from './write';
import { SAMPLE_JSON, sampleDocument } from './test/sample-document';

describe('toProseMirrorJSON', () => {
  it('reads every node type, attribute and mark of a document edited through the Yjs API', () => {
    expect(toProseMirrorJSON(sampleDocument())).toEqual(SAMPLE_JSON);
  });

  it('reads the same content from a Yjs update and from the fragment itself', () => {
    const doc = sampleDocument();
    expect(toProseMirrorJSON(Y.encodeStateAsUpdate(doc))).toEqual(SAMPLE_JSON);
    expect(toProseMirrorJSON(doc.getXmlFragment('default'))).toEqual(SAMPLE_JSON);
  });

  it('gives an empty doc for an empty document', () => {
    expect(toProseMirrorJSON(new Y.Doc())).toEqual({ type: 'doc', content: [] });
  });

  it('lists marks in the schema order whatever order they were applied in', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    doc.getXmlFragment('default').insert(0, [p]);
    const t = new Y.XmlText();
    p.insert(0, [t]);
    t.insert(0, 'x', { italic: {}, link: { href: 'https://a.example' }, 'bold--ZZZZZZZZ': {} });
    expect(toProseMirrorJSON(doc).content[0].content![0].marks).toEqual([
      { type: 'link', attrs: { href: 'https://a.example' } },
      { type: 'bold' },
      { type: 'italic' },
    ]);
  });

  it('reads back exactly what writeProseMirrorJSON wrote', () => {
    const doc = new Y.Doc();
    writeProseMirrorJSON(doc.getXmlFragment('default'), SAMPLE_JSON.content);
    expect(toProseMirrorJSON(doc)).toEqual(SAMPLE_JSON);
  });
});
