import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { DashboardData } from './types';

export function useDashboard(enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => api.call<DashboardData>(endpoint('dashboard.get'), { signal }),
    enabled,
    // Coordinators keep the dashboard open: refresh it now and then rather than on every focus only.
    refetchInterval: 60_000,
  });
}
