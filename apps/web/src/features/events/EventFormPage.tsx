import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { canOnProgramme } from '@passerelle/domain';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { isApiError } from '../../lib/api';
import { useAuth } from '../auth/useAuth';
import { useCities } from '../cities/useCities';
import { EventForm } from './EventForm';
import { emptyEventValues, valuesFromEvent } from './eventValidation';
import { useEvent, useEventMutations, usePeople } from './useEvents';
import './events.css';

/** /events/new (optionally ?host=<slug>) and /events/:id/edit, for coordinators. */
export function EventFormPage() {
  const { id } = useParams();
  const { t } = useTranslation('events');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { user } = useAuth();
  const allowed = user ? canOnProgramme(user, 'manage_events') : false;
  const cities = useCities();
  const people = usePeople(allowed);
  const existing = useEvent(id ?? '', { enabled: id !== undefined });
  const { create, update } = useEventMutations();
  useDocumentTitle(id ? t('form.editTitle') : t('form.newTitle'));

  if (!allowed) return <NotFoundPage />;
  const editing = id !== undefined;
  if (cities.isPending || (editing && existing.isPending)) return <LoadingState />;
  if (editing && existing.isError) {
    if (isApiError(existing.error) && existing.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  }
  if (cities.isError) return <ErrorState error={cities.error} onRetry={() => void cities.refetch()} />;
  const host = cities.data.find((c) => c.slug === params.get('host'));
  const initial = editing && existing.data ? valuesFromEvent(existing.data) : emptyEventValues(host?.id);
  const back = editing ? `/events/${id}` : host ? `/cities/${host.slug}/dialogue` : '/events';

  return (
    <div className="page page-narrow">
      <nav className="breadcrumbs" aria-label={t('common:nav.breadcrumbs')}>
        <Link to="/events">{t('calendar.title')}</Link>
      </nav>
      <header className="page-header">
        <h1>{editing ? t('form.editTitle') : t('form.newTitle')}</h1>
        {!editing && <p className="muted">{t('form.newIntro')}</p>}
      </header>
      <EventForm
        initial={initial}
        cities={cities.data}
        // Without the people list (it failed), the event can still be saved; participants stay as they were.
        people={people.data?.filter((p) => p.active) ?? []}
        submitLabel={editing ? t('form.save') : t('form.create')}
        onSubmit={async (fields) => {
          const body = people.data ? fields : { ...fields, participantIds: undefined };
          const saved = editing
            ? await update.mutateAsync({ id: id!, body })
            : await create.mutateAsync({ ...body, participantIds: body.participantIds ?? [] });
          navigate(`/events/${saved.id}`);
        }}
        onCancel={() => navigate(back)}
      />
    </div>
  );
}
