import { LiveEvent, type ThreadChangedPayload } from '@passerelle/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { commentKeys } from './commentsApi';
import { acquireLiveSocket } from './liveSocket';

/**
 * Keeps the document's threads fresh while it is open: subscribes to the document on the live socket
 * (again after every reconnection, then refetching what was missed meanwhile) and refetches the
 * threads whenever the server says one changed.
 */
export function useThreadEvents(documentId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const { socket, release } = acquireLiveSocket();
    const key = commentKeys.threads(documentId);
    const refetch = () => void queryClient.invalidateQueries({ queryKey: key });
    const subscribe = () => {
      const sentAt = Date.now();
      socket.emit(LiveEvent.subscribe, { documentId }, (ack?: { ok: boolean }) => {
        // A change made before the room was joined was not pushed: fetch again what is older than that.
        const state = queryClient.getQueryState(key);
        if (ack?.ok && state && state.status !== 'pending' && state.dataUpdatedAt < sentAt) refetch();
      });
    };
    const onChanged = (payload: ThreadChangedPayload) => {
      if (payload?.documentId === documentId) refetch();
    };
    socket.on('connect', subscribe);
    socket.on(LiveEvent.threadChanged, onChanged);
    if (socket.connected) subscribe();
    return () => {
      socket.off('connect', subscribe);
      socket.off(LiveEvent.threadChanged, onChanged);
      if (socket.connected) socket.emit(LiveEvent.unsubscribe, { documentId }, () => undefined);
      release();
    };
  }, [documentId, queryClient]);
}
