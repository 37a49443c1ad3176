import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  INDICATOR_ACCESS,
  INDICATOR_CATALOGUE,
  INDICATOR_EXPORT_LABELS,
  indicatorDefinition,
  type IndicatorDefinition,
  type Language,
} from '@passerelle/domain';
import { isUUID } from 'class-validator';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, forbidden, notFound } from '../../core/errors/domain.exception';
import { CsvCell, toCsv } from './csv';
import type {
  CompareIndicatorsQuery,
  ComparisonResponse,
  IndicatorResponse,
  IndicatorValueDto,
} from './dto/indicator.dto';
import { INDICATORS_UPDATED, type IndicatorsUpdatedEvent } from './indicators.events';
import { IndicatorCity, IndicatorRecord, IndicatorsRepository, IndicatorValue } from './indicators.repository';

const mapIndicator = (r: IndicatorRecord): IndicatorResponse => ({
  id: r.id,
  cityId: r.cityId,
  key: r.key,
  unit: indicatorDefinition(r.key)?.unit ?? 'text',
  valueNumeric: r.valueNumeric,
  valueText: r.valueText,
  year: r.year,
  source: r.source,
  updatedBy: r.updatedBy,
  updatedAt: r.updatedAt.toISOString(),
});

const catalogueOrder = (key: string): number => INDICATOR_CATALOGUE.findIndex((d) => d.key === key);

/**
 * The key figures of each city's migration profile, and their comparison across cities. Whoever
 * reads a city's workspace reads its figures; its editors and the coordinators maintain them.
 */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly repo: IndicatorsRepository,
    private readonly access: AccessService,
    private readonly events: EventEmitter2,
  ) {}

  async list(user: AuthUser, cityId: string | undefined): Promise<IndicatorResponse[]> {
    let cities = await this.readableCities(user);
    if (cityId) {
      cities = cities.filter((c) => c.id === cityId);
      if (cities.length === 0) throw notFound('City');
    }
    const cityOrder = new Map(cities.map((c, index) => [c.id, index]));
    const rows = await this.repo.findByCities(cities.map((c) => c.id));
    return rows
      .sort(
        (a, b) =>
          cityOrder.get(a.cityId)! - cityOrder.get(b.cityId)! ||
          catalogueOrder(a.key) - catalogueOrder(b.key) ||
          b.year - a.year,
      )
      .map(mapIndicator);
  }

  async upsert(user: AuthUser, cityId: string, items: IndicatorValueDto[]): Promise<IndicatorResponse[]> {
    const city = await this.cityFor(user, cityId, 'manage');
    const values = items.map((item, index) => toValue(item, index));
    const seen = new Set<string>();
    values.forEach((v, index) => {
      const id = `${v.key}/${v.year}`;
      if (seen.has(id)) throw badRequest(`${v.key} for ${v.year} is given twice`, [`indicators.${index}.key`]);
      seen.add(id);
    });
    await this.repo.upsert(city.id, values, user.id);
    const event: IndicatorsUpdatedEvent = {
      cityId: city.id,
      userId: user.id,
      keys: [...new Set(values.map((v) => v.key))],
    };
    this.events.emit(INDICATORS_UPDATED, event);
    return this.list(user, city.id);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    const indicator = isUUID(id) ? await this.repo.findById(id) : null;
    if (!indicator || !this.access.canOnCity(user, INDICATOR_ACCESS.read, indicator.cityId)) {
      throw notFound('Indicator');
    }
    if (!this.access.canOnCity(user, INDICATOR_ACCESS.manage, indicator.cityId)) {
      throw forbidden('You may not change the indicators of this city');
    }
    await this.repo.delete(indicator.id);
    const event: IndicatorsUpdatedEvent = { cityId: indicator.cityId, userId: user.id, keys: [indicator.key] };
    this.events.emit(INDICATORS_UPDATED, event);
  }

  /** Cities × indicators, each cell the latest year's figure, over the cities the caller reads. */
  async compare(user: AuthUser, query: CompareIndicatorsQuery): Promise<ComparisonResponse> {
    const language = query.lang ?? 'en';
    const definitions = this.definitions(query.keys);
    let cities = await this.readableCities(user);
    if (query.cityIds) cities = cities.filter((c) => query.cityIds!.includes(c.id));
    const latest = await this.repo.latest(
      cities.map((c) => c.id),
      definitions.map((d) => d.key),
    );
    return {
      indicators: definitions.map((d) => ({ key: d.key, unit: d.unit, names: { ...d.names } })),
      cities: cities.map((city) => ({
        id: city.id,
        slug: city.slug,
        name: cityName(city, language),
        country: city.country,
        values: Object.fromEntries(
          definitions.map((d) => {
            const cell = latest.find((r) => r.cityId === city.id && r.key === d.key);
            const value = cell
              ? { valueNumeric: cell.valueNumeric, valueText: cell.valueText, year: cell.year, source: cell.source }
              : null;
            return [d.key, value];
          }),
        ),
      })),
    };
  }

  /** The comparison as a spreadsheet: per indicator a value, a year and a source column. */
  async compareCsv(user: AuthUser, query: CompareIndicatorsQuery): Promise<string> {
    const language = query.lang ?? 'en';
    const labels = INDICATOR_EXPORT_LABELS[language];
    const table = await this.compare(user, query);
    const header: CsvCell[] = [labels.city, labels.country];
    for (const d of table.indicators) {
      header.push(
        d.names[language],
        `${d.names[language]} (${labels.year})`,
        `${d.names[language]} (${labels.source})`,
      );
    }
    const rows: CsvCell[][] = table.cities.map((city) => [
      city.name,
      city.country,
      ...table.indicators.flatMap((d) => {
        const cell = city.values[d.key];
        if (!cell) return [null, null, null];
        return [d.unit === 'text' ? cell.valueText : cell.valueNumeric, cell.year, cell.source || null];
      }),
    ]);
    return toCsv([header, ...rows]);
  }

  private definitions(keys: string[] | undefined): IndicatorDefinition[] {
    return keys ? INDICATOR_CATALOGUE.filter((d) => keys.includes(d.key)) : [...INDICATOR_CATALOGUE];
  }

  private async readableCities(user: AuthUser): Promise<IndicatorCity[]> {
    return (await this.repo.cities()).filter((c) => this.access.canOnCity(user, INDICATOR_ACCESS.read, c.id));
  }

  /** The city when the caller reads it (404 otherwise) and, for 'manage', maintains its figures (403 otherwise). */
  private async cityFor(user: AuthUser, cityId: string, action: 'read' | 'manage'): Promise<IndicatorCity> {
    const city = isUUID(cityId) ? (await this.repo.cities()).find((c) => c.id === cityId) : undefined;
    if (!city || !this.access.canOnCity(user, INDICATOR_ACCESS.read, city.id)) throw notFound('City');
    if (action === 'manage' && !this.access.canOnCity(user, INDICATOR_ACCESS.manage, city.id)) {
      throw forbidden('You may not change the indicators of this city');
    }
    return city;
  }
}

const cityName = (city: IndicatorCity, language: Language): string => city.names[language] ?? city.name;

/** A figure checked against its indicator's unit; errors name the field of the item. */
function toValue(item: IndicatorValueDto, index: number): IndicatorValue {
  const definition = indicatorDefinition(item.key)!;
  const field = (name: string) => `indicators.${index}.${name}`;
  const numeric = item.valueNumeric ?? null;
  const text = item.valueText ? item.valueText : null;
  if (definition.unit === 'text') {
    if (text === null) throw badRequest(`${field('valueText')} is required for ${item.key}`, [field('valueText')]);
    if (numeric !== null)
      throw badRequest(`${field('valueNumeric')} must be empty for ${item.key}`, [field('valueNumeric')]);
  } else {
    if (numeric === null)
      throw badRequest(`${field('valueNumeric')} is required for ${item.key}`, [field('valueNumeric')]);
    if (text !== null) throw badRequest(`${field('valueText')} must be empty for ${item.key}`, [field('valueText')]);
    if (definition.unit === 'count' && !Number.isInteger(numeric)) {
      throw badRequest(`${field('valueNumeric')} must be a whole number for ${item.key}`, [field('valueNumeric')]);
    }
    if (definition.unit === 'percent' && numeric > 100) {
      throw badRequest(`${field('valueNumeric')} must be a percentage (0 to 100) for ${item.key}`, [
        field('valueNumeric'),
      ]);
    }
  }
  return { key: item.key, year: item.year, valueNumeric: numeric, valueText: text, source: item.source ?? '' };
}
