import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type {
  CreatePilotProjectBody,
  Milestone,
  Organisation,
  PilotProject,
  ProgressUpdate,
  Theme,
  UpdatePilotProjectBody,
} from './types';

export interface PilotProjectFilter {
  cityId?: string;
  status?: string;
  themeId?: string;
}

export const pilotProjectsApi = {
  list: (filter: PilotProjectFilter, signal?: AbortSignal) =>
    api.call<PilotProject[]>(endpoint('pilotProjects.list'), { query: { ...filter }, signal }),
  get: (id: string, signal?: AbortSignal) => api.call<PilotProject>(endpoint('pilotProjects.get', { id }), { signal }),
  create: (body: CreatePilotProjectBody) => api.call<PilotProject>(endpoint('pilotProjects.create'), { body }),
  update: (id: string, body: UpdatePilotProjectBody) =>
    api.call<PilotProject>(endpoint('pilotProjects.update', { id }), { body }),
  addMilestone: (id: string, body: { title: string; dueDate: string }) =>
    api.call<Milestone>(endpoint('pilotProjects.milestones.create', { id }), { body }),
  updateMilestone: (id: string, milestoneId: string, body: Partial<Pick<Milestone, 'title' | 'dueDate' | 'status'>>) =>
    api.call<Milestone>(endpoint('pilotProjects.milestones.update', { id, milestoneId }), { body }),
  removeMilestone: (id: string, milestoneId: string) =>
    api.call<void>(endpoint('pilotProjects.milestones.remove', { id, milestoneId })),
  listProgress: (id: string, signal?: AbortSignal) =>
    api.call<ProgressUpdate[]>(endpoint('pilotProjects.progress.list', { id }), { signal }),
  addProgress: (id: string, body: { percent: number; note?: string }) =>
    api.call<ProgressUpdate>(endpoint('pilotProjects.progress.create', { id }), { body }),
  themes: (signal?: AbortSignal) => api.call<Theme[]>(endpoint('themes.list'), { signal }),
  organisations: (signal?: AbortSignal) => api.call<Organisation[]>(endpoint('organisations.list'), { signal }),
};

export const pilotProjectKeys = {
  all: ['pilot-projects'] as const,
  list: (filter: PilotProjectFilter) => ['pilot-projects', 'list', filter] as const,
  one: (id: string) => ['pilot-projects', id] as const,
  progress: (id: string) => ['pilot-projects', id, 'progress'] as const,
  themes: ['themes'] as const,
  organisations: ['organisations'] as const,
};
