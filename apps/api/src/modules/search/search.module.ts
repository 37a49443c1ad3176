import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/**
 * Search. The searchable text is kept current by the database itself (generated search vectors
 * over `documents.plain_text`, which the collaboration store writes after edits), so this module
 * needs no listener: a change is findable as soon as its text is stored.
 */
@Module({
  controllers: [SearchController],
  providers: [SearchRepository, SearchService],
})
export class SearchModule {}
