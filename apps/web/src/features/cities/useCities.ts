import { useQuery, useQueryClient } from '@tanstack/react-query';
import { citiesApi, cityKeys } from './citiesApi';
import type { City } from './types';

export function useCities() {
  return useQuery({ queryKey: cityKeys.all, queryFn: ({ signal }) => citiesApi.list(signal) });
}

/** One city by slug; starts from the list when it is already loaded, so opening a card shows at once. */
export function useCity(slug: string) {
  const queryClient = useQueryClient();
  return useQuery<City>({
    queryKey: cityKeys.one(slug),
    queryFn: ({ signal }) => citiesApi.get(slug, signal),
    placeholderData: () => queryClient.getQueryData<City[]>(cityKeys.all)?.find((city) => city.slug === slug),
  });
}
