import * as Y from 'yjs';
import type { PMMark, PMNode } from '../model';

/** Test fixtures: documents built through the Yjs API the way the editor's binding writes them. */

type Attrs = Record<string, unknown>;

/** Appends an element to a parent that is already in a document, then lets `fill` edit it in place. */
export function addElement(
  parent: Y.XmlFragment,
  name: string,
  attrs: Attrs = {},
  fill?: (element: Y.XmlElement) => void,
): Y.XmlElement {
  const element = new Y.XmlElement(name);
  parent.insert(parent.length, [element]);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
  fill?.(element);
  return element;
}

export function addText(parent: Y.XmlFragment, text: string, attributes?: Record<string, object>): Y.XmlText {
  const node = new Y.XmlText();
  parent.insert(parent.length, [node]);
  node.insert(0, text, attributes ?? {});
  return node;
}

export function addParagraph(parent: Y.XmlFragment, text: string): Y.XmlElement {
  return addElement(parent, 'paragraph', {}, (p) => addText(p, text));
}

const CELL = { colspan: 1, rowspan: 1 };

/**
 * A document with every node type and mark of the editor's schema, Arabic text, nested lists, a table with
 * a span, and hostile input (markup in text, a `javascript:` link). Built with edits after insertion
 * (typing, formatting a range, deleting, changing an attribute) as a live editor session produces them.
 */
export function sampleDocument(): Y.Doc {
  const doc = new Y.Doc();
  const root = doc.getXmlFragment('default');
  doc.transact(() => {
    // A heading typed as level 2 then turned into a title.
    const title = addElement(root, 'heading', { level: 2 }, (h) => addText(h, 'Lyon & <Co>'));
    title.setAttribute('level', 1 as unknown as string);

    addElement(root, 'paragraph', {}, (p) => {
      const text = addText(p, 'Plain bold italic both a link.');
      text.format(6, 4, { bold: {} });
      text.format(11, 6, { italic: {} });
      text.format(18, 4, { bold: {}, italic: {} });
      text.format(23, 6, { link: { href: 'https://example.org/a?b=1&c=2', target: '_blank' } });
      addElement(p, 'hardBreak');
      const second = addText(p, 'Second line uu ss x<y');
      second.delete(13, 1);
      second.format(12, 1, { underline: {} });
      second.format(14, 2, { strike: {} });
      second.format(17, 3, { code: {} });
    });

    addElement(root, 'heading', { level: 2 }, (h) => addText(h, 'ملف الهجرة'));
    addElement(root, 'paragraph', {}, (p) => {
      const text = addText(p, 'النص العريض هنا');
      // A mark stored under a hashed name, as y-prosemirror does for marks that may overlap.
      text.format(5, 6, { 'bold--AbCd1234': {} });
    });

    addElement(root, 'bulletList', {}, (list) => {
      addElement(list, 'listItem', {}, (item) => {
        addParagraph(item, 'one');
        addElement(item, 'orderedList', { start: 3 }, (ol) => {
          addElement(ol, 'listItem', {}, (li) => addParagraph(li, 'three'));
          addElement(ol, 'listItem', {}, (li) => addParagraph(li, 'four'));
        });
      });
      addElement(list, 'listItem', {}, (item) => addParagraph(item, 'two'));
    });

    addElement(root, 'blockquote', {}, (quote) => addParagraph(quote, 'quoted'));

    addElement(root, 'table', {}, (table) => {
      addElement(table, 'tableRow', {}, (row) => {
        addElement(row, 'tableHeader', CELL, (cell) => addParagraph(cell, 'Indicator'));
        addElement(row, 'tableHeader', CELL, (cell) => addParagraph(cell, 'Value | share'));
      });
      addElement(table, 'tableRow', {}, (row) => {
        addElement(row, 'tableCell', CELL, (cell) => addParagraph(cell, 'Population'));
        addElement(row, 'tableCell', CELL, (cell) => addParagraph(cell, '1 000'));
      });
      addElement(table, 'tableRow', {}, (row) => {
        addElement(row, 'tableCell', { colspan: 2, rowspan: 1 }, (cell) => addParagraph(cell, 'Total'));
      });
    });

    addElement(root, 'horizontalRule');

    addElement(root, 'paragraph', {}, (p) => {
      addText(p, 'bad', { link: { href: 'javascript:alert(1)' } });
      addText(p, ' <script>alert(1)</script>');
    });
  });
  return doc;
}

const text = (value: string, ...marks: PMMark[]): PMNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: PMNode[]): PMNode => ({ type: 'paragraph', content });
const item = (...content: PMNode[]): PMNode => ({ type: 'listItem', content });
const cell = (type: string, value: string, colspan = 1): PMNode => ({
  type,
  attrs: { colspan, rowspan: 1 },
  content: [paragraph(text(value))],
});

/** What `sampleDocument()` holds, as the editor's ProseMirror JSON. */
export const SAMPLE_JSON = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Lyon & <Co>')] },
    paragraph(
      text('Plain '),
      text('bold', { type: 'bold' }),
      text(' '),
      text('italic', { type: 'italic' }),
      text(' '),
      text('both', { type: 'bold' }, { type: 'italic' }),
      text(' '),
      text('a link', { type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2', target: '_blank' } }),
      text('.'),
      { type: 'hardBreak' },
      text('Second line '),
      text('u', { type: 'underline' }),
      text(' '),
      text('ss', { type: 'strike' }),
      text(' '),
      text('x<y', { type: 'code' }),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [text('ملف الهجرة')] },
    paragraph(text('النص '), text('العريض', { type: 'bold' }), text(' هنا')),
    {
      type: 'bulletList',
      content: [
        item(paragraph(text('one')), {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [item(paragraph(text('three'))), item(paragraph(text('four')))],
        }),
        item(paragraph(text('two'))),
      ],
    },
    { type: 'blockquote', content: [paragraph(text('quoted'))] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Indicator'), cell('tableHeader', 'Value | share')] },
        { type: 'tableRow', content: [cell('tableCell', 'Population'), cell('tableCell', '1 000')] },
        { type: 'tableRow', content: [cell('tableCell', 'Total', 2)] },
      ],
    },
    { type: 'horizontalRule' },
    paragraph(
      text('bad', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
      text(' <script>alert(1)</script>'),
    ),
  ],
};
