import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { City } from './types';

export const citiesApi = {
  list: (signal?: AbortSignal) => api.call<City[]>(endpoint('cities.list'), { signal }),
  get: (idOrSlug: string, signal?: AbortSignal) => api.call<City>(endpoint('cities.get', { idOrSlug }), { signal }),
};

export const cityKeys = {
  all: ['cities'] as const,
  one: (idOrSlug: string) => ['cities', idOrSlug] as const,
};
