import { Injectable } from '@nestjs/common';
import { indicatorDefinition } from '@passerelle/domain';
import { IndicatorsRepository, IndicatorValue } from '../indicators.repository';
import { DEMO_INDICATORS, DEMO_SOURCE } from './demo-indicators';

/** The token under which the seed feature finds this seeder. */
export const INDICATORS_SEEDER = 'IndicatorsSeeder';

/** The demo figures of a city as the repository stores them. */
export function demoValues(slug: string): IndicatorValue[] {
  return (DEMO_INDICATORS[slug] ?? []).map((f) => {
    const text = indicatorDefinition(f.key)?.unit === 'text';
    return {
      key: f.key,
      year: f.year,
      valueNumeric: text ? null : Number(f.value),
      valueText: text ? String(f.value) : null,
      source: DEMO_SOURCE,
    };
  });
}

/** Adds the demo figures that are missing; figures people entered or changed are kept. */
@Injectable()
export class IndicatorsSeeder {
  constructor(private readonly repo: IndicatorsRepository) {}

  async seedDemoIndicators(cities: Array<{ id: string; slug: string }>): Promise<void> {
    for (const city of cities) {
      const values = demoValues(city.slug);
      if (values.length > 0) await this.repo.upsert(city.id, values, null, { onlyMissing: true });
    }
  }
}
