import { isRtl } from '@passerelle/domain';
import type { FileChild, IParagraphOptions, ParagraphChild, Table } from 'docx';
import { sectionTotals, type ProgrammeReport, type ReportProject, type ReportSection } from './report-model';
import { DocxBlocks } from './docx-blocks';

type Docx = typeof import('docx');

/**
 * The report as a Word file: a title page, a contents table, then one section per city starting
 * on a new page (headings, tables, the documents' own content). Paragraphs of Arabic content, or
 * of an Arabic report, are right to left.
 */
export async function renderReportDocx(report: ProgrammeReport): Promise<Uint8Array> {
  const docx = await import('docx');
  const writer = new ReportWriter(docx, report);
  const file = new docx.Document({
    title: `${report.programme.name} — ${report.labels.report}`,
    creator: 'Passerelle',
    sections: [{ children: writer.children() }],
  });
  return new Uint8Array(await docx.Packer.toArrayBuffer(file));
}

class ReportWriter {
  private readonly rtl: boolean;

  constructor(
    private readonly docx: Docx,
    private readonly report: ProgrammeReport,
  ) {
    this.rtl = isRtl(report.language);
  }

  children(): FileChild[] {
    const { HeadingLevel, AlignmentType } = this.docx;
    const { labels: l, programme } = this.report;
    const centered = { alignment: AlignmentType.CENTER };
    return [
      this.paragraph(programme.acronym, { ...centered, spacing: { before: 2400 } }),
      this.paragraph(programme.name, { ...centered, heading: HeadingLevel.TITLE }),
      this.paragraph(l.report, { ...centered, heading: HeadingLevel.HEADING_2 }),
      this.paragraph(`${l.period}: ${this.report.from} – ${this.report.to}`, centered),
      this.paragraph(`${l.generatedOn} ${this.report.generatedOn}`, centered),
      this.paragraph(l.contents, { heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
      this.contentsTable(),
      ...this.report.sections.flatMap((s) => this.section(s)),
    ];
  }

  private contentsTable(): Table {
    const { labels: l } = this.report;
    const head = [l.city, l.documents, l.pilotProjects, l.milestonesDone, l.milestonesOverdue, l.events];
    const rows = this.report.sections.map((s) => {
      const t = sectionTotals(s);
      return [s.title, ...[t.documents, t.projects, t.milestonesDone, t.milestonesOverdue, t.events].map(String)];
    });
    return this.table(head, rows);
  }

  private section(s: ReportSection): FileChild[] {
    const { HeadingLevel } = this.docx;
    const { labels: l } = this.report;
    const out: FileChild[] = [this.paragraph(s.title, { heading: HeadingLevel.HEADING_1, pageBreakBefore: true })];
    out.push(this.paragraph(l.publishedDocuments, { heading: HeadingLevel.HEADING_2 }));
    if (s.documents.length === 0) out.push(this.paragraph(l.noDocuments, {}, true));
    for (const d of s.documents) {
      const meta = [l.kinds[d.kind], l.documentStatuses[d.status]];
      if (d.adoptedOn) meta.push(`${l.adoptedOn} ${d.adoptedOn}`);
      meta.push(`${l.updatedOn} ${d.updatedOn}`);
      const blocks = new DocxBlocks(this.docx, isRtl(d.language));
      // The document's headings sit under the section's: its title becomes a third-level heading.
      if (!blocks.opensWithTitle(d.content)) out.push(blocks.heading(d.title, 3));
      out.push(this.paragraph(meta.join(' · '), {}, true));
      out.push(...blocks.render(d.content, 2));
    }
    if (s.cityId !== null) {
      out.push(this.paragraph(l.pilotProjects, { heading: HeadingLevel.HEADING_2 }));
      if (s.projects.length === 0) out.push(this.paragraph(l.noPilotProjects, {}, true));
      else out.push(this.projectTable(s.projects), ...s.projects.flatMap((p) => this.projectDetails(p)));
    }
    out.push(this.paragraph(l.events, { heading: HeadingLevel.HEADING_2 }));
    if (s.events.length === 0) out.push(this.paragraph(l.noEvents, {}, true));
    for (const ev of s.events) {
      const dates = ev.startsOn === ev.endsOn ? ev.startsOn : `${ev.startsOn} – ${ev.endsOn}`;
      out.push(this.paragraph(`${dates} · ${l.eventKinds[ev.kind]} · ${ev.title}`, { bullet: { level: 0 } }));
    }
    return out;
  }

  private projectTable(projects: ReportProject[]): Table {
    const { labels: l } = this.report;
    return this.table(
      [l.pilotProjects, l.status, l.theme, l.progress, l.milestonesDone, l.milestonesOverdue],
      projects.map((p) => [
        p.title,
        l.projectStatuses[p.status],
        p.theme ?? l.none,
        p.percent === null ? l.none : `${p.percent}%`,
        String(p.milestonesDone.length),
        String(p.milestonesOverdue.length),
      ]),
    );
  }

  private projectDetails(p: ReportProject): FileChild[] {
    const { HeadingLevel } = this.docx;
    const { labels: l } = this.report;
    if (p.progress.length === 0 && p.milestonesDone.length === 0 && p.milestonesOverdue.length === 0) return [];
    const list = (heading: string, items: string[]): FileChild[] =>
      items.length === 0
        ? []
        : [
            this.paragraph(heading, {}, false, true),
            ...items.map((text) => this.paragraph(text, { bullet: { level: 0 } })),
          ];
    return [
      this.paragraph(p.title, { heading: HeadingLevel.HEADING_3 }),
      ...list(
        l.progressUpdates,
        p.progress.map((r) => `${r.date} · ${r.percent}%${r.note ? ` · ${r.note}` : ''}`),
      ),
      ...list(
        l.milestonesDone,
        p.milestonesDone.map((m) => `${m.date} · ${m.title}`),
      ),
      ...list(
        l.milestonesOverdue,
        p.milestonesOverdue.map((m) => `${l.dueOn} ${m.dueDate} · ${m.title}`),
      ),
    ];
  }

  private table(head: string[], rows: string[][]): Table {
    const { Table, TableRow, TableCell, WidthType, ShadingType } = this.docx;
    const row = (cells: string[], header: boolean) =>
      new TableRow({
        tableHeader: header,
        children: cells.map(
          (text) =>
            new TableCell({
              children: [this.paragraph(text, {}, false, header)],
              shading: header ? { fill: 'EEEEEE', type: ShadingType.CLEAR, color: 'auto' } : undefined,
            }),
        ),
      });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: this.rtl || undefined,
      rows: [row(head, true), ...rows.map((r) => row(r, false))],
    });
  }

  /** A paragraph of the report's own words, in the report's direction. */
  private paragraph(text: string, options: IParagraphOptions = {}, italics = false, bold = false) {
    const run: ParagraphChild = new this.docx.TextRun({
      text,
      italics: italics || undefined,
      bold: bold || undefined,
      rightToLeft: this.rtl || undefined,
    });
    return new this.docx.Paragraph({ ...options, children: [run], bidirectional: this.rtl || undefined });
  }
}
