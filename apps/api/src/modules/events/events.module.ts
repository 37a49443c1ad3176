import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { EventCityEntity, EventEntity, EventParticipantEntity } from './event.entity';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { EVENTS_SEEDER, EventsSeeder } from './seed/events.seeder';

/**
 * The programme calendar of the Dialogue phase: events with their cities, people, agenda and
 * minutes, and their iCalendar export. Exports the service (for the dashboard) and the demo
 * seeder under its token.
 */
@Module({
  imports: [TypeOrmModule.forFeature([EventEntity, EventCityEntity, EventParticipantEntity]), DocumentsModule],
  controllers: [EventsController],
  providers: [EventsRepository, EventsService, EventsSeeder, { provide: EVENTS_SEEDER, useExisting: EventsSeeder }],
  exports: [EventsService, EVENTS_SEEDER],
})
export class EventsModule {}
