import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { ActivityFilter, ActivityPage } from './types';

export const ACTIVITY_PAGE = 15;

export const activityApi = {
  list: (filter: ActivityFilter, before: string | undefined, signal?: AbortSignal) =>
    api.call<ActivityPage>(endpoint('activity.list'), {
      query: { ...filter, before, limit: String(ACTIVITY_PAGE) },
      signal,
    }),
};

export const activityKeys = {
  feed: (filter: ActivityFilter) => ['activity', filter] as const,
};
