import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isRtl } from '@passerelle/domain';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useFormat } from '../../lib/format';
import { resultLink, SEARCH_TYPES, searchApi, searchKeys, type SearchResult, type SearchType } from './searchApi';
import { Snippet } from './Snippet';
import './search.css';

const isType = (value: string | null): value is SearchType => SEARCH_TYPES.includes(value as SearchType);

/** /search?q=…[&type=…]: the best matches first, all kinds mixed, with a filter by kind. */
export function SearchPage() {
  const { t } = useTranslation('search');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const typeParam = params.get('type');
  const type = isType(typeParam) ? typeParam : null;
  const search = useQuery({
    queryKey: searchKeys.query(q),
    queryFn: ({ signal }) => searchApi.search(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    // Documents are indexed a second or two after an edit: a search is worth repeating, not caching.
    staleTime: 0,
  });
  useDocumentTitle(q ? t('titleFor', { q }) : t('title'));

  const results = search.data?.results ?? [];
  const shown = type ? results.filter((r) => r.type === type) : results;
  const count = (kind: SearchType | null) => (kind ? results.filter((r) => r.type === kind).length : results.length);
  const choose = (kind: SearchType | null) => setParams(kind ? { q, type: kind } : { q });

  return (
    <div className="page search-page">
      <header className="page-header">
        <h1>{q ? t('titleFor', { q }) : t('title')}</h1>
        {search.data && (
          <p className="muted" role="status">
            {search.data.total > results.length
              ? t('countOf', { shown: format.number(results.length), total: format.number(search.data.total) })
              : t('count', { count: search.data.total })}
          </p>
        )}
      </header>
      {!q ? (
        <EmptyState title={t('promptTitle')}>{t('promptBody')}</EmptyState>
      ) : search.isPending ? (
        <LoadingState label={t('searching')} />
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : results.length === 0 ? (
        <EmptyState title={t('noneTitle', { q })}>{t('noneBody')}</EmptyState>
      ) : (
        <>
          <div className="search-filters" role="group" aria-label={t('filterLabel')}>
            {[null, ...SEARCH_TYPES].map((kind) => (
              <button
                key={kind ?? 'all'}
                type="button"
                className={kind === type ? 'filter-chip active' : 'filter-chip'}
                aria-pressed={kind === type}
                onClick={() => choose(kind)}
                disabled={kind !== null && count(kind) === 0}
              >
                {t(kind ? `types.${kind}` : 'types.all')}
                <span className="filter-count">{format.number(count(kind))}</span>
              </button>
            ))}
          </div>
          <ol className="search-results">
            {shown.map((result) => (
              <ResultItem key={`${result.type}-${result.id}`} result={result} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function ResultItem({ result }: { result: SearchResult }) {
  const { t } = useTranslation('search');
  return (
    <li className={`search-result search-result-${result.type}`}>
      <p className="search-result-meta">
        <span className="badge">{t(`type.${result.type}`)}</span>
        {result.city && <span className="muted">{result.city.name}</span>}
      </p>
      <h2 className="search-result-title">
        <Link to={resultLink(result)} lang={result.language} dir={isRtl(result.language) ? 'rtl' : 'ltr'}>
          {result.type === 'comment' ? t('commentIn', { title: result.title }) : result.title}
        </Link>
      </h2>
      <Snippet snippet={result.snippet} lang={result.language} />
    </li>
  );
}
