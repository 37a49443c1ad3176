import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import type { PMNode, Version } from './types';

export const versionsApi = {
  list: (id: string, signal?: AbortSignal) => api.call<Version[]>(endpoint('versions.list', { id }), { signal }),
  create: (id: string, label: string) => api.call<Version>(endpoint('versions.create', { id }), { body: { label } }),
  /**
   * A version's content as ProseMirror JSON: the viewer renders it as elements (no HTML from the
   * server goes into the page) and the comparison reads its text from it.
   */
  content: (id: string, versionId: string, signal?: AbortSignal) =>
    api.call<PMNode>(endpoint('versions.content', { id, versionId }), { query: { format: 'json' }, signal }),
  restore: (id: string, versionId: string) =>
    api.call<{ restored: Version; backup: Version }>(endpoint('versions.restore', { id, versionId })),
};

export const versionKeys = {
  list: (id: string) => ['documents', id, 'versions'] as const,
  content: (id: string, versionId: string) => ['documents', id, 'versions', versionId, 'content'] as const,
};
