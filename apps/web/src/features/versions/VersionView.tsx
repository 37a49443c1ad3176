import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { ProseMirrorView } from './ProseMirrorView';
import type { Version } from './types';
import { useVersionContent } from './useVersions';
import { versionTitle } from './versionTitle';

/** One version's text, read-only. */
export function VersionView({
  documentId,
  version,
  lang,
  dir,
  onClose,
}: {
  documentId: string;
  version: Version;
  lang: string;
  dir: 'ltr' | 'rtl';
  onClose(): void;
}) {
  const { t } = useTranslation('history');
  const content = useVersionContent(documentId, version.id);
  return (
    <section className="version-pane" aria-labelledby={`version-${version.id}`}>
      <div className="version-pane-head">
        <h3 id={`version-${version.id}`}>{t('view.title', { title: versionTitle(version, t) })}</h3>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {content.isPending ? (
        <LoadingState />
      ) : content.isError ? (
        <ErrorState error={content.error} onRetry={() => void content.refetch()} />
      ) : (
        <ProseMirrorView doc={content.data} lang={lang} dir={dir} />
      )}
    </section>
  );
}
