import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { SearchQuery, SearchResponse } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @ApiOperation({
    summary: 'Documents, comments and pilot projects that match, best first, among what the caller may read',
    description:
      'Full-text search in English, French and Arabic (each document in its own language; accents optional). ' +
      'Documents are searched in their current text, a second or two after an edit. Snippets are HTML-escaped with <mark> around matches.',
  })
  @ApiOkResponse({ type: SearchResponse })
  @ApiBadRequestResponse({
    description: 'q is empty or longer than 200 characters, or a filter is not valid (the field is named)',
  })
  search(@CurrentUser() user: AuthUser, @Query() query: SearchQuery): Promise<SearchResponse> {
    return this.searchService.search(user, query);
  }
}
