import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notServedAsEmpty } from './notServed';
import { pilotProjectKeys, pilotProjectsApi, type PilotProjectFilter } from './pilotProjectsApi';
import type { CreatePilotProjectBody, Milestone, PilotProject, UpdatePilotProjectBody } from './types';

export function usePilotProjects(filter: PilotProjectFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: pilotProjectKeys.list(filter),
    queryFn: ({ signal }) => notServedAsEmpty(pilotProjectsApi.list(filter, signal)),
    enabled: options.enabled ?? true,
  });
}

export function usePilotProject(id: string) {
  return useQuery({ queryKey: pilotProjectKeys.one(id), queryFn: ({ signal }) => pilotProjectsApi.get(id, signal) });
}

export function useProgressUpdates(id: string) {
  return useQuery({
    queryKey: pilotProjectKeys.progress(id),
    queryFn: ({ signal }) => pilotProjectsApi.listProgress(id, signal),
  });
}

/** Themes and organisations change rarely: one load per session is enough. */
export function useThemes() {
  return useQuery({
    queryKey: pilotProjectKeys.themes,
    queryFn: ({ signal }) => pilotProjectsApi.themes(signal),
    staleTime: 10 * 60_000,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: pilotProjectKeys.organisations,
    queryFn: ({ signal }) => pilotProjectsApi.organisations(signal),
    staleTime: 10 * 60_000,
  });
}

export function useCreatePilotProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePilotProjectBody) => pilotProjectsApi.create(body),
    onSuccess: (project) => {
      queryClient.setQueryData(pilotProjectKeys.one(project.id), project);
      void queryClient.invalidateQueries({ queryKey: pilotProjectKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

/**
 * Changes to one project: fields and status, milestones, progress. The project's answer (or a
 * refetch, for milestone and progress changes) replaces what is cached so lists follow at once.
 */
export function usePilotProjectMutations(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: pilotProjectKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
  const patchMilestone = (milestone: Milestone) =>
    queryClient.setQueryData<PilotProject>(
      pilotProjectKeys.one(id),
      (project) =>
        project && {
          ...project,
          milestones: project.milestones.map((m) => (m.id === milestone.id ? milestone : m)),
        },
    );

  const update = useMutation({
    mutationFn: (body: UpdatePilotProjectBody) => pilotProjectsApi.update(id, body),
    onSuccess: (project) => {
      queryClient.setQueryData(pilotProjectKeys.one(id), project);
      refresh();
    },
  });
  const addMilestone = useMutation({
    mutationFn: (body: { title: string; dueDate: string }) => pilotProjectsApi.addMilestone(id, body),
    onSuccess: refresh,
  });
  const updateMilestone = useMutation({
    mutationFn: ({ milestoneId, ...body }: { milestoneId: string } & Partial<Pick<Milestone, 'status' | 'dueDate'>>) =>
      pilotProjectsApi.updateMilestone(id, milestoneId, body),
    onSuccess: (milestone) => {
      patchMilestone(milestone);
      refresh();
    },
  });
  const removeMilestone = useMutation({
    mutationFn: (milestoneId: string) => pilotProjectsApi.removeMilestone(id, milestoneId),
    onSuccess: refresh,
  });
  const addProgress = useMutation({
    mutationFn: (body: { percent: number; note?: string }) => pilotProjectsApi.addProgress(id, body),
    onSuccess: refresh,
  });
  return { update, addMilestone, updateMilestone, removeMilestone, addProgress };
}
