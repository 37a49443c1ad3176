import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../features/auth/RequireAuth';
import { Layout } from './Layout';
import { lazyNamed } from './lazyNamed';

// Every page is its own chunk: the first screen loads the shell and the page it shows, nothing else.
const SignInPage = lazyNamed(() => import('../features/auth/SignInPage'), 'SignInPage');
const InvitationPage = lazyNamed(() => import('../features/invitations/InvitationPage'), 'InvitationPage');
const HomePage = lazyNamed(() => import('../features/programme/HomePage'), 'HomePage');
const CityPage = lazyNamed(() => import('../features/cities/CityPage'), 'CityPage');
const DocumentPage = lazyNamed(() => import('../features/documents/DocumentPage'), 'DocumentPage');
const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const AdminPage = lazyNamed(() => import('../features/admin/AdminPage'), 'AdminPage');
const PilotProjectPage = lazyNamed(() => import('../features/pilot-projects/PilotProjectPage'), 'PilotProjectPage');
const NewPilotProjectPage = lazyNamed(
  () => import('../features/pilot-projects/NewPilotProjectPage'),
  'NewPilotProjectPage',
);
const EventsPage = lazyNamed(() => import('../features/events/EventsPage'), 'EventsPage');
const EventPage = lazyNamed(() => import('../features/events/EventPage'), 'EventPage');
const EventFormPage = lazyNamed(() => import('../features/events/EventFormPage'), 'EventFormPage');
const ComparisonPage = lazyNamed(() => import('../features/indicators/ComparisonPage'), 'ComparisonPage');
const GoodPracticesPage = lazyNamed(() => import('../features/good-practices/GoodPracticesPage'), 'GoodPracticesPage');
const SearchPage = lazyNamed(() => import('../features/search/SearchPage'), 'SearchPage');
const DashboardPage = lazyNamed(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
const NotFoundPage = lazyNamed(() => import('./NotFoundPage'), 'NotFoundPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="login" element={<SignInPage />} />
        <Route path="invite/:token" element={<InvitationPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="cities/:slug/:phase?" element={<CityPage />} />
          <Route path="documents/:id" element={<DocumentPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="admin/:tab?" element={<AdminPage />} />
          <Route path="pilot-projects/new" element={<NewPilotProjectPage />} />
          <Route path="pilot-projects/:id" element={<PilotProjectPage />} />
          <Route path="events" element={<EventsPage />} />
          <Route path="events/new" element={<EventFormPage />} />
          <Route path="events/:id" element={<EventPage />} />
          <Route path="events/:id/edit" element={<EventFormPage />} />
          <Route path="indicators/compare" element={<ComparisonPage />} />
          <Route path="good-practices" element={<GoodPracticesPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
