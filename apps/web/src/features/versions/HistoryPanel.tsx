import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRtl } from '@passerelle/domain';
import { useErrorMessage } from '../../app/useErrorMessage';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { isApiError } from '../../lib/api';
import type { DocumentDetail } from '../documents/types';
import { ConfirmDialog } from '../reviews/ConfirmDialog';
import { SaveVersionForm } from './SaveVersionForm';
import type { Version } from './types';
import { useRestoreVersion, useVersions } from './useVersions';
import { VersionCompare } from './VersionCompare';
import { VersionList } from './VersionList';
import { VersionView } from './VersionView';
import { versionTitle } from './versionTitle';
import './versions.css';

type Pane = { mode: 'view'; id: string } | { mode: 'compare'; ids: [string, string] } | null;

/**
 * The document's history: its versions (saved by hand, on submission, on adoption, before a
 * restore) with who and when; view one, compare two word by word, save the current text as a
 * version, restore an older one (the current text is kept as a version first).
 */
export function HistoryPanel({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation('history');
  const errorMessage = useErrorMessage();
  const versions = useVersions(document.id);
  const restore = useRestoreVersion(document.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [pane, setPane] = useState<Pane>(null);
  const [restoring, setRestoring] = useState<Version | null>(null);
  const [restored, setRestored] = useState<Version | null>(null);
  const dir = isRtl(document.language) ? 'rtl' : 'ltr';
  const canSave = document.permissions.includes('create_version');
  // Restoring changes the text: it takes the right to edit it now (adopted and archived texts are frozen).
  const canRestore = document.permissions.includes('edit');

  const list = versions.data ?? [];
  const byId = (id: string) => list.find((version) => version.id === id);
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2)));
  const compare = () => {
    // Oldest first, whatever the order of the clicks.
    const [a, b] = selected.map((id) => byId(id)!).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    if (a && b) setPane({ mode: 'compare', ids: [a.id, b.id] });
  };

  const restoreFailure = restore.error
    ? isApiError(restore.error) && restore.error.status === 409
      ? t('restore.frozen')
      : errorMessage(restore.error)
    : null;

  const viewed = pane?.mode === 'view' ? byId(pane.id) : undefined;
  const compared = pane?.mode === 'compare' ? pane.ids.map(byId) : [];

  return (
    <section className="card history-panel" aria-labelledby="history-panel-title">
      <h2 id="history-panel-title" className="history-panel-title">
        {t('title')}
      </h2>
      {canSave && <SaveVersionForm documentId={document.id} />}
      {versions.isPending ? (
        <LoadingState />
      ) : versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : list.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <>
          <VersionList
            versions={list}
            selected={selected}
            canRestore={canRestore}
            onToggle={toggle}
            onView={(version) => setPane({ mode: 'view', id: version.id })}
            onRestore={(version) => {
              restore.reset();
              setRestored(null);
              setRestoring(version);
            }}
          />
          <div className="form-actions history-compare">
            <button type="button" className="button" disabled={selected.length !== 2} onClick={compare}>
              {t('compare.action')}
            </button>
            <span className="hint">{t('compare.hint')}</span>
          </div>
        </>
      )}
      {restoreFailure && (
        <p className="alert alert-error" role="alert">
          {restoreFailure}
        </p>
      )}
      {restored && (
        <p className="form-status" role="status">
          {t('restore.done', { title: versionTitle(restored, t) })}
        </p>
      )}
      {viewed && (
        <VersionView
          documentId={document.id}
          version={viewed}
          lang={document.language}
          dir={dir}
          onClose={() => setPane(null)}
        />
      )}
      {compared[0] && compared[1] && (
        <VersionCompare
          documentId={document.id}
          older={compared[0]}
          newer={compared[1]}
          lang={document.language}
          dir={dir}
          onClose={() => setPane(null)}
        />
      )}
      {restoring && (
        <ConfirmDialog
          title={t('restore.confirmTitle', { title: versionTitle(restoring, t) })}
          body={t('restore.confirmBody')}
          confirmLabel={t('restore.action')}
          busy={restore.isPending}
          onCancel={() => setRestoring(null)}
          onConfirm={() =>
            restore.mutate(restoring.id, {
              onSuccess: () => setRestored(restoring),
              onSettled: () => setRestoring(null),
            })
          }
        />
      )}
    </section>
  );
}
