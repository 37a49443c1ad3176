import { buildCalendar, escapeText, foldLine, formatUtc } from './ical';

describe('iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('drops control characters that a content line may not hold', () => {
    expect(escapeText('a\u0007b\u0000c\td')).toBe('abc\td');
  });

  it('writes times in UTC in the basic format', () => {
    expect(formatUtc(new Date('2025-03-09T09:30:00+01:00'))).toBe('20250309T083000Z');
  });

  it('leaves short lines alone', () => {
    const line = 'SUMMARY:' + 'x'.repeat(67);
    expect(foldLine(line)).toBe(line);
  });

  it('folds long lines at 75 octets with a leading space on each continuation', () => {
    const line = 'DESCRIPTION:' + 'abcdefghij'.repeat(20);
    const physical = foldLine(line).split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    physical.forEach((p, i) => {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
    });
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('never splits a multi-byte character when folding', () => {
    const line = 'SUMMARY:' + 'ورشة عمل تقنية حول المنهجية '.repeat(6);
    const physical = foldLine(line).split('\r\n');
    for (const p of physical) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
      expect(p).not.toContain('\uFFFD');
    }
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('builds a calendar with CRLF line endings, nested components and the required properties', () => {
    const text = buildCalendar(
      [
        {
          uid: 'e1@passerelle',
          start: new Date('2025-03-09T08:00:00Z'),
          end: new Date('2025-03-10T16:00:00Z'),
          summary: 'Workshop, day one; methodology',
          location: 'Lyon',
          url: 'https://example.org/meet?a=1,2',
        },
      ],
      { name: 'MC2CM', now: new Date('2025-01-01T00:00:00Z') },
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTAMP:20250101T000000Z');
    expect(lines).toContain('DTSTART:20250309T080000Z');
    expect(lines).toContain('SUMMARY:Workshop\\, day one\\; methodology');
    expect(lines).toContain('URL:https://example.org/meet?a=1,2');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });
});
