import { Injectable, StreamableFile } from '@nestjs/common';
import { toProseMirrorJSON } from '@passerelle/content';
import { utcToday, type Language } from '@passerelle/domain';
import { DocumentStore } from '../../collab/storage/document-store';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, conflict, notFound } from '../../core/errors/domain.exception';
import { attachmentDisposition } from '../documents/content/content-disposition';
import { DOCX_TYPE, EXPORT_HTML_CSP } from '../documents/content/document-renderer';
import { AccessService } from '../../core/access/access.service';
import type { ProgrammeReportQuery } from './dto/report.dto';
import { renderReportDocx } from './report-docx';
import { renderReportHtml } from './report-html';
import { REPORT_LABELS } from './report-labels';
import type { ProgrammeReport, ReportDocument, ReportProject, ReportSection } from './report-model';
import { Period, ProgrammeRow, ReportsRepository } from './reports.repository';

export interface RenderedReport {
  headers: Record<string, string>;
  body: string | StreamableFile;
}

/**
 * The programme report: the published documents changed or adopted in a period and the pilot
 * projects' progress in it, one section per city, as print-ready HTML or a Word file.
 * Coordinators and admins compile it (403 for others).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly store: DocumentStore,
    private readonly access: AccessService,
  ) {}

  async programmeReport(user: AuthUser, query: ProgrammeReportQuery, now = new Date()): Promise<RenderedReport> {
    this.access.assertProgramme(user, 'compile_report');
    const today = utcToday(now);
    const period: Period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
    if (period.to < period.from) throw badRequest('to must not be before from', ['to']);
    const programme = await this.programmeFor(query.programmeId);
    const report = await this.compile(programme, period, query.language ?? 'en', today);
    const name = `${programme.acronym} ${report.labels.report} ${period.from} ${period.to}`;
    if ((query.format ?? 'html') === 'docx') {
      const bytes = await renderReportDocx(report);
      return {
        headers: { 'Content-Type': DOCX_TYPE, 'Content-Disposition': attachmentDisposition(name, 'docx') },
        body: new StreamableFile(Buffer.from(bytes)),
      };
    }
    return {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': EXPORT_HTML_CSP },
      body: renderReportHtml(report),
    };
  }

  async compile(programme: ProgrammeRow, period: Period, language: Language, today: string): Promise<ProgrammeReport> {
    const [cities, documents, projects, events] = await Promise.all([
      this.repo.cities(programme.id),
      this.repo.documents(programme.id, period),
      this.repo.projects(programme.id, period),
      this.repo.events(programme.id, period),
    ]);
    const projectIds = projects.map((p) => p.id);
    const [progress, milestones] = await Promise.all([
      this.repo.progress(projectIds, period),
      this.repo.milestones(projectIds, period, today),
    ]);

    const reportDocuments: Array<ReportDocument & { cityId: string | null }> = [];
    // One at a time: each is loaded into the collaboration store, which evicts it again when idle.
    for (const d of documents) {
      const content = toProseMirrorJSON(await this.store.get(d.id)).content;
      reportDocuments.push({ ...d, content });
    }
    const reportProjects: Array<ReportProject & { cityId: string }> = projects.map((p) => ({
      id: p.id,
      cityId: p.cityId,
      title: p.title,
      status: p.status,
      theme: p.themeNames ? (p.themeNames[language] ?? p.themeNames.en ?? null) : null,
      percent: p.percent === null ? null : Number(p.percent),
      progress: progress
        .filter((r) => r.projectId === p.id)
        .map((r) => ({ date: r.date, percent: Number(r.percent), note: r.note })),
      milestonesDone: milestones
        .filter((m) => m.projectId === p.id && !m.overdue)
        .map((m) => ({ title: m.title, date: m.date })),
      milestonesOverdue: milestones
        .filter((m) => m.projectId === p.id && m.overdue)
        .map((m) => ({ title: m.title, dueDate: m.date })),
    }));

    const labels = REPORT_LABELS[language];
    const strip = <T extends { cityId: unknown }>({ cityId: _cityId, ...rest }: T): Omit<T, 'cityId'> => rest;
    const sections: ReportSection[] = [];
    const programmeDocuments = reportDocuments.filter((d) => d.cityId === null);
    const programmeEvents = events.filter((e) => e.cityIds.length === 0);
    if (programmeDocuments.length > 0 || programmeEvents.length > 0) {
      sections.push({
        anchor: 'programme',
        cityId: null,
        title: labels.programmeWide,
        documents: programmeDocuments.map(strip),
        projects: [],
        events: programmeEvents.map(({ cityIds: _c, ...e }) => e),
      });
    }
    for (const city of cities) {
      sections.push({
        anchor: `city-${city.slug}`,
        cityId: city.id,
        title: city.names?.[language] ?? city.name,
        documents: reportDocuments.filter((d) => d.cityId === city.id).map(strip),
        projects: reportProjects.filter((p) => p.cityId === city.id).map(strip),
        events: events.filter((e) => e.cityIds.includes(city.id)).map(({ cityIds: _c, ...e }) => e),
      });
    }
    return {
      language,
      labels,
      programme: { name: programme.name, acronym: programme.acronym },
      from: period.from,
      to: period.to,
      generatedOn: today,
      sections,
    };
  }

  private async programmeFor(requested: string | undefined): Promise<ProgrammeRow> {
    const programmes = await this.repo.programmes();
    if (requested) {
      const found = programmes.find((p) => p.id === requested);
      if (!found) throw notFound('Programme');
      return found;
    }
    if (programmes.length === 1) return programmes[0];
    if (programmes.length === 0) throw conflict('There is no programme to report on');
    throw badRequest('programmeId is required when there are several programmes', ['programmeId']);
  }
}
