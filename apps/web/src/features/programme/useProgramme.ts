import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { Programme } from './types';

export function useProgramme() {
  return useQuery({
    queryKey: ['programme'],
    queryFn: ({ signal }) => api.call<Programme>(endpoint('programme.get'), { signal }),
    staleTime: 5 * 60_000,
  });
}
