import { safeHref, type PMMark, type PMNode } from '@passerelle/content';
import type { FileChild, IParagraphOptions, ParagraphChild, TableCell } from 'docx';

type Docx = typeof import('docx');

const INDENT = 720;
const LATIN = /[A-Za-z\u00c0-\u024f]/;
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

const textOf = (nodes: readonly PMNode[] | undefined): string =>
  (nodes ?? []).map((n) => (n.type === 'text' ? (n.text ?? '') : textOf(n.content))).join('');
const levelOf = (node: PMNode): number => {
  const level = Math.trunc(Number(node.attrs?.level));
  return Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 1;
};
const spanOf = (node: PMNode, attribute: 'colspan' | 'rowspan'): number => {
  const span = Math.trunc(Number(node.attrs?.[attribute] ?? 1));
  return Number.isFinite(span) && span >= 1 ? Math.min(span, 100) : 1;
};

interface Context {
  list: number;
  quote: boolean;
  /** The marker of the item's first paragraph: a bullet, or the number of an ordered item. */
  marker?: { bullet: true } | { number: number };
  header?: boolean;
}

/**
 * A document's content (ProseMirror JSON, the editor's schema) as Word blocks placed inside the
 * report: headings moved down under the report's own, lists, quotes, tables, marks and safe
 * links, right to left for Arabic content. The content library renders whole files only; this
 * renders blocks to go into another file.
 */
export class DocxBlocks {
  constructor(
    private readonly docx: Docx,
    private readonly rtl: boolean,
  ) {}

  /** Whether the content opens with its own title (a non-empty first-level heading), as templates do. */
  opensWithTitle(content: readonly PMNode[]): boolean {
    const first = content[0];
    return first?.type === 'heading' && levelOf(first) === 1 && textOf(first.content).trim() !== '';
  }

  heading(text: string, level: number): FileChild {
    return this.paragraph([this.run(text, [])], { heading: this.headingLevel(level) });
  }

  /** The blocks, each heading `offset` levels deeper (at most the sixth). */
  render(nodes: readonly PMNode[], offset: number): FileChild[] {
    return this.blocks(nodes, { list: -1, quote: false }, offset);
  }

  private blocks(nodes: readonly PMNode[] | undefined, context: Context, offset: number): FileChild[] {
    return (nodes ?? []).flatMap((node) => this.block(node, context, offset));
  }

  private block(node: PMNode, context: Context, offset: number): FileChild[] {
    switch (node.type) {
      case 'paragraph':
        return [this.contextual(this.inline(node.content, context), {}, context)];
      case 'heading':
        return [
          this.paragraph(this.inline(node.content, context), { heading: this.headingLevel(levelOf(node) + offset) }),
        ];
      case 'bulletList':
      case 'orderedList': {
        const list = Math.min(8, context.list + 1);
        const start = Math.max(0, Math.trunc(Number(node.attrs?.start ?? 1)) || 1);
        return (node.content ?? []).flatMap((item, index) => {
          const marker = node.type === 'bulletList' ? ({ bullet: true } as const) : { number: start + index };
          const first = (item.content ?? []).findIndex((c) => c.type === 'paragraph' || c.type === 'heading');
          return (item.content ?? []).flatMap((child, i) =>
            this.block(child, { ...context, list, marker: i === first ? marker : undefined }, offset),
          );
        });
      }
      case 'listItem':
        return this.blocks(node.content, context, offset);
      case 'blockquote':
        return this.blocks(node.content, { ...context, quote: true }, offset);
      case 'table':
        return [this.table(node)];
      case 'codeBlock':
        return [
          this.contextual(
            [new this.docx.TextRun({ text: textOf(node.content), font: 'Courier New', rightToLeft: undefined })],
            {},
            context,
          ),
        ];
      case 'horizontalRule':
        return [];
      default:
        return node.content?.some((c) => c.type === 'text')
          ? [this.contextual(this.inline(node.content, context), {}, context)]
          : this.blocks(node.content, context, offset);
    }
  }

  private contextual(children: ParagraphChild[], options: IParagraphOptions, context: Context) {
    const extra: IParagraphOptions = {};
    let runs = children;
    if (context.marker && 'bullet' in context.marker) Object.assign(extra, { bullet: { level: context.list } });
    else if (context.list >= 0 || context.quote) {
      const depth = Math.max(0, context.list + 1) + (context.quote ? 1 : 0);
      Object.assign(extra, { indent: { start: INDENT * depth } });
      if (context.marker && 'number' in context.marker)
        runs = [this.run(`${context.marker.number}. `, []), ...children];
    }
    return this.paragraph(runs, { ...options, ...extra });
  }

  private inline(nodes: readonly PMNode[] | undefined, context: Context): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes ?? []) {
      if (node.type === 'hardBreak') {
        out.push(new this.docx.TextRun({ break: 1 }));
        continue;
      }
      const text = node.type === 'text' ? (node.text ?? '') : textOf(node.content);
      const marks = node.type === 'text' ? (node.marks ?? []) : [];
      const run = this.run(text, marks, context.header);
      const href = marks.map((m) => (m.type === 'link' ? safeHref(m.attrs?.href) : null)).find((h) => h) ?? null;
      out.push(href ? new this.docx.ExternalHyperlink({ link: href, children: [run] }) : run);
    }
    return out;
  }

  private run(text: string, marks: readonly PMMark[], header = false) {
    const has = (type: string) => marks.some((m) => m.type === type);
    return new this.docx.TextRun({
      text,
      bold: has('bold') || header || undefined,
      italics: has('italic') || undefined,
      underline: has('underline') ? {} : undefined,
      strike: has('strike') || undefined,
      font: has('code') ? 'Courier New' : undefined,
      style: has('link') ? 'Hyperlink' : undefined,
      // A run of Latin text alone (a name, a URL) keeps left-to-right rules inside Arabic content.
      rightToLeft: this.rtl && !(LATIN.test(text) && !RTL_SCRIPT.test(text)) ? true : undefined,
    });
  }

  private table(node: PMNode): FileChild {
    const { Table, TableRow, WidthType } = this.docx;
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: this.rtl || undefined,
      rows: (node.content ?? []).map((row) => {
        const cells = row.content ?? [];
        return new TableRow({
          tableHeader: cells.length > 0 && cells.every((c) => c.type === 'tableHeader'),
          children: cells.map((cell) => this.cell(cell)),
        });
      }),
    });
  }

  private cell(cell: PMNode): TableCell {
    const header = cell.type === 'tableHeader';
    const children = this.blocks(cell.content, { list: -1, quote: false, header }, 0).filter(
      (child) => child instanceof this.docx.Paragraph || child instanceof this.docx.Table,
    ) as Array<InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>>;
    return new this.docx.TableCell({
      children: children.length > 0 ? children : [this.paragraph([], {})],
      columnSpan: spanOf(cell, 'colspan'),
      rowSpan: spanOf(cell, 'rowspan'),
      shading: header ? { fill: 'EEEEEE', type: this.docx.ShadingType.CLEAR, color: 'auto' } : undefined,
    });
  }

  private headingLevel(level: number) {
    const { HeadingLevel } = this.docx;
    const levels = [
      HeadingLevel.HEADING_1,
      HeadingLevel.HEADING_2,
      HeadingLevel.HEADING_3,
      HeadingLevel.HEADING_4,
      HeadingLevel.HEADING_5,
      HeadingLevel.HEADING_6,
    ];
    return levels[Math.min(6, Math.max(1, level)) - 1];
  }

  private paragraph(children: ParagraphChild[], options: IParagraphOptions) {
    return new this.docx.Paragraph({ ...options, children, bidirectional: this.rtl || undefined });
  }
}
