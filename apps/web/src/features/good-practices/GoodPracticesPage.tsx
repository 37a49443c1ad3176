import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isRtl, type Language } from '@passerelle/domain';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { api } from '../../lib/api';
import { endpoint } from '../../lib/endpoints';
import { cityName } from '../cities/cityName';
import { useCities } from '../cities/useCities';
import { themeName } from '../pilot-projects/names';
import { useThemes } from '../pilot-projects/usePilotProjects';
import './goodPractices.css';

/** A good practice as GET /api/good-practices answers it. */
export interface GoodPractice {
  id: string;
  title: string;
  language: Language;
  published: boolean;
  city: { id: string; slug: string; name: string } | null;
  excerpt: string;
  themes: Array<{ id: string; slug: string; names: Partial<Record<Language, string>> }>;
  adoptions: Array<{
    id: string;
    city: { id: string; slug: string; name: string };
    pilotProject: { id: string; title: string } | null;
    note: string;
  }>;
}

interface Filter {
  themeId?: string;
  cityId?: string;
}

const listPractices = (filter: Filter, signal?: AbortSignal) =>
  api.call<GoodPractice[]>(endpoint('goodPractices.list'), { query: { ...filter }, signal });

/** /good-practices: the library of practices cities share, by theme and city, with who took each up. */
export function GoodPracticesPage() {
  const { t, i18n } = useTranslation('goodPractices');
  const [params, setParams] = useSearchParams();
  const filter: Filter = { themeId: params.get('theme') ?? undefined, cityId: params.get('city') ?? undefined };
  const practices = useQuery({
    queryKey: ['good-practices', filter],
    queryFn: ({ signal }) => listPractices(filter, signal),
  });
  const themes = useThemes();
  const cities = useCities();
  useDocumentTitle(t('title'));
  const language = i18n.resolvedLanguage ?? 'en';
  const cityById = new Map((cities.data ?? []).map((c) => [c.id, c]));
  const nameOf = (city: { id: string; name: string }) => {
    const known = cityById.get(city.id);
    return known ? cityName(known, language) : city.name;
  };
  const update = (key: 'theme' | 'city', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="page practices-page">
      <header className="page-header">
        <p className="eyebrow">{t('common:phases.knowledge')}</p>
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </header>
      <div className="filters card" role="group" aria-label={t('filters')}>
        <div className="field">
          <label htmlFor="practice-theme">{t('theme')}</label>
          <select id="practice-theme" value={filter.themeId ?? ''} onChange={(e) => update('theme', e.target.value)}>
            <option value="">{t('allThemes')}</option>
            {(themes.data ?? []).map((theme) => (
              <option key={theme.id} value={theme.id}>
                {themeName(theme, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="practice-city">{t('city')}</label>
          <select id="practice-city" value={filter.cityId ?? ''} onChange={(e) => update('city', e.target.value)}>
            <option value="">{t('allCities')}</option>
            {(cities.data ?? []).map((city) => (
              <option key={city.id} value={city.id}>
                {cityName(city, language)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {practices.isPending ? (
        <LoadingState />
      ) : practices.isError ? (
        <ErrorState error={practices.error} onRetry={() => void practices.refetch()} />
      ) : practices.data.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>
          {t(filter.themeId || filter.cityId ? 'emptyFiltered' : 'emptyBody')}
        </EmptyState>
      ) : (
        <ul className="practice-list">
          {practices.data.map((practice) => (
            <li key={practice.id} className="card practice-card">
              <p className="practice-meta">
                {practice.city && (
                  <Link to={`/cities/${practice.city.slug}/knowledge`} className="practice-city">
                    {nameOf(practice.city)}
                  </Link>
                )}
                {!practice.published && <span className="badge">{t('unpublished')}</span>}
              </p>
              <h2 className="practice-title">
                <Link
                  to={`/documents/${practice.id}`}
                  lang={practice.language}
                  dir={isRtl(practice.language) ? 'rtl' : 'ltr'}
                >
                  {practice.title}
                </Link>
              </h2>
              {practice.themes.length > 0 && (
                <ul className="chip-list compact" aria-label={t('themes')}>
                  {practice.themes.map((theme) => (
                    <li key={theme.id} className="chip">
                      {themeName(theme, language)}
                    </li>
                  ))}
                </ul>
              )}
              {practice.excerpt && (
                <p className="practice-excerpt" lang={practice.language} dir="auto">
                  {practice.excerpt}
                </p>
              )}
              <div className="practice-adoptions">
                <h3>{t('takenUpBy')}</h3>
                {practice.adoptions.length === 0 ? (
                  <p className="muted">{t('notTakenUp')}</p>
                ) : (
                  <ul className="plain-list">
                    {practice.adoptions.map((adoption) => (
                      <li key={adoption.id}>
                        <Link to={`/cities/${adoption.city.slug}/action`}>{nameOf(adoption.city)}</Link>
                        {adoption.pilotProject && (
                          <>
                            {' · '}
                            <Link to={`/pilot-projects/${adoption.pilotProject.id}`} dir="auto">
                              {adoption.pilotProject.title}
                            </Link>
                          </>
                        )}
                        {adoption.note && (
                          <span className="muted adoption-note" dir="auto">
                            {adoption.note}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
