/** Emitted when a city's key figures are added, replaced or deleted (for activity and search). */
export const INDICATORS_UPDATED = 'indicators.updated';

export interface IndicatorsUpdatedEvent {
  cityId: string;
  /** Who did it; null when the system did (the demo seed). */
  userId: string | null;
  keys: string[];
}
