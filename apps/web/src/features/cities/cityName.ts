import type { City } from './types';

/** The city's name in the interface language, falling back to its usual name. */
export function cityName(city: Pick<City, 'name' | 'names'>, language: string): string {
  return city.names?.[language as keyof NonNullable<City['names']>] || city.name;
}
