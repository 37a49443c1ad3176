/**
 * A small iCalendar (RFC 5545) writer for the programme's events: one VCALENDAR with VEVENTs,
 * times in UTC, TEXT values escaped, lines folded at 75 octets without splitting a UTF-8
 * character, every line ended by CRLF.
 */
export interface CalendarEntry {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  lastModified?: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
// Control characters other than tab and line breaks are not allowed in a content line.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** `20250309T080000Z` */
export const formatUtc = (date: Date): string =>
  date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(FORBIDDEN_CONTROLS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line (RFC 5545 §3.1): no physical line longer than 75 octets; each
 * continuation starts with one space, which counts towards its 75.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function eventLines(entry: CalendarEntry, stamp: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(entry.uid)}`,
    `DTSTAMP:${formatUtc(stamp)}`,
    `DTSTART:${formatUtc(entry.start)}`,
    `DTEND:${formatUtc(entry.end)}`,
    `SUMMARY:${escapeText(entry.summary)}`,
  ];
  if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
  if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
  // URI values are not TEXT: they are written as they are (they were validated as http(s) URLs).
  if (entry.url) lines.push(`URL:${entry.url.replace(FORBIDDEN_CONTROLS, '').replace(/[\r\n]/g, '')}`);
  if (entry.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(entry.lastModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

export function buildCalendar(entries: CalendarEntry[], options: { name?: string; now?: Date } = {}): string {
  const stamp = options.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Passerelle//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const entry of entries) lines.push(...eventLines(entry, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
