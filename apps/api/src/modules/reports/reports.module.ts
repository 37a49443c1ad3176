import { Module } from '@nestjs/common';
import { CollabModule } from '../../collab/collab.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** The programme report (HTML and DOCX), compiled from the documents' live content and the pilot projects. */
@Module({
  imports: [CollabModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
})
export class ReportsModule {}
