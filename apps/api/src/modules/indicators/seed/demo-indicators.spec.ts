import { indicatorDefinition } from '@passerelle/domain';
import { DEMO_INDICATORS } from './demo-indicators';
import { demoValues } from './indicators.seeder';

describe('demo indicators', () => {
  it('covers the seven demo cities', () => {
    expect(Object.keys(DEMO_INDICATORS).sort()).toEqual([
      'amman',
      'beirut',
      'lisbon',
      'lyon',
      'madrid',
      'tangier',
      'turin',
    ]);
  });

  it('uses catalogue keys, values that fit their unit, and the demo label as source', () => {
    for (const slug of Object.keys(DEMO_INDICATORS)) {
      const seen = new Set<string>();
      for (const v of demoValues(slug)) {
        const definition = indicatorDefinition(v.key);
        expect(definition).toBeDefined();
        expect(seen.has(`${v.key}/${v.year}`)).toBe(false);
        seen.add(`${v.key}/${v.year}`);
        expect(v.source).toBe('Demo data');
        if (definition!.unit === 'text') {
          expect(v.valueText).toBeTruthy();
        } else {
          expect(Number.isFinite(v.valueNumeric)).toBe(true);
          if (definition!.unit === 'percent') expect(v.valueNumeric).toBeLessThanOrEqual(100);
          if (definition!.unit === 'count') expect(Number.isInteger(v.valueNumeric)).toBe(true);
        }
      }
    }
  });
});
