import type { CityDto, CityRole, Language } from '@passerelle/domain';

/**
 * A city as GET /api/cities answers it: the shared CityDto plus what the client shows (localized
 * names, the country code for localized country names, the caller's role in the city).
 */
export interface City extends Omit<CityDto, 'programmeId'> {
  programmeId?: string;
  names?: Partial<Record<Language, string>>;
  countryCode?: string;
  description?: string;
  memberRole?: CityRole | null;
}
