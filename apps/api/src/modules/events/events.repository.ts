import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventKind } from '@passerelle/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { AgendaItem } from './event.entity';

/** An event with its cities and participants (never sent as is: see the mapper). */
export interface EventRecord {
  id: string;
  programmeId: string;
  kind: EventKind;
  title: string;
  description: string;
  hostCityId: string | null;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  agenda: AgendaItem[];
  minutesDocumentId: string | null;
  cityIds: string[];
  participants: Array<{ id: string; name: string }>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventFields {
  kind?: EventKind;
  title?: string;
  description?: string;
  hostCityId?: string | null;
  startsAt?: Date;
  endsAt?: Date;
  location?: string | null;
  onlineUrl?: string | null;
  agenda?: AgendaItem[];
  minutesDocumentId?: string | null;
}

export interface EventFilters {
  programmeIds: string[];
  cityId?: string;
  from?: Date;
  to?: Date;
  when?: 'upcoming' | 'past';
  now: Date;
}

export interface CityInfo {
  id: string;
  programmeId: string;
  name: string;
  country: string;
  languages: string[];
}

const COLUMNS: Record<keyof EventFields, string> = {
  kind: 'kind',
  title: 'title',
  description: 'description',
  hostCityId: 'host_city_id',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  location: 'location',
  onlineUrl: 'online_url',
  agenda: 'agenda',
  minutesDocumentId: 'minutes_document_id',
};

const SELECT_EVENT = `
  SELECT e.id, e.programme_id, e.kind, e.title, e.description, e.host_city_id, e.starts_at, e.ends_at, e.location,
         e.online_url, e.agenda, e.minutes_document_id, e.created_by, e.created_at, e.updated_at,
         ARRAY(SELECT ec.city_id::text FROM event_cities ec JOIN cities c ON c.id = ec.city_id
                WHERE ec.event_id = e.id ORDER BY c.slug) AS city_ids,
         COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id)
                     FROM event_participants ep JOIN users u ON u.id = ep.user_id
                    WHERE ep.event_id = e.id), '[]'::json) AS participants
    FROM events e`;

interface EventRow {
  id: string;
  programme_id: string;
  kind: EventKind;
  title: string;
  description: string;
  host_city_id: string | null;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  online_url: string | null;
  agenda: AgendaItem[];
  minutes_document_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  city_ids: string[];
  participants: Array<{ id: string; name: string }>;
}

const toRecord = (r: EventRow): EventRecord => ({
  id: r.id,
  programmeId: r.programme_id,
  kind: r.kind,
  title: r.title,
  description: r.description,
  hostCityId: r.host_city_id,
  startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at),
  location: r.location,
  onlineUrl: r.online_url,
  agenda: r.agenda,
  minutesDocumentId: r.minutes_document_id,
  cityIds: r.city_ids,
  participants: r.participants,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** The SQL of events, their participating cities and people. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  private q(tx?: EntityManager): EntityManager {
    return tx ?? this.db.manager;
  }

  async cities(): Promise<CityInfo[]> {
    const rows: Array<{ id: string; programme_id: string; name: string; country: string; languages: string[] }> =
      await this.db.query(`SELECT id, programme_id, name, country, languages FROM cities ORDER BY slug`);
    return rows.map((r) => ({
      id: r.id,
      programmeId: r.programme_id,
      name: r.name,
      country: r.country,
      languages: r.languages,
    }));
  }

  async programmeIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM programmes ORDER BY created_at, id`);
    return rows.map((r) => r.id);
  }

  async programmeAcronym(id: string): Promise<string | null> {
    const [row]: Array<{ acronym: string }> = await this.db.query(`SELECT acronym FROM programmes WHERE id = $1`, [id]);
    return row?.acronym ?? null;
  }

  /** The ids among `ids` that name an active user. */
  async existingUsers(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id::text AS id FROM users WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async findMany(filters: EventFilters): Promise<EventRecord[]> {
    const params: unknown[] = [filters.programmeIds];
    const where = ['e.programme_id = ANY($1::uuid[])'];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filters.cityId) {
      add(
        (n) =>
          `(e.host_city_id = $${n}::uuid OR EXISTS (SELECT 1 FROM event_cities ec WHERE ec.event_id = e.id AND ec.city_id = $${n}::uuid))`,
        filters.cityId,
      );
    }
    // An event belongs to a period when the two overlap.
    if (filters.from) add((n) => `e.ends_at >= $${n}`, filters.from);
    if (filters.to) add((n) => `e.starts_at <= $${n}`, filters.to);
    if (filters.when === 'upcoming') add((n) => `e.ends_at >= $${n}`, filters.now);
    if (filters.when === 'past') add((n) => `e.ends_at < $${n}`, filters.now);
    const order = filters.when === 'past' ? 'e.starts_at DESC, e.id' : 'e.starts_at, e.id';
    const rows: EventRow[] = await this.db.query(
      `${SELECT_EVENT} WHERE ${where.join(' AND ')} ORDER BY ${order}`,
      params,
    );
    return rows.map(toRecord);
  }

  async findById(id: string): Promise<EventRecord | null> {
    const [row]: EventRow[] = await this.db.query(`${SELECT_EVENT} WHERE e.id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  async findByTitle(programmeId: string, title: string): Promise<EventRecord | null> {
    const [row]: EventRow[] = await this.db.query(`${SELECT_EVENT} WHERE e.programme_id = $1 AND e.title = $2`, [
      programmeId,
      title,
    ]);
    return row ? toRecord(row) : null;
  }

  async insert(
    fields: Required<Omit<EventFields, 'minutesDocumentId'>> & { programmeId: string; createdBy: string | null },
    tx?: EntityManager,
  ): Promise<string> {
    const [row]: Array<{ id: string }> = await this.q(tx).query(
      `INSERT INTO events (programme_id, kind, title, starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [fields.programmeId, fields.kind, fields.title, fields.startsAt, fields.endsAt, fields.createdBy],
    );
    const { programmeId: _p, createdBy: _c, ...rest } = fields;
    await this.update(row.id, rest, tx);
    return row.id;
  }

  async update(id: string, fields: EventFields, tx?: EntityManager): Promise<void> {
    const params: unknown[] = [id];
    const sets = ['updated_at = now()'];
    for (const [key, column] of Object.entries(COLUMNS) as Array<[keyof EventFields, string]>) {
      if (fields[key] === undefined) continue;
      params.push(key === 'agenda' ? JSON.stringify(fields.agenda) : fields[key]);
      sets.push(`${column} = $${params.length}${key === 'agenda' ? '::jsonb' : ''}`);
    }
    await this.q(tx).query(`UPDATE events SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async setCities(id: string, cityIds: string[], tx?: EntityManager): Promise<void> {
    await this.q(tx).query(`DELETE FROM event_cities WHERE event_id = $1`, [id]);
    if (cityIds.length === 0) return;
    await this.q(tx).query(
      `INSERT INTO event_cities (event_id, city_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, cityIds],
    );
  }

  async setParticipants(id: string, userIds: string[], tx?: EntityManager): Promise<void> {
    await this.q(tx).query(`DELETE FROM event_participants WHERE event_id = $1`, [id]);
    if (userIds.length === 0) return;
    await this.q(tx).query(
      `INSERT INTO event_participants (event_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, userIds],
    );
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM events WHERE id = $1`, [id]);
  }
}
