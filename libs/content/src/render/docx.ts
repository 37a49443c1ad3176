import { isRtl } from '@passerelle/domain';
import type { FileChild, ParagraphChild, IParagraphOptions, TableCell } from 'docx';
import type { ContentSource, PMMark, PMNode } from '../model';
import { toProseMirrorJSON } from '../read';
import { cellSpan, headingLevel, inlineText, isTextblock, linkHref, orderedStart } from './common';
import { needsTitle } from './html';

type Docx = typeof import('docx');

export interface DocxOptions {
  /** The document's content language; Arabic is laid out right to left. */
  language: string;
  /** The file's title (its properties), shown as a title line unless the content already opens with it. */
  title?: string;
}

const INDENT = 720;
const LATIN = /[A-Za-z\u00c0-\u024f]/;
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const PAGE_WIDTH = 9000;

/**
 * The content as a Word document. `docx` is loaded on first use so that a browser bundle which never
 * exports to Word does not carry it, and so that the Node server pays for it only when asked.
 */
export async function toDocx(source: ContentSource, options: DocxOptions): Promise<Uint8Array> {
  const docx = await import('docx');
  const content = toProseMirrorJSON(source).content;
  const writer = new DocxWriter(docx, isRtl(options.language));
  const children: FileChild[] = [];
  if (needsTitle(content, options.title)) {
    children.push(writer.paragraph([writer.run(options.title!.trim(), [])], { heading: docx.HeadingLevel.TITLE }));
  }
  children.push(...writer.blocks(content, { listLevel: -1, quote: false }));
  const file = new docx.Document({
    title: options.title?.trim() || undefined,
    creator: 'Passerelle',
    numbering: { config: writer.numberingConfig() },
    sections: [{ children }],
  });
  return new Uint8Array(await docx.Packer.toArrayBuffer(file));
}

interface BlockContext {
  listLevel: number;
  quote: boolean;
  /** The bullet or number of the paragraph being written (the first paragraph of a list item). */
  numbering?: IParagraphOptions['numbering'] | IParagraphOptions['bullet'];
  numberingKind?: 'bullet' | 'ordered';
  header?: boolean;
}

class DocxWriter {
  private readonly starts = new Set<number>();
  private instances = 0;

  constructor(
    private readonly docx: Docx,
    private readonly rtl: boolean,
  ) {}

  numberingConfig() {
    const { LevelFormat, AlignmentType } = this.docx;
    return [...this.starts].map((start) => ({
      reference: `ordered-${start}`,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        start,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { start: INDENT * (level + 1), hanging: 360 } } },
      })),
    }));
  }

  blocks(nodes: readonly PMNode[] | undefined, context: BlockContext): FileChild[] {
    return (nodes ?? []).flatMap((node) => this.block(node, context));
  }

  private block(node: PMNode, context: BlockContext): FileChild[] {
    const { HeadingLevel } = this.docx;
    switch (node.type) {
      case 'paragraph':
        return [this.listParagraph(this.inline(node.content, context), {}, context)];
      case 'heading': {
        const headings = [
          HeadingLevel.HEADING_1,
          HeadingLevel.HEADING_2,
          HeadingLevel.HEADING_3,
          HeadingLevel.HEADING_4,
          HeadingLevel.HEADING_5,
          HeadingLevel.HEADING_6,
        ];
        return [
          this.listParagraph(
            this.inline(node.content, context),
            { heading: headings[headingLevel(node) - 1] },
            context,
          ),
        ];
      }
      case 'bulletList':
      case 'orderedList':
        return this.list(node, context);
      case 'listItem':
        return this.blocks(node.content, context);
      case 'blockquote':
        return this.blocks(node.content, { ...context, quote: true });
      case 'table':
        return [this.table(node)];
      case 'horizontalRule':
        return [
          this.paragraph([], {
            border: { bottom: { style: this.docx.BorderStyle.SINGLE, size: 6, color: 'AAAAAA', space: 1 } },
          }),
        ];
      case 'codeBlock':
        return [this.listParagraph(this.codeRuns(inlineText(node.content)), {}, context)];
      default:
        return node.content?.some((child) => child.type === 'text')
          ? [this.listParagraph(this.inline(node.content, context), {}, context)]
          : this.blocks(node.content, context);
    }
  }

  private list(node: PMNode, context: BlockContext): FileChild[] {
    const level = Math.min(8, context.listLevel + 1);
    let numbering: BlockContext['numbering'];
    if (node.type === 'orderedList') {
      const start = orderedStart(node);
      this.starts.add(start);
      // A new instance restarts the numbering, so two lists in a row are not numbered as one.
      numbering = { reference: `ordered-${start}`, level, instance: ++this.instances };
    } else numbering = { level };
    const numberingKind = node.type === 'orderedList' ? 'ordered' : 'bullet';
    return (node.content ?? []).flatMap((item) => {
      const inList: BlockContext = { ...context, listLevel: level, numbering: undefined, numberingKind: undefined };
      // Only the item's first paragraph carries the bullet or number; what follows is indented under it.
      const first = (item.content ?? []).findIndex(isTextblock);
      return (item.content ?? []).flatMap((child, i) =>
        this.block(child, i === first ? { ...inList, numbering, numberingKind } : inList),
      );
    });
  }

  /** A paragraph in its list and quote context. */
  private listParagraph(children: ParagraphChild[], options: IParagraphOptions, context: BlockContext) {
    const extra: Record<string, unknown> = {};
    if (context.numbering && context.numberingKind === 'ordered') extra.numbering = context.numbering;
    else if (context.numbering) extra.bullet = context.numbering;
    else if (context.listLevel >= 0) extra.indent = { start: INDENT * (context.listLevel + 1) };
    if (context.quote && !context.numbering) {
      const base = context.listLevel >= 0 ? INDENT * (context.listLevel + 1) : 0;
      extra.indent = { start: base + INDENT, end: INDENT };
    }
    return this.paragraph(children, { ...options, ...extra });
  }

  paragraph(children: ParagraphChild[], options: IParagraphOptions = {}) {
    return new this.docx.Paragraph({ ...options, children, bidirectional: this.rtl || undefined });
  }

  run(text: string, marks: readonly PMMark[], header = false) {
    const has = (type: string): boolean => marks.some((m) => m.type === type);
    return new this.docx.TextRun({
      text,
      bold: has('bold') || header || undefined,
      italics: has('italic') || undefined,
      underline: has('underline') ? {} : undefined,
      strike: has('strike') || undefined,
      font: has('code') ? 'Courier New' : undefined,
      style: linkOf(marks) ? 'Hyperlink' : undefined,
      rightToLeft: this.rtlRun(text),
    });
  }

  /**
   * In a right-to-left document every run is right to left except a run of Latin text alone (a name, a URL),
   * which Word would otherwise lay out with right-to-left rules for its spaces and punctuation.
   */
  private rtlRun(text: string): true | undefined {
    if (!this.rtl) return undefined;
    return LATIN.test(text) && !RTL_SCRIPT.test(text) ? undefined : true;
  }

  private codeRuns(code: string): ParagraphChild[] {
    return code.split('\n').map(
      (line, i) =>
        new this.docx.TextRun({
          text: line,
          font: 'Courier New',
          break: i > 0 ? 1 : undefined,
          rightToLeft: this.rtlRun(line),
        }),
    );
  }

  /** Runs of inline content; neighbouring text with the same safe link becomes one hyperlink. */
  private inline(nodes: readonly PMNode[] | undefined, context: BlockContext): ParagraphChild[] {
    const children: ParagraphChild[] = [];
    let link = null as { href: string; runs: ParagraphChild[] } | null;
    const endLink = (): void => {
      if (link) children.push(new this.docx.ExternalHyperlink({ link: link.href, children: link.runs }));
      link = null;
    };
    for (const node of nodes ?? []) {
      if (node.type === 'hardBreak') {
        (link?.runs ?? children).push(new this.docx.TextRun({ break: 1 }));
        continue;
      }
      const text = node.type === 'text' ? (node.text ?? '') : inlineText(node.content, ' ');
      const marks = node.type === 'text' ? (node.marks ?? []) : [];
      const href = linkOf(marks);
      if (link?.href !== href) endLink();
      const run = this.run(text, marks, context.header);
      if (href) {
        link ??= { href, runs: [] };
        link.runs.push(run);
      } else children.push(run);
    }
    endLink();
    return children;
  }

  private table(node: PMNode) {
    const { Table, TableRow, WidthType } = this.docx;
    const rows = node.content ?? [];
    const columns = Math.max(
      1,
      ...rows.map((row) => (row.content ?? []).reduce((sum, cell) => sum + cellSpan(cell, 'colspan'), 0)),
    );
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: Array.from({ length: columns }, () => Math.floor(PAGE_WIDTH / columns)),
      visuallyRightToLeft: this.rtl || undefined,
      rows: rows.map((row) => {
        const cells = row.content ?? [];
        return new TableRow({
          tableHeader: cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader'),
          children: cells.map((cell) => this.cell(cell)),
        });
      }),
    });
  }

  private cell(cell: PMNode): TableCell {
    const header = cell.type === 'tableHeader';
    const children = this.blocks(cell.content, { listLevel: -1, quote: false, header }).filter(
      (child) => child instanceof this.docx.Paragraph || child instanceof this.docx.Table,
    ) as Array<InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>>;
    return new this.docx.TableCell({
      children: children.length > 0 ? children : [this.paragraph([])],
      columnSpan: cellSpan(cell, 'colspan'),
      rowSpan: cellSpan(cell, 'rowspan'),
      shading: header ? { fill: 'EEEEEE', type: this.docx.ShadingType.CLEAR, color: 'auto' } : undefined,
    });
  }
}

function linkOf(marks: readonly PMMark[]): string | null {
  for (const mark of marks) {
    const href = linkHref(mark);
    if (href) return href;
  }
  return null;
}
