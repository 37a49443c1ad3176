import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useFormat } from '../../lib/format';
import { compareDocuments, type BlockChange } from './compareDocuments';
import { textBlocks } from './textBlocks';
import type { Version } from './types';
import { useVersionContent } from './useVersions';
import { versionTitle } from './versionTitle';

/** Unchanged blocks kept around each change, so that it reads in context. */
const CONTEXT = 1;

type Row = { change: BlockChange; index: number } | { skipped: number; index: number };

/** Long runs of unchanged blocks fold into one line; the blocks next to a change stay. */
function foldUnchanged(changes: BlockChange[]): Row[] {
  const near = changes.map((_, i) =>
    changes.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((c) => c.type !== 'equal'),
  );
  const rows: Row[] = [];
  let skipped = 0;
  changes.forEach((change, index) => {
    if (change.type === 'equal' && !near[index]) {
      skipped++;
      return;
    }
    if (skipped > 0) rows.push({ skipped, index: index - 1 });
    skipped = 0;
    rows.push({ change, index });
  });
  if (skipped > 0) rows.push({ skipped, index: changes.length });
  return rows;
}

function ChangeRow({ change }: { change: BlockChange }) {
  const { t } = useTranslation('history');
  const kind = change.type === 'change' ? change.kind : change.block.kind;
  const className = `diff-block diff-${change.type} diff-kind-${kind}`;
  let body: ReactNode;
  if (change.type === 'change') {
    body = change.parts.map((part, i) =>
      part.type === 'insert' ? (
        <ins key={i}>{part.text}</ins>
      ) : part.type === 'delete' ? (
        <del key={i}>{part.text}</del>
      ) : (
        <span key={i}>{part.text}</span>
      ),
    );
  } else if (change.type === 'insert') {
    body = <ins>{change.block.text}</ins>;
  } else if (change.type === 'delete') {
    body = <del>{change.block.text}</del>;
  } else {
    body = change.block.text;
  }
  return (
    <li className={className}>
      {change.type !== 'equal' && <span className="visually-hidden">{t(`compare.aria.${change.type}`)} </span>}
      {body}
    </li>
  );
}

/** What changed from the older of two versions to the newer, word by word. */
export function VersionCompare({
  documentId,
  older,
  newer,
  lang,
  dir,
  onClose,
}: {
  documentId: string;
  older: Version;
  newer: Version;
  lang: string;
  dir: 'ltr' | 'rtl';
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('history');
  const format = useFormat();
  const before = useVersionContent(documentId, older.id);
  const after = useVersionContent(documentId, newer.id);
  const comparison = useMemo(
    () => (before.data && after.data ? compareDocuments(textBlocks(before.data), textBlocks(after.data)) : null),
    [before.data, after.data],
  );
  const failed = before.error ?? after.error;

  return (
    <section className="version-pane" aria-labelledby="version-compare-title">
      <div className="version-pane-head">
        <h3 id="version-compare-title">
          {t('compare.title', { older: versionTitle(older, t), newer: versionTitle(newer, t) })}
        </h3>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {failed ? (
        <ErrorState error={failed} onRetry={() => void Promise.all([before.refetch(), after.refetch()])} />
      ) : !comparison ? (
        <LoadingState />
      ) : comparison.inserted + comparison.deleted === 0 &&
        comparison.changes.every((change) => change.type === 'equal') ? (
        <p className="muted">{t('compare.same')}</p>
      ) : (
        <>
          <p className="diff-summary">
            <span className="diff-summary-insert">
              {t('compare.inserted', { count: comparison.inserted, n: format.number(comparison.inserted) })}
            </span>{' '}
            <span className="diff-summary-delete">
              {t('compare.deleted', { count: comparison.deleted, n: format.number(comparison.deleted) })}
            </span>
          </p>
          <ol className="diff" lang={lang} dir={dir}>
            {foldUnchanged(comparison.changes).map((row) =>
              'skipped' in row ? (
                <li key={`skip-${row.index}`} className="diff-skipped" lang={i18n.resolvedLanguage} dir={i18n.dir()}>
                  {t('compare.unchanged', { count: row.skipped, n: format.number(row.skipped) })}
                </li>
              ) : (
                <ChangeRow key={row.index} change={row.change} />
              ),
            )}
          </ol>
        </>
      )}
    </section>
  );
}
