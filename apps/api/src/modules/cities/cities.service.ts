import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { isUUID } from 'class-validator';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { notFound } from '../../core/errors/domain.exception';
import { CitiesRepository } from './cities.repository';
import { CityEntity } from './city.entity';
import { CityResponse, mapCity, UpdateCityDto } from './dto/city.dto';
import { CITY_UPDATED, CityUpdatedEvent } from './membership-events';

/** The partner cities. Every signed-in person may see the list: cities learn from each other. */
@Injectable()
export class CitiesService {
  constructor(
    private readonly repo: CitiesRepository,
    private readonly access: AccessService,
    private readonly events: EventEmitter2,
  ) {}

  /** A city by id or slug; 404 when there is none. */
  async resolve(idOrSlug: string): Promise<CityEntity> {
    const city = isUUID(idOrSlug) ? await this.repo.findById(idOrSlug) : await this.repo.findBySlug(idOrSlug);
    if (!city) throw notFound('City');
    return city;
  }

  async list(user: AuthUser): Promise<CityResponse[]> {
    return (await this.repo.listAll()).map((city) => mapCity(city, roleIn(user, city.id)));
  }

  async get(user: AuthUser, idOrSlug: string): Promise<CityResponse> {
    const city = await this.resolve(idOrSlug);
    return mapCity(city, roleIn(user, city.id));
  }

  /** Moving a city between phases and describing it is the coordinators' work. */
  async update(user: AuthUser, idOrSlug: string, dto: UpdateCityDto): Promise<CityResponse> {
    const city = await this.resolve(idOrSlug);
    this.access.assertCity(user, 'manage_members', city.id);
    const changes = { phase: dto.phase, description: dto.description, languages: dto.languages };
    const updated = await this.repo.update(city.id, changes);
    const changed = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(changed).length > 0) {
      this.events.emit(CITY_UPDATED, {
        actorId: user.id,
        cityId: city.id,
        changes: changed,
      } satisfies CityUpdatedEvent);
    }
    return mapCity(updated, roleIn(user, city.id));
  }
}

function roleIn(user: AuthUser, cityId: string) {
  return user.memberships.find((m) => m.cityId === cityId)?.role ?? null;
}
