import { Injectable } from '@nestjs/common';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import {
  SEARCH_DEFAULT_LIMIT,
  SEARCH_TYPES,
  type SearchQuery,
  type SearchResponse,
  type SearchResult,
} from './dto/search.dto';
import { SearchRepository, type SearchRow } from './search.repository';
import { toSnippet } from './snippet';

export const toSearchResult = (row: SearchRow): SearchResult => ({
  type: row.type,
  id: row.id,
  title: row.title,
  snippet: toSnippet(row.marked, row.original),
  ...(row.documentId ? { documentId: row.documentId } : {}),
  ...(row.threadId ? { threadId: row.threadId } : {}),
  cityId: row.cityId,
  city: row.citySlug !== null && row.cityName !== null ? { slug: row.citySlug, name: row.cityName } : null,
  language: row.language,
  rank: Number(row.rank),
});

/**
 * One search over documents (their current text), comments and pilot projects, in the three
 * working languages. What the caller may not read is filtered out in SQL before ranking, so it
 * neither shows up nor counts in `total`.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly access: AccessService,
  ) {}

  async search(user: AuthUser, query: SearchQuery): Promise<SearchResponse> {
    const types = query.types ?? SEARCH_TYPES;
    const pilotProjectCityIds = types.includes('pilot_project')
      ? (await this.repo.allCityIds()).filter((id) => this.access.canOnCity(user, 'read_pilot_projects', id))
      : [];
    const rows = await this.repo.search(
      { readableDocuments: (first) => this.access.readableDocumentsSql(user, 'd', first), pilotProjectCityIds },
      { q: query.q, types, cityId: query.cityId, limit: query.limit ?? SEARCH_DEFAULT_LIMIT },
    );
    return { results: rows.map(toSearchResult), total: rows[0]?.total ?? 0 };
  }
}
