import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Language } from '@passerelle/domain';
import { notServedAsEmpty } from '../pilot-projects/notServed';
import { indicatorKeys, indicatorsApi } from './indicatorsApi';
import type { IndicatorValueBody } from './types';

export function useCityIndicators(cityId: string) {
  return useQuery({
    queryKey: indicatorKeys.city(cityId),
    queryFn: ({ signal }) => notServedAsEmpty(indicatorsApi.list(cityId, signal)),
  });
}

export function useComparison(lang: Language) {
  return useQuery({
    queryKey: indicatorKeys.compare(lang),
    queryFn: ({ signal }) => indicatorsApi.compare(lang, signal),
  });
}

export function useIndicatorMutations(cityId: string) {
  const queryClient = useQueryClient();
  const refreshOthers = () => {
    void queryClient.invalidateQueries({ queryKey: ['indicators', 'compare'] });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
  const upsert = useMutation({
    mutationFn: (values: IndicatorValueBody[]) => indicatorsApi.upsert(cityId, values),
    // The answer is every figure of the city: it replaces the cached list as is.
    onSuccess: (all) => {
      queryClient.setQueryData(indicatorKeys.city(cityId), all);
      refreshOthers();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => indicatorsApi.remove(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.city(cityId) });
      refreshOthers();
    },
  });
  return { upsert, remove };
}
