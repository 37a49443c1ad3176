import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function CrashView({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="page page-narrow state-page" role="alert">
      <h1>{t('crash.title')}</h1>
      <p className="muted">{t('crash.body')}</p>
      <button type="button" className="button button-primary" onClick={onReset}>
        {t('actions.retry')}
      </button>
    </section>
  );
}

interface Props {
  children: ReactNode;
}

/**
 * Keeps a failing page (or a chunk that did not load) from blanking the whole app. The layout keys it
 * by path, so navigating elsewhere starts afresh.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    // A reload, not a re-render: the usual cause is a page chunk that no longer exists after a deploy,
    // and React.lazy keeps the failed import.
    if (this.state.failed) return <CrashView onReset={() => window.location.reload()} />;
    return this.props.children;
  }
}
