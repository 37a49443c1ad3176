import { strFromU8, unzipSync } from 'fflate';
import * as Y from 'yjs';
import { sampleDocument } from '../test/sample-document';
import { toDocx } from './docx';

/** The parts of a .docx (a zip) as text, unzipped with the library docx itself writes zips with. */
function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

describe('toDocx', () => {
  it('writes a zip whose document holds the headings, text, lists, table and links', async () => {
    const bytes = await toDocx(sampleDocument(), { language: 'en', title: 'Sample' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
    const files = parts(bytes);
    const xml = files['word/document.xml'];
    expect(xml).toBeDefined();
    // The content opens with its own title, so the given one only names the file.
    expect(xml).not.toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    for (const text of ['Plain ', 'bold', 'italic', 'a link', 'Second line ', 'ملف الهجرة', 'العريض', 'three']) {
      expect(xml).toContain(`>${text}</w:t>`);
    }
    expect(xml).toContain('<w:b/>');
    expect(xml).toContain('<w:i/>');
    expect(xml).toContain('<w:strike/>');
    expect(xml).toContain('<w:u w:val="single"/>');
    expect(xml).toContain('<w:br/>');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(xml).toContain('<w:hyperlink');
    // The javascript: link is kept as text only.
    expect(xml).toContain('>bad</w:t>');
    const rels = files['word/_rels/document.xml.rels'];
    expect(rels).toContain('Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"');
    expect(rels).not.toContain('javascript');
    expect(files['word/numbering.xml']).toContain('<w:start w:val="3"/>');
    expect(files['docProps/core.xml']).toContain('<dc:title>Sample</dc:title>');
    expect(xml).not.toContain('<w:bidi/>');
  });

  it('lays Arabic out right to left', async () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    doc.getXmlFragment('default').insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'نص عريض', {});
    text.format(3, 4, { bold: {} });
    text.insert(text.length, ' Lyon', {});
    const xml = parts(await toDocx(doc, { language: 'ar', title: 'عنوان' }))['word/document.xml'];
    // Content without a title of its own gets the given one as its first line.
    expect(xml).toContain(
      '<w:body><w:p><w:pPr><w:pStyle w:val="Title"/><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">عنوان</w:t>',
    );
    expect(xml).toContain('<w:p><w:pPr><w:bidi/></w:pPr>');
    expect(xml).toContain('<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">نص </w:t></w:r>');
    // Bold is also set for complex scripts (w:bCs), which is what Word applies to Arabic text.
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/><w:rtl/></w:rPr><w:t xml:space="preserve">عريض</w:t></w:r>');
    // A run of Latin text alone keeps left-to-right rules.
    expect(xml).toContain('<w:r><w:t xml:space="preserve"> Lyon</w:t></w:r>');
  });

  it('numbers only the first paragraph of a list item and indents the rest under it', async () => {
    const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const xml = parts(
      await toDocx(
        {
          type: 'doc',
          content: [
            {
              type: 'orderedList',
              attrs: { start: 1 },
              content: [
                { type: 'listItem', content: [p('first'), p('more')] },
                { type: 'listItem', content: [p('second')] },
              ],
            },
          ],
        },
        { language: 'en' },
      ),
    )['word/document.xml'];
    const paragraphOf = (text: string) => xml.match(new RegExp(`<w:p>(?:(?!<w:p>).)*>${text}</w:t>`))![0];
    expect(paragraphOf('first')).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/);
    expect(paragraphOf('second')).toContain('<w:numPr>');
    expect(paragraphOf('more')).not.toContain('<w:numPr>');
    expect(paragraphOf('more')).toContain('<w:ind w:start="720"/>');
  });

  it('writes an empty document for empty content', async () => {
    const xml = parts(await toDocx(new Y.Doc(), { language: 'fr' }))['word/document.xml'];
    expect(xml).toContain('<w:body>');
  });
});
