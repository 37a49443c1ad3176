import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { canOnProgramme } from '@passerelle/domain';
import { homeCitySlug } from '../features/auth/landing';
import { useAuth } from '../features/auth/useAuth';
import { useMe } from '../features/auth/useMe';
import { overseesProgramme } from '../features/dashboard/oversight';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { HeaderSearch } from '../features/search/HeaderSearch';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { LoadingState } from './StatusViews';
import { UserMenu } from './UserMenu';

function MainNav() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const me = useMe();
  const citySlug = me.data ? homeCitySlug(me.data) : null;
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <NavLink to="/" end>
        {t('nav.programme')}
      </NavLink>
      {citySlug && <NavLink to={`/cities/${citySlug}`}>{t('nav.myCity')}</NavLink>}
      <NavLink to="/events">{t('events:nav')}</NavLink>
      <NavLink to="/good-practices">{t('goodPractices:nav')}</NavLink>
      {overseesProgramme(user) && <NavLink to="/dashboard">{t('dashboard:nav')}</NavLink>}
      {user && canOnProgramme(user, 'invite') && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
    </nav>
  );
}

/** The frame of every page: header (brand, navigation, language, the person), then the routed page. */
export function Layout() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const location = useLocation();
  // Key the error boundary by the page (not the tab inside it) so a crash clears on navigation without
  // remounting a page when only its tab changes.
  const pageKey = location.pathname.split('/').slice(0, 3).join('/');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          {status === 'signedIn' && <MainNav />}
          <div className="header-tools">
            {status === 'signedIn' && <HeaderSearch />}
            <LanguageSwitch />
            {status === 'signedIn' && <NotificationBell />}
            {status === 'signedIn' && <UserMenu />}
            {status === 'signedOut' && location.pathname !== '/login' && (
              <Link to="/login" className="button button-small">
                {t('actions.signIn')}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <ErrorBoundary key={pageKey}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </div>
  );
}
