import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { Version } from './types';
import { versionTitle } from './versionTitle';

/** The versions, newest first: title, why it was saved, who and when; select two to compare. */
export function VersionList({
  versions,
  selected,
  canRestore,
  onToggle,
  onView,
  onRestore,
}: {
  versions: Version[];
  selected: string[];
  canRestore: boolean;
  onToggle(id: string): void;
  onView(version: Version): void;
  onRestore(version: Version): void;
}) {
  const { t } = useTranslation('history');
  const format = useFormat();
  return (
    <ol className="version-list">
      {versions.map((version) => {
        const title = versionTitle(version, t);
        return (
          <li key={version.id} className={selected.includes(version.id) ? 'version selected' : 'version'}>
            <label className="version-select">
              <input type="checkbox" checked={selected.includes(version.id)} onChange={() => onToggle(version.id)} />
              <span className="visually-hidden">{t('compare.select', { title })}</span>
            </label>
            <div className="version-main">
              <p className="version-title" dir="auto">
                {title}
              </p>
              <p className="version-meta muted">
                <span className={`badge badge-reason-${version.reason}`}>{t(`reasons.${version.reason}`)}</span>{' '}
                {version.createdBy ? t('by', { name: version.createdBy.name }) : t('bySystem')}{' '}
                <time dateTime={version.createdAt}>{format.dateTime(version.createdAt)}</time>
              </p>
            </div>
            <div className="version-actions">
              <button
                type="button"
                className="button button-small"
                aria-label={t('view.actionLabel', { title })}
                onClick={() => onView(version)}
              >
                {t('view.action')}
              </button>
              {canRestore && (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('restore.actionLabel', { title })}
                  onClick={() => onRestore(version)}
                >
                  {t('restore.action')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
