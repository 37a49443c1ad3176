import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CollabAccess } from '@passerelle/collab';
import { CollabSession, type CollabUser } from './CollabSession';
import { collabToken } from './token';

/** The access the document's permissions give, until the socket says (e.g. offline after a reload). */
export function accessFromPermissions(permissions: readonly string[]): CollabAccess {
  if (permissions.includes('edit')) return 'edit';
  if (permissions.includes('comment')) return 'comment';
  return 'view';
}

/** A live session on a document for as long as the component is mounted, and its current state. */
export function useCollabSession(documentId: string, user: CollabUser, initialAccess: CollabAccess) {
  const [session] = useState(
    () =>
      new CollabSession({
        documentId,
        user,
        initialAccess,
        serverUrl: window.location.origin,
        getToken: (refused) => collabToken(refused),
      }),
  );
  useEffect(() => {
    session.start();
    return () => session.stop();
  }, [session]);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { session, snapshot };
}
