import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import {
  PilotProjectEntity,
  PilotProjectMilestoneEntity,
  PilotProjectPartnerEntity,
  PilotProjectProgressEntity,
} from './pilot-project.entity';
import { PilotProjectWorkRepository } from './pilot-project-work.repository';
import { PilotProjectWorkService } from './pilot-project-work.service';
import { PilotProjectsController } from './pilot-projects.controller';
import { PilotProjectsRepository } from './pilot-projects.repository';
import { PilotProjectsService } from './pilot-projects.service';
import { PILOT_PROJECTS_SEEDER, PilotProjectsSeeder } from './seed/pilot-projects.seeder';

/**
 * Pilot projects of the Action phase, with milestones and progress updates. Exports the service
 * (access-checked reads for search, dashboard and report) and the demo seeder under its token.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PilotProjectEntity,
      PilotProjectPartnerEntity,
      PilotProjectMilestoneEntity,
      PilotProjectProgressEntity,
    ]),
    DocumentsModule,
  ],
  controllers: [PilotProjectsController],
  providers: [
    PilotProjectsRepository,
    PilotProjectWorkRepository,
    PilotProjectsService,
    PilotProjectWorkService,
    PilotProjectsSeeder,
    { provide: PILOT_PROJECTS_SEEDER, useExisting: PilotProjectsSeeder },
  ],
  exports: [PilotProjectsService, PILOT_PROJECTS_SEEDER],
})
export class PilotProjectsModule {}
