import type { Language } from '@passerelle/domain';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';

export const SEARCH_TYPES = ['document', 'comment', 'pilot_project'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** One match of GET /api/search: a document, a comment (in its document) or a pilot project. */
export interface SearchResult {
  type: SearchType;
  id: string;
  title: string;
  /** HTML-escaped text whose only markup is <mark>…</mark> around matched words. */
  snippet: string;
  documentId?: string;
  threadId?: string;
  cityId: string | null;
  city: { slug: string; name: string } | null;
  language: Language;
  rank: number;
}

export interface SearchResponse {
  results: SearchResult[];
  total: number;
}

/** The most results the API gives at once. */
export const SEARCH_LIMIT = 50;

export const searchApi = {
  search: (q: string, signal?: AbortSignal) =>
    api.call<SearchResponse>(endpoint('search.query'), { query: { q, limit: String(SEARCH_LIMIT) }, signal }),
};

export const searchKeys = { query: (q: string) => ['search', q] as const };

/** Where a result leads: the document, the comment's thread in its document, or the pilot project. */
export function resultLink(result: SearchResult): string {
  switch (result.type) {
    case 'pilot_project':
      return `/pilot-projects/${result.id}`;
    case 'comment':
      return `/documents/${result.documentId}${result.threadId ? `?thread=${encodeURIComponent(result.threadId)}` : ''}`;
    default:
      return `/documents/${result.documentId ?? result.id}`;
  }
}
