import { useTranslation } from 'react-i18next';
import type { Phase } from '@passerelle/domain';
import { EmptyState, ErrorState, LoadingState } from '../../app/StatusViews';
import { DocumentList } from '../documents/DocumentList';
import { useDocuments } from '../documents/useDocuments';
import { PhasePanel } from './PhasePanel';
import type { City } from './types';

/** One phase of a city's workspace: what the phase is for, then the city's documents of that phase. */
export function PhaseSection({ city, phase }: { city: City; phase: Phase }) {
  const { t } = useTranslation('cities');
  // One request for the whole city; switching tabs filters what is already loaded.
  const documents = useDocuments({ cityId: city.id });
  const inPhase = documents.data?.filter((doc) => doc.phase === phase) ?? [];
  const title = t(`sections.${phase}.title`);

  return (
    <section className="phase-section" aria-labelledby={`phase-${phase}`}>
      <h2 id={`phase-${phase}`}>{title}</h2>
      <p className="muted">{t(`sections.${phase}.intro`)}</p>
      <PhasePanel city={city} phase={phase} />
      <h3 className="phase-documents-title">{t('documentsTitle')}</h3>
      {documents.isPending ? (
        <LoadingState />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : inPhase.length === 0 ? (
        <EmptyState title={t(`sections.${phase}.emptyTitle`)}>{t(`sections.${phase}.emptyBody`)}</EmptyState>
      ) : (
        <DocumentList documents={inPhase} caption={title} />
      )}
    </section>
  );
}
