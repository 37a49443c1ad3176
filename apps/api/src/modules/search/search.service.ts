import { Injectable } from '@nestjs/common';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import {
  SEARCH_DEFAULT_LIMIT,
  SEARCH_TYPES,
  type SearchQuery,
  type SearchResponse,
  type SearchResult,
  type SearchType,
} from './dto/search.dto';
import { accessScopeKey } from '../../core/access/access-scope';
import { SearchCache } from './search.cache';
import { SearchRepository, type SearchPageRow } from './search.repository';
import { preparePassage, snippetOf } from './snippet';

export const toSearchResult = (row: SearchPageRow, snippet: string): SearchResult => ({
  type: row.type,
  id: row.id,
  title: row.title,
  snippet,
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
 *
 * Answers are cached for a moment (SearchCache) under the caller's access scope — role and
 * memberships, which are all the access policy reads — so people who may read the same things
 * share them, and nobody gets an answer computed for a different scope.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly access: AccessService,
    private readonly cache: SearchCache,
  ) {}

  search(user: AuthUser, query: SearchQuery): Promise<SearchResponse> {
    const types = SEARCH_TYPES.filter((type) => (query.types ?? SEARCH_TYPES).includes(type));
    const limit = query.limit ?? SEARCH_DEFAULT_LIMIT;
    const key = JSON.stringify([accessScopeKey(user), query.q, types, query.cityId ?? null, limit]);
    return this.cache.get(key, () => this.run(user, query.q, types, query.cityId, limit));
  }

  private async run(
    user: AuthUser,
    q: string,
    types: SearchType[],
    cityId: string | undefined,
    limit: number,
  ): Promise<SearchResponse> {
    const pilotProjectCityIds = types.includes('pilot_project')
      ? (await this.repo.allCityIds()).filter((id) => this.access.canOnCity(user, 'read_pilot_projects', id))
      : [];
    const rows = await this.repo.findPage(
      { readableDocuments: (first) => this.access.readableDocumentsSql(user, 'd', first), pilotProjectCityIds },
      { q, types, cityId, limit },
    );
    // Only the page is highlighted, on passages folded and escaped here (see SearchRepository).
    const passages = rows.map((row) => preparePassage(row.passage ?? ''));
    const marked = await this.repo.highlight(
      q,
      rows.map((row, i) => ({ type: row.type, language: row.language, folded: passages[i].folded })),
    );
    return {
      results: rows.map((row, i) => toSearchResult(row, snippetOf(marked[i], passages[i]))),
      total: rows[0]?.total ?? 0,
    };
  }
}
