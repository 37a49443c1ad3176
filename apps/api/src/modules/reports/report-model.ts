import type { PMNode } from '@passerelle/content';
import type { DocumentKind, DocumentStatus, EventKind, Language, PilotProjectStatus } from '@passerelle/domain';
import type { ReportLabels } from './report-labels';

/** The programme report once compiled: what both renderers (HTML, DOCX) lay out. Dates are `YYYY-MM-DD`. */
export interface ProgrammeReport {
  language: Language;
  labels: ReportLabels;
  programme: { name: string; acronym: string };
  from: string;
  to: string;
  generatedOn: string;
  sections: ReportSection[];
}

/** One city, or the programme's own documents and events (`cityId` null). */
export interface ReportSection {
  /** A stable anchor: `city-<slug>` or `programme`. */
  anchor: string;
  cityId: string | null;
  title: string;
  documents: ReportDocument[];
  projects: ReportProject[];
  events: ReportEvent[];
}

export interface ReportDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  language: Language;
  adoptedOn: string | null;
  updatedOn: string;
  content: PMNode[];
}

export interface ReportProject {
  id: string;
  title: string;
  status: PilotProjectStatus;
  theme: string | null;
  /** The latest progress reported by the end of the period. */
  percent: number | null;
  progress: Array<{ date: string; percent: number; note: string }>;
  milestonesDone: Array<{ title: string; date: string }>;
  milestonesOverdue: Array<{ title: string; dueDate: string }>;
}

export interface ReportEvent {
  id: string;
  title: string;
  kind: EventKind;
  startsOn: string;
  endsOn: string;
}

export const sectionTotals = (s: ReportSection) => ({
  documents: s.documents.length,
  projects: s.projects.length,
  milestonesDone: s.projects.reduce((n, p) => n + p.milestonesDone.length, 0),
  milestonesOverdue: s.projects.reduce((n, p) => n + p.milestonesOverdue.length, 0),
  events: s.events.length,
});
