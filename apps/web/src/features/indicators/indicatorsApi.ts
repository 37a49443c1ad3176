import type { Language } from '@passerelle/domain';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { Comparison, Indicator, IndicatorValueBody } from './types';

export const indicatorsApi = {
  list: (cityId: string, signal?: AbortSignal) =>
    api.call<Indicator[]>(endpoint('indicators.list'), { query: { cityId }, signal }),
  upsert: (cityId: string, indicators: IndicatorValueBody[]) =>
    api.call<Indicator[]>(endpoint('indicators.upsert', { cityId }), { body: { indicators } }),
  remove: (id: string) => api.call<void>(endpoint('indicators.remove', { id })),
  compare: (lang: Language, signal?: AbortSignal) =>
    api.call<Comparison>(endpoint('indicators.compare'), { query: { lang }, signal }),
};

export const indicatorKeys = {
  all: ['indicators'] as const,
  city: (cityId: string) => ['indicators', 'city', cityId] as const,
  compare: (lang: Language) => ['indicators', 'compare', lang] as const,
};
