import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isRtl } from '@passerelle/domain';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import { DocumentComments } from '../comments/DocumentComments';
import { ReviewPanel } from '../reviews/ReviewPanel';
import { HistoryPanel } from '../versions/HistoryPanel';
import { DocumentStatusBadge } from './DocumentStatusBadge';
import { useDocument } from './useDocuments';

// The editor (TipTap, Yjs, the socket) is the heaviest part of the client: it loads only here.
const CollaborativeEditor = lazy(() =>
  import('../../collab/CollaborativeEditor').then((module) => ({ default: module.CollaborativeEditor })),
);

/** A document's page: what it is (kind, title, status, language), then the live editor. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('documents');
  const format = useFormat();
  const doc = useDocument(id);
  const cities = useCities();
  useDocumentTitle(doc.data?.title);

  if (doc.isPending) return <LoadingState />;
  if (doc.isError) {
    if (isApiError(doc.error) && doc.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} />;
  }
  const current = doc.data;
  const city = cities.data?.find((c) => c.id === current.cityId);
  const dir = isRtl(current.language) ? 'rtl' : 'ltr';

  return (
    <article className="page document-page">
      <nav className="breadcrumbs" aria-label={t('common:nav.breadcrumbs')}>
        <Link to="/">{t('common:nav.programme')}</Link>
        {city && (
          <>
            <span aria-hidden="true">/</span>
            <Link to={`/cities/${city.slug}/${current.phase}`}>{cityName(city, i18n.resolvedLanguage ?? 'en')}</Link>
          </>
        )}
      </nav>
      <header className="page-header">
        <p className="eyebrow">{t(`kinds.${current.kind}`)}</p>
        <h1 lang={current.language} dir={dir}>
          {current.title}
        </h1>
        <dl className="meta-list">
          <div>
            <dt>{t('columns.status')}</dt>
            <dd>
              <DocumentStatusBadge status={current.status} published={current.published} />
            </dd>
          </div>
          <div>
            <dt>{t('columns.language')}</dt>
            <dd>{format.language(current.language)}</dd>
          </div>
          <div>
            <dt>{t('columns.updated')}</dt>
            <dd>
              <time dateTime={current.updatedAt}>{format.dateTime(current.updatedAt)}</time>
            </dd>
          </div>
        </dl>
      </header>
      <ReviewPanel key={`review-${current.id}`} document={current} />
      <DocumentComments key={`comments-${current.id}`} document={current}>
        <Suspense
          fallback={
            <section className="card editor-frame" aria-busy="true">
              <LoadingState label={t('editorLoading')} />
            </section>
          }
        >
          <CollaborativeEditor key={current.id} document={current} />
        </Suspense>
      </DocumentComments>
      <HistoryPanel key={`history-${current.id}`} document={current} />
    </article>
  );
}
