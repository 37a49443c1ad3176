import * as Y from 'yjs';
import { docFromState, replaceContent } from './restore-content';

function paragraph(text: string, attributes?: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  element.insert(0, [content]);
  content.insert(0, text, attributes);
  return element;
}

function docWith(...nodes: Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(0, nodes);
  return doc;
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('replaceContent', () => {
  it('makes the target content equal to the source, with structure and marks', () => {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.insert(0, [new Y.XmlText('Emploi')]);
    const source = docWith(heading, paragraph('gras', { bold: {} }));
    const target = docWith(paragraph('autre chose'), paragraph('encore'));
    replaceContent(target, source);
    expect(target.getXmlFragment('default').toString()).toBe(source.getXmlFragment('default').toString());
    expect(target.getXmlFragment('default').toString()).toBe(
      '<heading level="2">Emploi</heading><paragraph><bold>gras</bold></paragraph>',
    );
  });

  it('is one ordinary update that another replica can apply', () => {
    const source = docWith(paragraph('ancien'));
    const target = docWith(paragraph('nouveau'));
    const replica = new Y.Doc();
    sync(target, replica);
    const updates: Uint8Array[] = [];
    target.on('update', (u: Uint8Array) => updates.push(u));
    replaceContent(target, source);
    expect(updates).toHaveLength(1);
    Y.applyUpdate(replica, updates[0]);
    expect(replica.getXmlFragment('default').toString()).toBe('<paragraph>ancien</paragraph>');
  });

  it('keeps an edit made concurrently elsewhere instead of losing it', () => {
    const target = docWith(paragraph('courant'));
    const other = new Y.Doc();
    sync(target, other);
    other.getXmlFragment('default').insert(1, [paragraph('saisi pendant la restauration')]);
    replaceContent(target, docWith(paragraph('restauré')));
    sync(target, other);
    const merged = target.getXmlFragment('default').toString();
    expect(other.getXmlFragment('default').toString()).toBe(merged);
    expect(merged).toContain('<paragraph>restauré</paragraph>');
    expect(merged).toContain('saisi pendant la restauration');
    expect(merged).not.toContain('courant');
  });

  it('empties the target when the source is empty, and loads stored states', () => {
    const target = docWith(paragraph('x'));
    replaceContent(target, docFromState(Y.encodeStateAsUpdate(new Y.Doc())));
    expect(target.getXmlFragment('default').length).toBe(0);
  });
});
