import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { VERSION_WRITER } from '../documents/seed/documents.seeder';
import { DocumentVersionEntity } from './document-version.entity';
import { VersionsController } from './versions.controller';
import { VersionsRepository } from './versions.repository';
import { VersionsService } from './versions.service';

/** Named versions of documents. Exports `VersionsService.createVersion` for the review workflow. */
@Module({
  imports: [TypeOrmModule.forFeature([DocumentVersionEntity]), CollabModule, DocumentsModule],
  controllers: [VersionsController],
  providers: [VersionsRepository, VersionsService, { provide: VERSION_WRITER, useExisting: VersionsService }],
  exports: [VersionsService],
})
export class VersionsModule {}
