import * as Y from 'yjs';
import { buildTemplate } from '../templates';
import { sampleDocument } from '../test/sample-document';
import { toHTML, toHTMLDocument } from './html';
import { toMarkdown } from './markdown';
import { outline, toPlainText } from './text';

const SAMPLE_HTML = [
  '<article class="passerelle-document" lang="en" dir="ltr">',
  '<h1>Lyon &amp; &lt;Co&gt;</h1>',
  '<p>Plain <strong>bold</strong> <em>italic</em> <strong><em>both</em></strong> ' +
    '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">a link</a>.<br>' +
    'Second line <u>u</u> <s>ss</s> <code>x&lt;y</code></p>',
  '<h2>ملف الهجرة</h2>',
  '<p>النص <strong>العريض</strong> هنا</p>',
  '<ul><li><p>one</p><ol start="3"><li><p>three</p></li><li><p>four</p></li></ol></li><li><p>two</p></li></ul>',
  '<blockquote><p>quoted</p></blockquote>',
  '<table><tbody>' +
    '<tr><th><p>Indicator</p></th><th><p>Value | share</p></th></tr>' +
    '<tr><td><p>Population</p></td><td><p>1 000</p></td></tr>' +
    '<tr><td colspan="2"><p>Total</p></td></tr>' +
    '</tbody></table>',
  '<hr>',
  '<p>bad &lt;script&gt;alert(1)&lt;/script&gt;</p>',
  '</article>',
].join('\n');

const SAMPLE_MARKDOWN = `# Lyon & \\<Co\\>

Plain **bold** *italic* ***both*** [a link](https://example.org/a?b=1&c=2).\\
Second line <u>u</u> ~~ss~~ \`x<y\`

## ملف الهجرة

النص **العريض** هنا

- one

  3. three
  4. four
- two

> quoted

| Indicator | Value \\| share |
| --- | --- |
| Population | 1 000 |
| Total |  |

---

bad \\<script\\>alert(1)\\</script\\>
`;

/** A one-paragraph document whose text is written through the Yjs API, with optional text attributes. */
function docWith(parts: Array<[string, Record<string, object>?]>): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment('default').insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  for (const [value, attributes] of parts) text.insert(text.length, value, attributes ?? {});
  return doc;
}

describe('toHTML', () => {
  it('renders every node type and mark, escaping text and attributes', () => {
    expect(toHTML(sampleDocument(), { language: 'en' })).toBe(SAMPLE_HTML);
  });

  it('marks Arabic documents right to left', () => {
    expect(toHTML(docWith([['مرحبا']]), { language: 'ar' })).toBe(
      '<article class="passerelle-document" lang="ar" dir="rtl">\n<p>مرحبا</p>\n</article>',
    );
  });

  it('neutralises script in text and links to javascript:, data: and relative targets', () => {
    const html = toHTML(
      docWith([
        ['<script>alert(1)</script>'],
        ['a', { link: { href: 'javascript:alert(1)' } }],
        ['b', { link: { href: ' JaVaScRiPt:alert(1)' } }],
        ['c', { link: { href: 'java\tscript:alert(1)' } }],
        ['d', { link: { href: 'data:text/html,<script>alert(1)</script>' } }],
        ['e', { link: { href: '//evil.example' } }],
        ['f', { link: { href: 'https://ok.example/"onmouseover="x' } }],
        ['g', { link: { href: 'mailto:a@b.example' } }],
      ]),
      { language: 'fr' },
    );
    expect(html).toBe(
      '<article class="passerelle-document" lang="fr" dir="ltr">\n' +
        '<p>&lt;script&gt;alert(1)&lt;/script&gt;abcde' +
        '<a href="https://ok.example/&quot;onmouseover=&quot;x" rel="noopener noreferrer nofollow">f</a>' +
        '<a href="mailto:a@b.example" rel="noopener noreferrer nofollow">g</a></p>\n</article>',
    );
    expect(html).not.toMatch(/<script|javascript|data:/i);
  });

  it('escapes the language attribute and the title', () => {
    const html = toHTML(docWith([['x']]), { language: '"><script>', title: '<b>T</b>' });
    expect(html).toBe(
      '<article class="passerelle-document" lang="&quot;&gt;&lt;script&gt;" dir="ltr">\n' +
        '<h1>&lt;b&gt;T&lt;/b&gt;</h1>\n<p>x</p>\n</article>',
    );
  });

  it('adds no second title to content that opens with its own', () => {
    expect(toHTML(sampleDocument(), { language: 'en', title: 'Lyon & <Co>' }).match(/<h1>/g)).toHaveLength(1);
    expect(toHTML(sampleDocument(), { language: 'en', title: 'Renamed' })).toBe(SAMPLE_HTML);
  });

  it('keeps a link open across text whose other marks change', () => {
    const doc = docWith([
      ['go ', { link: { href: 'https://a.example' } }],
      ['now', { link: { href: 'https://a.example' }, bold: {} }],
    ]);
    expect(toHTML(doc, { language: 'en' })).toContain(
      '<p><a href="https://a.example" rel="noopener noreferrer nofollow">go <strong>now</strong></a></p>',
    );
  });
});

describe('toHTMLDocument', () => {
  it('wraps the fragment in a printable page with language, direction, title and a strict CSP', () => {
    const page = toHTMLDocument(docWith([['نص']]), { language: 'ar', title: 'عنوان <1>' });
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(page).toContain('<title>عنوان &lt;1&gt;</title>');
    expect(page).toContain(
      '<body>\n<article class="passerelle-document" lang="ar" dir="rtl">\n<h1>عنوان &lt;1&gt;</h1>\n<p>نص</p>',
    );
    expect(page.endsWith('</body>\n</html>\n')).toBe(true);
  });
});

describe('toMarkdown', () => {
  it('renders every node type and mark as GitHub-flavoured markdown', () => {
    expect(toMarkdown(sampleDocument())).toBe(SAMPLE_MARKDOWN);
  });

  it('escapes characters that would otherwise become markup', () => {
    expect(toMarkdown(docWith([['*a* _b_ [c](d) <e> `f` ~g~ | h \\ &amp;']]))).toBe(
      '\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\~g\\~ \\| h \\\\ \\&amp;\n',
    );
  });

  it('escapes block markers at the start of a line', () => {
    const md = (text: string): string => toMarkdown(docWith([[text]]));
    expect(md('# not a heading')).toBe('\\# not a heading\n');
    expect(md('- not a list')).toBe('\\- not a list\n');
    expect(md('+ not a list')).toBe('\\+ not a list\n');
    expect(md('1. not a list')).toBe('1\\. not a list\n');
    expect(md('2) not a list')).toBe('2\\) not a list\n');
    expect(md('> not a quote')).toBe('\\> not a quote\n');
    expect(md('=== not an underline')).toBe('\\=== not an underline\n');
    expect(md('a\n# b')).toBe('a\\\n\\# b\n');
  });

  it('moves spaces outside emphasis so that it still parses', () => {
    expect(toMarkdown(docWith([['a'], [' bold ', { bold: {} }], ['b']]))).toBe('a **bold** b\n');
  });

  it('drops unsafe link targets and encodes spaces and parentheses in safe ones', () => {
    expect(
      toMarkdown(
        docWith([
          ['x', { link: { href: 'javascript:alert(1)' } }],
          [' '],
          ['y', { link: { href: 'https://a.example/a b(c)<d>\\' } }],
        ]),
      ),
    ).toBe('x [y](https://a.example/a%20b%28c%29%3Cd%3E%5C)\n');
  });

  it('escapes # in headings and pipes in table cells, code spans included', () => {
    const doc = new Y.Doc();
    const root = doc.getXmlFragment('default');
    const heading = new Y.XmlElement('heading');
    root.insert(0, [heading]);
    heading.setAttribute('level', 3 as unknown as string);
    heading.insert(0, [new Y.XmlText('C# #')]);
    const table = new Y.XmlElement('table');
    root.insert(1, [table]);
    const row = new Y.XmlElement('tableRow');
    table.insert(0, [row]);
    const cell = new Y.XmlElement('tableCell');
    row.insert(0, [cell]);
    const p = new Y.XmlElement('paragraph');
    cell.insert(0, [p]);
    const t = new Y.XmlText();
    p.insert(0, [t]);
    t.insert(0, 'a|b ');
    t.insert(4, 'c|d', { code: {} });
    expect(toMarkdown(doc)).toBe('### C\\# \\#\n\n| a\\|b `c\\|d` |\n| --- |\n');
  });
});

describe('toPlainText', () => {
  it('gives one line per block, table cells separated by tabs', () => {
    expect(toPlainText(sampleDocument())).toBe(
      [
        'Lyon & <Co>',
        'Plain bold italic both a link.',
        'Second line u ss x<y',
        'ملف الهجرة',
        'النص العريض هنا',
        'one',
        'three',
        'four',
        'two',
        'quoted',
        'Indicator\tValue | share',
        'Population\t1 000',
        'Total',
        'bad <script>alert(1)</script>',
      ].join('\n'),
    );
  });
});

describe('outline', () => {
  it('lists the headings with their level', () => {
    expect(outline(sampleDocument())).toEqual([
      { level: 1, text: 'Lyon & <Co>' },
      { level: 2, text: 'ملف الهجرة' },
    ]);
  });
});

describe('a template edited as the editor does', () => {
  it('renders the edits: guidance replaced by text, a row filled, a section removed', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, buildTemplate('migration_profile', 'en'));
    const root = doc.getXmlFragment('default');
    const blocks = root.toArray() as Y.XmlElement[];
    const headingIndex = (text: string): number =>
      blocks.findIndex((b) => b.nodeName === 'heading' && b.toArray()[0]?.toString() === text);
    doc.transact(() => {
      const guidance = blocks[headingIndex('Migration flows') + 1].get(0) as Y.XmlText;
      guidance.delete(0, guidance.length);
      guidance.insert(0, 'Arrivals rose in 2023.', {});
      guidance.format(0, 8, { bold: {} });
      const table = blocks[headingIndex('Key indicators') + 2];
      const valueCell = (table.get(1) as Y.XmlElement).get(1) as Y.XmlElement;
      (valueCell.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('516 000')]);
      const dataSources = headingIndex('Data sources');
      root.delete(dataSources, 2);
    });
    const markdown = toMarkdown(doc);
    expect(markdown).toContain('## Migration flows\n\n**Arrivals** rose in 2023.\n\n## Legal');
    expect(markdown).toContain('| Total population | 516 000 |  |  |');
    expect(markdown).not.toContain('Data sources');
    expect(markdown.endsWith('and the role of each.*\n')).toBe(true);
  });
});
