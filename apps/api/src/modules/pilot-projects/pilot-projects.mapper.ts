import { isMilestoneOverdue, PILOT_PROJECT_TRANSITIONS } from '@passerelle/domain';
import type { MilestoneResponse } from './dto/milestone.dto';
import type { PilotProjectResponse } from './dto/pilot-project.dto';
import type { ProgressResponse } from './dto/progress.dto';
import type { MilestoneRecord, ProgressRecord } from './pilot-project-work.repository';
import type { PilotProjectRecord } from './pilot-projects.repository';

export const mapMilestone = (m: MilestoneRecord, today: string): MilestoneResponse => ({
  id: m.id,
  pilotProjectId: m.pilotProjectId,
  title: m.title,
  dueDate: m.dueDate,
  status: m.status,
  completedAt: m.completedAt?.toISOString() ?? null,
  position: m.position,
  overdue: isMilestoneOverdue(m, today),
});

export const mapProgress = (p: ProgressRecord): ProgressResponse => ({
  id: p.id,
  pilotProjectId: p.pilotProjectId,
  percent: p.percent,
  note: p.note,
  author: p.authorId ? { id: p.authorId, name: p.authorName ?? '' } : null,
  createdAt: p.createdAt.toISOString(),
});

export function mapPilotProject(
  project: PilotProjectRecord,
  extras: { milestones: MilestoneRecord[]; latest: ProgressRecord | null; canManage: boolean; today: string },
): PilotProjectResponse {
  const milestones = extras.milestones.map((m) => mapMilestone(m, extras.today));
  return {
    id: project.id,
    cityId: project.cityId,
    title: project.title,
    summary: project.summary,
    themeId: project.themeId,
    priority: project.priority,
    leadOrganisationId: project.leadOrganisationId,
    partnerOrganisationIds: project.partnerOrganisationIds,
    startDate: project.startDate,
    endDate: project.endDate,
    budget: project.budget,
    currency: project.currency,
    status: project.status,
    allowedTransitions: [...PILOT_PROJECT_TRANSITIONS[project.status]],
    descriptionDocumentId: project.descriptionDocumentId,
    milestones,
    overdueMilestones: milestones.filter((m) => m.overdue).length,
    progressPercent: extras.latest?.percent ?? null,
    latestProgress: extras.latest
      ? { percent: extras.latest.percent, note: extras.latest.note, createdAt: extras.latest.createdAt.toISOString() }
      : null,
    canManage: extras.canManage,
    createdBy: project.createdBy,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}
