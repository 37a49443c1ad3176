import { useQuery } from '@tanstack/react-query';
import { documentKeys, documentsApi } from './documentsApi';
import type { DocumentFilter } from './types';

export function useDocuments(filter: DocumentFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: documentKeys.list(filter),
    queryFn: ({ signal }) => documentsApi.list(filter, signal),
    enabled: options.enabled ?? true,
  });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: documentKeys.one(id), queryFn: ({ signal }) => documentsApi.get(id, signal) });
}
