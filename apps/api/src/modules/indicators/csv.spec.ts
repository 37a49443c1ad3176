import { csvCell, toCsv } from './csv';

describe('CSV writer', () => {
  it('leaves plain cells alone and writes numbers as they are', () => {
    expect(csvCell('Lyon')).toBe('Lyon');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvCell('Algeria, Morocco')).toBe('"Algeria, Morocco"');
    expect(csvCell('the "Demo" data')).toBe('"the ""Demo"" data"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('keeps text that looks like a formula as text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+33')).toBe("'+33");
    expect(csvCell(-3)).toBe('-3');
  });

  it('starts with a byte order mark and ends every record with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      ['سوريا، العراق', 1],
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).toBe('a,b\r\nسوريا، العراق,1\r\n');
  });
});
