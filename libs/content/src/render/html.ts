import { isRtl } from '@passerelle/domain';
import type { ContentSource, PMMark, PMNode } from '../model';
import { sameMark } from '../model';
import { toProseMirrorJSON } from '../read';
import { cellSpan, headingLevel, inlineText, KNOWN_MARKS, linkHref, orderedStart } from './common';

export interface HtmlOptions {
  /** The document's content language: sets `lang`, and `dir="rtl"` for Arabic. */
  language: string;
  /** Shown as a first-level heading unless the content opens with one. */
  title?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The content as a safe HTML fragment wrapped in an `<article>` carrying the language and direction. Every
 * text and attribute is escaped and only http(s)/mailto links survive, so it can be served or embedded as is.
 */
export function toHTML(source: ContentSource, options: HtmlOptions): string {
  const doc = toProseMirrorJSON(source);
  const language = escapeHtml(options.language);
  const dir = isRtl(options.language) ? 'rtl' : 'ltr';
  const blocks = doc.content.map(renderBlock);
  if (needsTitle(doc.content, options.title)) blocks.unshift(`<h1>${escapeHtml(options.title!.trim())}</h1>`);
  return `<article class="passerelle-document" lang="${language}" dir="${dir}">\n${blocks.join('\n')}\n</article>`;
}

/**
 * True when a title is given and the content does not open with a title of its own (a first-level heading,
 * as every template does). A document renamed after creation keeps its content's heading rather than
 * showing two titles; the given title still names the page and the file.
 */
export function needsTitle(content: readonly PMNode[], title: string | undefined): boolean {
  if (!title?.trim()) return false;
  const first = content[0];
  return !(first?.type === 'heading' && headingLevel(first) === 1 && inlineText(first.content, ' ').trim() !== '');
}

const STYLE = `
body { font-family: "Noto Sans", "Segoe UI", Tahoma, Arial, sans-serif; line-height: 1.55; color: #1b1b1b; margin: 2rem auto; max-width: 46rem; padding: 0 1rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin-block: 1.4em 0.5em; }
table { border-collapse: collapse; width: 100%; margin-block: 1em; }
th, td { border: 1px solid #999; padding: 0.35em 0.6em; text-align: start; vertical-align: top; }
th { background: #eee; }
th > p, td > p { margin: 0; }
blockquote { margin-inline: 0; padding-inline-start: 1em; border-inline-start: 3px solid #bbb; color: #444; }
pre { background: #f4f4f4; padding: 0.75em; overflow-x: auto; }
hr { border: 0; border-top: 1px solid #bbb; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`.trim();

/** A full printable HTML page of the content. A strict CSP keeps it inert even if opened from the API origin. */
export function toHTMLDocument(source: ContentSource, options: HtmlOptions): string {
  const language = escapeHtml(options.language);
  const dir = isRtl(options.language) ? 'rtl' : 'ltr';
  const title = escapeHtml(options.title?.trim() ?? '');
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    toHTML(source, options),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderBlocks(nodes: readonly PMNode[] | undefined): string {
  return (nodes ?? []).map(renderBlock).join('');
}

function renderBlock(node: PMNode): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${renderInline(node.content)}</p>`;
    case 'heading': {
      const level = headingLevel(node);
      return `<h${level}>${renderInline(node.content)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${renderBlocks(node.content)}</ul>`;
    case 'orderedList': {
      const start = orderedStart(node);
      return `<ol${start === 1 ? '' : ` start="${start}"`}>${renderBlocks(node.content)}</ol>`;
    }
    case 'listItem':
      return `<li>${renderBlocks(node.content)}</li>`;
    case 'blockquote':
      return `<blockquote>${renderBlocks(node.content)}</blockquote>`;
    case 'table':
      return `<table><tbody>${renderBlocks(node.content)}</tbody></table>`;
    case 'tableRow':
      return `<tr>${renderBlocks(node.content)}</tr>`;
    case 'tableCell':
    case 'tableHeader': {
      const tag = node.type === 'tableHeader' ? 'th' : 'td';
      const colspan = cellSpan(node, 'colspan');
      const rowspan = cellSpan(node, 'rowspan');
      const spans = (colspan > 1 ? ` colspan="${colspan}"` : '') + (rowspan > 1 ? ` rowspan="${rowspan}"` : '');
      return `<${tag}${spans}>${renderBlocks(node.content)}</${tag}>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'codeBlock':
      return `<pre><code>${escapeHtml(inlineText(node.content))}</code></pre>`;
    case 'text':
      return escapeHtml(node.text ?? '');
    default:
      // A node this library does not know (an extension added later): keep its text rather than lose it.
      return node.content?.some((child) => child.type === 'text')
        ? `<p>${renderInline(node.content)}</p>`
        : renderBlocks(node.content);
  }
}

function renderableMarks(marks: readonly PMMark[] | undefined): PMMark[] {
  return (marks ?? []).filter((m) => KNOWN_MARKS.has(m.type) && (m.type !== 'link' || linkHref(m) !== null));
}

function openTag(mark: PMMark): string {
  switch (mark.type) {
    case 'link':
      return `<a href="${escapeHtml(linkHref(mark)!)}" rel="noopener noreferrer nofollow">`;
    case 'bold':
      return '<strong>';
    case 'italic':
      return '<em>';
    case 'underline':
      return '<u>';
    case 'strike':
      return '<s>';
    default:
      return '<code>';
  }
}

const CLOSE: Record<string, string> = {
  link: '</a>',
  bold: '</strong>',
  italic: '</em>',
  underline: '</u>',
  strike: '</s>',
  code: '</code>',
};

/**
 * Inline content with marks nested in their schema order; a mark that continues over neighbouring text
 * nodes stays open (one `<a>` around a link whose words are partly bold), as ProseMirror serialises it.
 */
function renderInline(nodes: readonly PMNode[] | undefined): string {
  let html = '';
  const open: PMMark[] = [];
  const closeTo = (depth: number): void => {
    while (open.length > depth) html += CLOSE[open.pop()!.type];
  };
  for (const node of nodes ?? []) {
    if (node.type !== 'text') {
      html += node.type === 'hardBreak' ? '<br>' : escapeHtml(inlineText(node.content));
      continue;
    }
    const marks = renderableMarks(node.marks);
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep], marks[keep])) keep++;
    closeTo(keep);
    for (const mark of marks.slice(keep)) {
      html += openTag(mark);
      open.push(mark);
    }
    html += escapeHtml(node.text ?? '');
  }
  closeTo(0);
  return html;
}
