import { useInfiniteQuery } from '@tanstack/react-query';
import { activityApi, activityKeys } from './activityApi';
import type { ActivityFilter } from './types';

/** A feed, newest first, a page at a time ("load more" follows `nextBefore`). */
export function useActivity(filter: ActivityFilter) {
  return useInfiniteQuery({
    queryKey: activityKeys.feed(filter),
    queryFn: ({ pageParam, signal }) => activityApi.list(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
