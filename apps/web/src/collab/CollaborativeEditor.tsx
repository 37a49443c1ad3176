import { isRtl } from '@passerelle/domain';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadingState } from '../app/StatusViews';
import { useAuth } from '../features/auth/useAuth';
import type { DocumentDetail } from '../features/documents/types';
import './editor.css';
import './presence.css';
import { PresenceList } from './PresenceList';
import { StatusIndicator } from './StatusIndicator';
import { accessFromPermissions, useCollabSession } from './useCollabSession';
import { userColor } from './userColor';
import type { CollabUser } from './CollabSession';

// TipTap and ProseMirror are their own chunk, fetched at once alongside this one (Yjs and the socket),
// not after it: two parallel downloads instead of one long one.
const surface = import('./EditorSurface');
const EditorSurface = lazy(() => surface.then((module) => ({ default: module.EditorSurface })));

/** Adopted and archived documents are frozen: nobody edits them, whatever their role. */
const FROZEN = new Set(['adopted', 'archived']);

/**
 * The live editor of a document (loaded on demand: TipTap, Yjs and the socket are their own chunk).
 * Everyone with the document open sees the same text, the others' carets and who is here; the status
 * says whether one's changes are saved; read-only people get the text without the toolbar.
 */
export function CollaborativeEditor({ document }: { document: DocumentDetail }) {
  const { user } = useAuth();
  if (!user) return null;
  return <LiveDocument document={document} user={{ id: user.id, name: user.name, color: userColor(user.id) }} />;
}

function LiveDocument({ document, user }: { document: DocumentDetail; user: CollabUser }) {
  const { t } = useTranslation('editor');
  const initialAccess = useMemo(() => accessFromPermissions(document.permissions ?? []), [document.permissions]);
  const { session, snapshot } = useCollabSession(document.id, user, initialAccess);
  const readOnly = snapshot.access !== 'edit';
  const dir = isRtl(document.language) ? 'rtl' : 'ltr';
  const live = snapshot.ready ? session.current() : null;

  if (snapshot.failure) {
    return (
      <div className="state state-error" role="alert">
        <p className="state-title">{t(`failure.${snapshot.failure}`)}</p>
      </div>
    );
  }

  return (
    <section className="collab" aria-label={t('label')}>
      <div className="collab-bar">
        <StatusIndicator
          connection={snapshot.connection}
          synced={snapshot.synced}
          pending={snapshot.pending}
          readOnly={readOnly}
        />
        {readOnly && (
          <p className="collab-readonly">
            <span className="badge badge-readonly">{t('access.readOnly')}</span>
            <span className="muted">
              {FROZEN.has(document.status) ? t('access.frozen') : t(`access.${snapshot.access ?? 'view'}Hint`)}
            </span>
          </p>
        )}
        <PresenceList peers={snapshot.peers} />
      </div>
      {live ? (
        <Suspense fallback={<LoadingState label={t('loading')} />}>
          <EditorSurface
            key={snapshot.key}
            doc={live.doc}
            provider={live.provider}
            user={user}
            editable={!readOnly}
            lang={document.language}
            dir={dir}
            label={t('textLabel', { title: document.title })}
          />
        </Suspense>
      ) : snapshot.connection === 'offline' ? (
        <EmptyState title={t('unavailableOffline.title')}>{t('unavailableOffline.body')}</EmptyState>
      ) : (
        <LoadingState label={t('loading')} />
      )}
    </section>
  );
}
