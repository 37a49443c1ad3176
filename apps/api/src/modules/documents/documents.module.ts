import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../../collab/collab.module';
import { DocumentRenderer } from './content/document-renderer';
import { DocumentListCache } from './document-list.cache';
import { DocumentEntity } from './document.entity';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { DocumentsSeeder } from './seed/documents.seeder';

/**
 * Documents: rows, creation from templates, rendering. Exports the service (access-checked
 * lookups and rendering, for versions, comments and reviews) and the demo seeder under the token
 * the seed feature asks for.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity]), CollabModule],
  controllers: [DocumentsController],
  providers: [
    DocumentsRepository,
    DocumentsService,
    DocumentListCache,
    DocumentRenderer,
    DocumentsSeeder,
    { provide: 'DocumentsSeeder', useExisting: DocumentsSeeder },
  ],
  exports: [DocumentsService, DocumentRenderer, 'DocumentsSeeder'],
})
export class DocumentsModule {}
