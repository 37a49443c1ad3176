import type { IndicatorUnit, Language } from '@passerelle/domain';

/** One figure of a city for one year (GET /api/indicators, PUT /api/cities/:cityId/indicators). */
export interface Indicator {
  id: string;
  cityId: string;
  key: string;
  unit: IndicatorUnit;
  valueNumeric: number | null;
  valueText: string | null;
  year: number;
  source: string;
  updatedAt: string;
}

export interface IndicatorValueBody {
  key: string;
  year: number;
  valueNumeric?: number | null;
  valueText?: string | null;
  source?: string;
}

export interface ComparedValue {
  valueNumeric: number | null;
  valueText: string | null;
  year: number;
  source: string;
}

/** GET /api/indicators/compare: the columns (indicators) and the rows (cities the caller reads). */
export interface Comparison {
  indicators: Array<{ key: string; unit: IndicatorUnit; names: Record<Language, string> }>;
  cities: Array<{
    id: string;
    slug: string;
    name: string;
    country: string;
    values: Record<string, ComparedValue | null>;
  }>;
}
