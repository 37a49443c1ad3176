import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { canOnProgramme, LANGUAGES, type Language } from '@passerelle/domain';
import { isUUID } from 'class-validator';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, conflict, notFound } from '../../core/errors/domain.exception';
import { DocumentsService } from '../documents/documents.service';
import type { CreateEventDto, EventResponse, ListEventsQuery, UpdateEventDto } from './dto/event.dto';
import { EVENT_CREATED, EVENT_DELETED, EVENT_UPDATED, type EventChangedEvent } from './events.events';
import { mapEvent, toCalendarEntry } from './events.mapper';
import { CityInfo, EventFields, EventRecord, EventsRepository } from './events.repository';
import { buildCalendar } from './ical';

const SCALAR_FIELDS = ['kind', 'title', 'description', 'hostCityId', 'location', 'onlineUrl'] as const;

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/**
 * The programme calendar. Events are not confidential: everyone who takes part in the programme
 * (a member of one of its cities, or a coordinator) sees them; coordinators create, change and
 * delete them. An event out of the caller's programmes is "not found".
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly repo: EventsRepository,
    private readonly access: AccessService,
    private readonly documents: DocumentsService,
    private readonly events: EventEmitter2,
  ) {}

  async list(user: AuthUser, query: ListEventsQuery): Promise<EventResponse[]> {
    const manage = this.mayManage(user);
    return (await this.find(user, query)).map((e) => mapEvent(e, manage));
  }

  async get(user: AuthUser, id: string): Promise<EventResponse> {
    return mapEvent(await this.getFor(user, id), this.mayManage(user));
  }

  /** The event when the caller takes part in its programme; 404 otherwise. */
  async getFor(user: AuthUser, id: string): Promise<EventRecord> {
    const event = isUUID(id) ? await this.repo.findById(id) : null;
    if (!event || !(await this.readableProgrammes(user)).includes(event.programmeId)) throw notFound('Event');
    return event;
  }

  async create(user: AuthUser, dto: CreateEventDto): Promise<EventResponse> {
    this.access.assertProgramme(user, 'manage_events');
    const cities = await this.repo.cities();
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    checkPeriod(startsAt, endsAt);
    const host = dto.hostCityId ? findCity(cities, dto.hostCityId, 'hostCityId') : null;
    for (const id of dto.cityIds ?? []) findCity(cities, id, 'cityIds');
    const programmeId = await this.programmeFor(dto, host, cities);
    const cityIds = this.participatingCities(cities, programmeId, dto.cityIds ?? [], host);
    const participantIds = await this.checkParticipants(dto.participantIds ?? []);
    const language = dto.language ?? host?.languages.find(isLanguage) ?? 'en';

    const id = await this.repo.transaction(async (tx) => {
      const newId = await this.repo.insert(
        {
          programmeId,
          kind: dto.kind,
          title: dto.title,
          description: dto.description ?? '',
          hostCityId: host?.id ?? null,
          startsAt,
          endsAt,
          location: dto.location || null,
          onlineUrl: dto.onlineUrl ?? null,
          agenda: dto.agenda ?? [],
          createdBy: user.id,
        },
        tx,
      );
      await this.repo.setCities(newId, cityIds, tx);
      await this.repo.setParticipants(newId, participantIds, tx);
      return newId;
    });
    // The minutes are written with the event: an event that could not get them is removed again.
    try {
      const minutes = await this.documents.create(user, {
        cityId: host?.id ?? null,
        kind: 'minutes',
        title: dto.title,
        language,
        programmeId: host ? undefined : programmeId,
      });
      await this.repo.update(id, { minutesDocumentId: minutes.id });
    } catch (error) {
      await this.repo.delete(id);
      throw error;
    }
    const event = (await this.repo.findById(id))!;
    this.emit(EVENT_CREATED, user, event);
    return mapEvent(event, true);
  }

  async update(user: AuthUser, id: string, dto: UpdateEventDto): Promise<EventResponse> {
    const event = await this.getFor(user, id);
    this.access.assertProgramme(user, 'manage_events');
    const cities = await this.repo.cities();
    const fields: EventFields = {};
    const changes: string[] = [];
    for (const key of SCALAR_FIELDS) {
      let value = dto[key];
      if (value === undefined) continue;
      if (key === 'description' && value === null) value = '';
      if (key === 'location' && value === '') value = null;
      if (value === event[key]) continue;
      (fields as Record<string, unknown>)[key] = value;
      changes.push(key);
    }
    for (const key of ['startsAt', 'endsAt'] as const) {
      const value = dto[key] === undefined ? undefined : new Date(dto[key]);
      if (value && value.getTime() !== event[key].getTime()) {
        fields[key] = value;
        changes.push(key);
      }
    }
    checkPeriod(fields.startsAt ?? event.startsAt, fields.endsAt ?? event.endsAt);
    if (dto.agenda !== undefined && JSON.stringify(dto.agenda ?? []) !== JSON.stringify(event.agenda)) {
      fields.agenda = (dto.agenda ?? []).map((item) =>
        item.time ? { time: item.time, title: item.title } : { title: item.title },
      );
      changes.push('agenda');
    }
    const hostId = fields.hostCityId !== undefined ? fields.hostCityId : event.hostCityId;
    const host = hostId ? findCity(cities, hostId, 'hostCityId') : null;
    if (host && host.programmeId !== event.programmeId) {
      throw badRequest('hostCityId must be a city of the event’s programme', ['hostCityId']);
    }
    let cityIds: string[] | undefined;
    if (dto.cityIds !== undefined || changes.includes('hostCityId')) {
      cityIds = this.participatingCities(cities, event.programmeId, dto.cityIds ?? event.cityIds, host);
      if (!sameSet(cityIds, event.cityIds)) changes.push('cityIds');
    }
    let participantIds: string[] | undefined;
    if (dto.participantIds !== undefined) {
      participantIds = await this.checkParticipants(dto.participantIds ?? []);
      const before = event.participants.map((p) => p.id);
      if (!sameSet(participantIds, before)) changes.push('participantIds');
    }
    if (changes.length === 0) return mapEvent(event, true);

    await this.repo.transaction(async (tx) => {
      await this.repo.update(event.id, fields, tx);
      if (cityIds) await this.repo.setCities(event.id, cityIds, tx);
      if (participantIds) await this.repo.setParticipants(event.id, participantIds, tx);
    });
    const updated = (await this.repo.findById(event.id))!;
    this.emit(EVENT_UPDATED, user, updated, changes);
    return mapEvent(updated, true);
  }

  /** Removes the event; its minutes stay, as a document of the city or programme. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const event = await this.getFor(user, id);
    this.access.assertProgramme(user, 'manage_events');
    await this.repo.delete(event.id);
    this.emit(EVENT_DELETED, user, event);
  }

  async icalOne(user: AuthUser, id: string): Promise<string> {
    const event = await this.getFor(user, id);
    const cities = await this.repo.cities();
    return buildCalendar([toCalendarEntry(event, cities.find((c) => c.id === event.hostCityId) ?? null)]);
  }

  /** The caller's whole calendar (with the list's filters), as one iCalendar file. */
  async icalAll(user: AuthUser, query: ListEventsQuery): Promise<string> {
    const events = await this.find(user, query);
    const cities = await this.repo.cities();
    const programmes = [...new Set(events.map((e) => e.programmeId))];
    const name = programmes.length === 1 ? await this.repo.programmeAcronym(programmes[0]) : null;
    return buildCalendar(
      events.map((e) => toCalendarEntry(e, cities.find((c) => c.id === e.hostCityId) ?? null)),
      { name: name ?? 'Passerelle' },
    );
  }

  private async find(user: AuthUser, query: ListEventsQuery): Promise<EventRecord[]> {
    const programmeIds = await this.readableProgrammes(user);
    if (programmeIds.length === 0) return [];
    return this.repo.findMany({
      programmeIds,
      cityId: query.cityId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? endOf(query.to) : undefined,
      when: query.when,
      now: new Date(),
    });
  }

  /** Coordinators see every programme's calendar; members see the programmes of the cities they belong to. */
  private async readableProgrammes(user: AuthUser): Promise<string[]> {
    if (this.mayManage(user)) return this.repo.programmeIds();
    const cities = await this.repo.cities();
    return [
      ...new Set(cities.filter((c) => this.access.canOnCity(user, 'view_workspace', c.id)).map((c) => c.programmeId)),
    ];
  }

  private mayManage(user: AuthUser): boolean {
    return canOnProgramme(user, 'manage_events');
  }

  private async programmeFor(dto: CreateEventDto, host: CityInfo | null, cities: CityInfo[]): Promise<string> {
    if (host) {
      if (dto.programmeId && dto.programmeId !== host.programmeId) {
        throw badRequest('programmeId must be the programme of the host city', ['programmeId']);
      }
      return host.programmeId;
    }
    const programmes = await this.repo.programmeIds();
    if (dto.programmeId) {
      if (!programmes.includes(dto.programmeId)) throw badRequest('programmeId must be a programme', ['programmeId']);
      return dto.programmeId;
    }
    const fromCities = new Set(
      (dto.cityIds ?? []).map((id) => cities.find((c) => c.id === id)?.programmeId).filter(Boolean),
    );
    if (fromCities.size === 1) return [...fromCities][0]!;
    if (programmes.length === 1) return programmes[0];
    if (programmes.length === 0) throw conflict('There is no programme to hold the event');
    throw badRequest('programmeId is required when no city names the programme', ['programmeId']);
  }

  private participatingCities(cities: CityInfo[], programmeId: string, ids: string[], host: CityInfo | null): string[] {
    for (const id of ids) {
      const city = findCity(cities, id, 'cityIds');
      if (city.programmeId !== programmeId) {
        throw badRequest('cityIds must be cities of the event’s programme', ['cityIds']);
      }
    }
    return [...new Set([...(host ? [host.id] : []), ...ids])];
  }

  private async checkParticipants(ids: string[]): Promise<string[]> {
    const found = new Set(await this.repo.existingUsers(ids));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0)
      throw badRequest(`participantIds has unknown people: ${missing.join(', ')}`, ['participantIds']);
    return ids;
  }

  private emit(name: string, user: AuthUser | null, event: EventRecord, changes?: string[]): void {
    const payload: EventChangedEvent = {
      eventId: event.id,
      programmeId: event.programmeId,
      hostCityId: event.hostCityId,
      userId: user?.id ?? null,
      title: event.title,
      ...(changes ? { changes } : {}),
    };
    this.events.emit(name, payload);
  }
}

/** A date alone (`2025-04-30`) as an upper bound means the whole of that day (UTC). */
const endOf = (value: string): Date =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);

function checkPeriod(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() < startsAt.getTime()) throw badRequest('endsAt must not be before startsAt', ['endsAt']);
}

function findCity(cities: CityInfo[], id: string, field: string): CityInfo {
  const city = cities.find((c) => c.id === id);
  if (!city) throw badRequest(`${field} must name existing cities`, [field]);
  return city;
}

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
