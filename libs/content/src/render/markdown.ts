import type { ContentSource, PMMark, PMNode } from '../model';
import { sameMark } from '../model';
import { toProseMirrorJSON } from '../read';
import { cellSpan, headingLevel, inlineText, KNOWN_MARKS, linkHref, orderedStart } from './common';

/**
 * The content as GitHub-flavoured markdown. Text is escaped so that nothing a user typed turns into markup
 * (`*`, `_`, `[`, `<`, `|`, a leading `#` or `1.`…); links keep only http(s)/mailto targets.
 */
export function toMarkdown(source: ContentSource): string {
  const body = renderBlocks(toProseMirrorJSON(source).content);
  return body ? `${body}\n` : '';
}

function renderBlocks(nodes: readonly PMNode[] | undefined): string {
  return (nodes ?? [])
    .map(renderBlock)
    .filter((block) => block !== '')
    .join('\n\n');
}

function renderBlock(node: PMNode): string {
  switch (node.type) {
    case 'paragraph':
      return renderInline(node.content, PARAGRAPH);
    case 'heading':
      return `${'#'.repeat(headingLevel(node))} ${renderInline(node.content, HEADING)}`.trimEnd();
    case 'bulletList':
      return (node.content ?? []).map((item) => renderListItem(item, '- ')).join('\n');
    case 'orderedList': {
      const start = orderedStart(node);
      return (node.content ?? []).map((item, i) => renderListItem(item, `${start + i}. `)).join('\n');
    }
    case 'blockquote':
      return renderBlocks(node.content)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'table':
      return renderTable(node);
    case 'horizontalRule':
      return '---';
    case 'codeBlock': {
      const code = inlineText(node.content);
      const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
      return `${fence}\n${code}\n${fence}`;
    }
    default:
      return node.content?.some((child) => child.type === 'text')
        ? renderInline(node.content, PARAGRAPH)
        : renderBlocks(node.content);
  }
}

function renderListItem(item: PMNode, marker: string): string {
  const children = item.content ?? [];
  let body = '';
  children.forEach((child, i) => {
    const block = renderBlock(child);
    if (i > 0) body += canInterruptParagraph(child) ? '\n' : '\n\n';
    body += block;
  });
  const indent = ' '.repeat(marker.length);
  const [first, ...rest] = body.split('\n');
  return [(marker + first).trimEnd(), ...rest.map((line) => (line ? indent + line : ''))].join('\n');
}

/** CommonMark lets a list interrupt a paragraph only if it is a bullet list or an ordered list from 1. */
function canInterruptParagraph(node: PMNode): boolean {
  return node.type === 'bulletList' || (node.type === 'orderedList' && orderedStart(node) === 1);
}

function renderTable(table: PMNode): string {
  const rows = (table.content ?? []).map((row) => {
    const cells: string[] = [];
    for (const cell of row.content ?? []) {
      cells.push(renderCell(cell));
      // GFM has no spans: the cells a span covers are left empty so the columns stay aligned.
      for (let i = 1; i < cellSpan(cell, 'colspan'); i++) cells.push('');
    }
    return cells;
  });
  if (rows.length === 0) return '';
  const columns = Math.max(1, ...rows.map((cells) => cells.length));
  const line = (cells: string[]): string =>
    `| ${Array.from({ length: columns }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header), line(Array.from({ length: columns }, () => '---')), ...body.map(line)].join('\n');
}

/** A cell on one line: its paragraphs (and any nested blocks' lines) joined with `<br>`. */
function renderCell(cell: PMNode): string {
  const lines: string[] = [];
  const collect = (nodes: readonly PMNode[] | undefined): void => {
    for (const node of nodes ?? []) {
      if (node.content?.some((child) => child.type === 'text' || child.type === 'hardBreak')) {
        const text = renderInline(node.content, CELL);
        if (text) lines.push(text);
      } else collect(node.content);
    }
  };
  collect(cell.content);
  return lines.join('<br>');
}

const DELIMITERS: Record<string, [string, string]> = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  strike: ['~~', '~~'],
  underline: ['<u>', '</u>'],
};

function openDelimiter(mark: PMMark): string {
  return mark.type === 'link' ? '[' : DELIMITERS[mark.type][0];
}

function closeDelimiter(mark: PMMark): string {
  if (mark.type !== 'link') return DELIMITERS[mark.type][1];
  const href = linkHref(mark)!.replace(/[ ()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `](${href})`;
}

interface InlineContext {
  /** What a hard break becomes. */
  hardBreak: string;
  /** In a heading, `#` at the end would be read as the closing sequence. */
  escapeHash?: boolean;
  /** In a GFM table even a code span must escape its pipes. */
  inTable?: boolean;
}

const PARAGRAPH: InlineContext = { hardBreak: '\\\n' };
const HEADING: InlineContext = { hardBreak: ' ', escapeHash: true };
const CELL: InlineContext = { hardBreak: '<br>', inTable: true };

/**
 * Inline content with delimiters. Emphasis only opens before and closes after non-space characters in
 * CommonMark, so the spaces at the edges of a marked run are moved outside its delimiters.
 */
function renderInline(nodes: readonly PMNode[] | undefined, context: InlineContext): string {
  let out = '';
  let pendingSpace = '';
  const open: PMMark[] = [];
  const closeTo = (depth: number): void => {
    while (open.length > depth) out += closeDelimiter(open.pop()!);
  };
  const lines: string[] = [];
  const endLine = (): void => {
    closeTo(0);
    lines.push(escapeLineStart(out.trim()));
    out = '';
    pendingSpace = '';
  };
  for (const piece of splitBreaks(nodes)) {
    if (piece === null) {
      endLine();
      continue;
    }
    const core = piece.text.trim();
    if (!core) {
      pendingSpace += piece.text;
      continue;
    }
    const marks = renderableMarks(piece.marks);
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep], marks[keep])) keep++;
    closeTo(keep);
    out += pendingSpace + piece.text.slice(0, piece.text.length - piece.text.trimStart().length);
    for (const mark of marks.slice(keep)) {
      out += openDelimiter(mark);
      open.push(mark);
    }
    const isCode = piece.marks?.some((m) => m.type === 'code');
    if (isCode) out += codeSpan(core, context.inTable === true);
    else out += context.escapeHash ? escapeMarkdown(core).replace(/#/g, '\\#') : escapeMarkdown(core);
    pendingSpace = piece.text.slice(piece.text.trimEnd().length);
  }
  endLine();
  while (lines[0] === '') lines.shift();
  while (lines[lines.length - 1] === '') lines.pop();
  return lines.join(context.hardBreak);
}

/** The marks markdown can express around text; code is written as a span of its own. */
function renderableMarks(marks: readonly PMMark[] | undefined): PMMark[] {
  return (marks ?? []).filter(
    (m) => KNOWN_MARKS.has(m.type) && m.type !== 'code' && (m.type !== 'link' || linkHref(m) !== null),
  );
}

/** Text pieces of the inline content, with null where a line breaks (a hard break or a newline in text). */
function splitBreaks(nodes: readonly PMNode[] | undefined): Array<{ text: string; marks?: PMMark[] } | null> {
  const pieces: Array<{ text: string; marks?: PMMark[] } | null> = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') pieces.push(null);
    else if (node.type === 'text') {
      (node.text ?? '').split(/\r?\n/).forEach((part, i) => {
        if (i > 0) pieces.push(null);
        pieces.push({ text: part, marks: node.marks });
      });
    } else pieces.push({ text: inlineText(node.content, ' ') });
  }
  return pieces;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
}

/** Characters that only mean something at the start of a line: headings, quotes, list markers, rules. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function codeSpan(raw: string, inTable: boolean): string {
  const code = inTable ? raw.replace(/\|/g, '\\|') : raw;
  const fence = '`'.repeat(longestRun(code, '`') + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
