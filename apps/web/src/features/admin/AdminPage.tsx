import { canOnProgramme } from '@passerelle/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useAuth } from '../auth/useAuth';
import { InvitationsPanel } from './InvitationsPanel';
import { MembershipsPanel } from './MembershipsPanel';
import { PeoplePanel } from './PeoplePanel';
import './admin.css';

const TABS = ['people', 'invitations', 'memberships'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | undefined): value is Tab => (TABS as readonly string[]).includes(value ?? '');

/**
 * Administration: people and their global roles (admins change them), invitations, and each city's
 * members. Coordinators invite and manage memberships; only admins change roles and deactivate accounts.
 * Everyone else gets the not-found page: the page does not exist for them.
 */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const { user } = useAuth();
  const { tab: tabParam } = useParams();
  useDocumentTitle(t('title'));

  if (!user || !canOnProgramme(user, 'invite')) return <NotFoundPage />;
  if (tabParam !== undefined && !isTab(tabParam)) return <NotFoundPage />;
  const active: Tab = tabParam ?? 'people';
  const isAdmin = canOnProgramme(user, 'manage_users');

  return (
    <div className="page admin-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <p className="lead">{isAdmin ? t('introAdmin') : t('introCoordinator')}</p>
      </header>
      <nav className="tabs" aria-label={t('sections')}>
        {TABS.map((tab) => (
          <Link
            key={tab}
            to={`/admin/${tab}`}
            className={tab === active ? 'tab active' : 'tab'}
            aria-current={tab === active ? 'page' : undefined}
          >
            {t(`tabs.${tab}`)}
          </Link>
        ))}
      </nav>
      {active === 'people' && <PeoplePanel canManage={isAdmin} selfId={user.id} />}
      {active === 'invitations' && <InvitationsPanel canInviteStaff={isAdmin} />}
      {active === 'memberships' && <MembershipsPanel />}
    </div>
  );
}
