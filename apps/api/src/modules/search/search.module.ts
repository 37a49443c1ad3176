import { Module } from '@nestjs/common';
import { SearchCache } from './search.cache';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/**
 * Search. The searchable text is kept current by the database itself (generated search vectors
 * over `documents.plain_text`, which the collaboration store writes after edits); the module only
 * listens to domain events to drop its short-lived cache of answers (SearchCache).
 */
@Module({
  controllers: [SearchController],
  providers: [SearchRepository, SearchService, SearchCache],
})
export class SearchModule {}
