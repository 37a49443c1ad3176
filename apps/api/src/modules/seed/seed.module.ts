import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { EventsModule } from '../events/events.module';
import { GoodPracticesModule } from '../good-practices/good-practices.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { PilotProjectsModule } from '../pilot-projects/pilot-projects.module';
import { SeedRepository } from './seed.repository';
import { SeedService } from './seed.service';

/** Each feature module provides the seeder of its own demo rows; the seed runs them in order. */
@Module({
  imports: [DocumentsModule, IndicatorsModule, EventsModule, PilotProjectsModule, GoodPracticesModule],
  providers: [SeedRepository, SeedService],
  exports: [SeedService],
})
export class SeedModule {}
