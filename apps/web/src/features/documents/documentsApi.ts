import { api, isApiError } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { DocumentDetail, DocumentFilter, DocumentSummary } from './types';

export const documentsApi = {
  /**
   * The documents the caller can read. A 404 or 501 means the listing is not served (yet) by this
   * API: for the reader that is the same as "no documents", not an error to retry.
   */
  list: async (filter: DocumentFilter, signal?: AbortSignal): Promise<DocumentSummary[]> => {
    try {
      return await api.call<DocumentSummary[]>(endpoint('documents.list'), { query: { ...filter }, signal });
    } catch (error) {
      if (isApiError(error) && (error.status === 404 || error.status === 501)) return [];
      throw error;
    }
  },
  get: (id: string, signal?: AbortSignal) => api.call<DocumentDetail>(endpoint('documents.get', { id }), { signal }),
};

export const documentKeys = {
  list: (filter: DocumentFilter) => ['documents', 'list', filter] as const,
  one: (id: string) => ['documents', id] as const,
};
