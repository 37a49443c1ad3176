import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language } from '@passerelle/domain';
import { DataSource, EntityManager } from 'typeorm';

export interface IndicatorRecord {
  id: string;
  cityId: string;
  key: string;
  valueNumeric: number | null;
  valueText: string | null;
  year: number;
  source: string;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface IndicatorValue {
  key: string;
  year: number;
  valueNumeric: number | null;
  valueText: string | null;
  source: string;
}

export interface IndicatorCity {
  id: string;
  slug: string;
  name: string;
  names: Partial<Record<Language, string>>;
  country: string;
}

// The value comes back as text: a float would not keep 2 decimals exactly.
const SELECT = `SELECT i.id, i.city_id, i.key, i.value_numeric::text AS value_numeric, i.value_text, i.year, i.source,
                       i.updated_by, i.updated_at
                  FROM indicators i`;

interface Row {
  id: string;
  city_id: string;
  key: string;
  value_numeric: string | null;
  value_text: string | null;
  year: number;
  source: string;
  updated_by: string | null;
  updated_at: Date;
}

const toRecord = (r: Row): IndicatorRecord => ({
  id: r.id,
  cityId: r.city_id,
  key: r.key,
  valueNumeric: r.value_numeric === null ? null : Number(r.value_numeric),
  valueText: r.value_text,
  year: Number(r.year),
  source: r.source,
  updatedBy: r.updated_by,
  updatedAt: new Date(r.updated_at),
});

/** The SQL of the cities' key figures. */
@Injectable()
export class IndicatorsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async cities(): Promise<IndicatorCity[]> {
    const rows: Array<IndicatorCity & { names: Partial<Record<Language, string>> | null }> = await this.db.query(
      `SELECT id, slug, name, names, country FROM cities ORDER BY slug`,
    );
    return rows.map((r) => ({ ...r, names: r.names ?? {} }));
  }

  async findByCities(cityIds: string[]): Promise<IndicatorRecord[]> {
    if (cityIds.length === 0) return [];
    const rows: Row[] = await this.db.query(`${SELECT} WHERE i.city_id = ANY($1::uuid[]) ORDER BY i.key, i.year DESC`, [
      cityIds,
    ]);
    return rows.map(toRecord);
  }

  async findById(id: string): Promise<IndicatorRecord | null> {
    const [row]: Row[] = await this.db.query(`${SELECT} WHERE i.id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  /** For each city and key, the figure of the latest year. */
  async latest(cityIds: string[], keys: string[]): Promise<IndicatorRecord[]> {
    if (cityIds.length === 0 || keys.length === 0) return [];
    const rows: Row[] = await this.db.query(
      `SELECT DISTINCT ON (i.city_id, i.key) i.id, i.city_id, i.key, i.value_numeric::text AS value_numeric,
              i.value_text, i.year, i.source, i.updated_by, i.updated_at
         FROM indicators i
        WHERE i.city_id = ANY($1::uuid[]) AND i.key = ANY($2::text[])
        ORDER BY i.city_id, i.key, i.year DESC`,
      [cityIds, keys],
    );
    return rows.map(toRecord);
  }

  /**
   * Sets each (city, key, year) figure, adding it or replacing it. `onlyMissing` keeps figures
   * that exist (for the demo seed, which must not undo what people entered).
   */
  async upsert(
    cityId: string,
    values: IndicatorValue[],
    updatedBy: string | null,
    options: { onlyMissing?: boolean } = {},
  ): Promise<void> {
    const conflict = options.onlyMissing
      ? 'DO NOTHING'
      : `DO UPDATE SET value_numeric = EXCLUDED.value_numeric, value_text = EXCLUDED.value_text,
                      source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()`;
    await this.db.transaction(async (tx: EntityManager) => {
      for (const v of values) {
        await tx.query(
          `INSERT INTO indicators (city_id, key, year, value_numeric, value_text, source, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (city_id, key, year) ${conflict}`,
          [cityId, v.key, v.year, v.valueNumeric, v.valueText, v.source, updatedBy],
        );
      }
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM indicators WHERE id = $1`, [id]);
  }
}
