import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { ActivityEntity } from './activity.entity';
import { ActivityController } from './activity.controller';
import { ActivityListener } from './activity.listener';
import { ActivityRepository } from './activity.repository';
import { ActivityService } from './activity.service';

/** The activity feeds, written only by listening to the other features' domain events. */
@Module({
  imports: [TypeOrmModule.forFeature([ActivityEntity]), DocumentsModule],
  controllers: [ActivityController],
  providers: [ActivityRepository, ActivityService, ActivityListener],
})
export class ActivityModule {}
