import { Injectable } from '@nestjs/common';
import { PrincipalService } from '../../../core/auth/principal.service';
import { EventsRepository } from '../events.repository';
import { EventsService } from '../events.service';
import { DEMO_EVENTS } from './demo-events';

/** The token under which the seed feature finds this seeder. */
export const EVENTS_SEEDER = 'EventsSeeder';

/**
 * Adds the demo events that are missing (matched on programme and title), created by the
 * coordinator through the same service, so each gets its minutes document.
 */
@Injectable()
export class EventsSeeder {
  constructor(
    private readonly events: EventsService,
    private readonly repo: EventsRepository,
    private readonly principals: PrincipalService,
  ) {}

  async seedDemoEvents(
    programmeId: string,
    cities: Array<{ id: string; slug: string }>,
    coordinatorUserId: string,
  ): Promise<void> {
    const coordinator = await this.principals.load(coordinatorUserId);
    if (!coordinator) return;
    const today = new Date();
    today.setUTCHours(0, 0, 0, 0);
    const idOf = (slug: string) => cities.find((c) => c.slug === slug)?.id;
    for (const demo of DEMO_EVENTS) {
      if (await this.repo.findByTitle(programmeId, demo.title)) continue;
      const host = demo.host ? idOf(demo.host) : undefined;
      if (demo.host && !host) continue;
      const start = new Date(today.getTime() + demo.startDay * 86_400_000 + demo.startHour * 3_600_000);
      const end = new Date(start.getTime() + demo.hours * 3_600_000);
      const cityIds = (demo.cities === 'all' ? cities.map((c) => c.id) : demo.cities.map(idOf)).filter(
        (id): id is string => !!id,
      );
      await this.events.create(coordinator, {
        programmeId,
        kind: demo.kind,
        title: demo.title,
        description: demo.description,
        hostCityId: host ?? null,
        cityIds,
        participantIds: [coordinator.id],
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        location: demo.location,
        onlineUrl: demo.onlineUrl,
        agenda: demo.agenda,
      });
    }
  }
}
