import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { ErrorState } from '../../app/StatusViews';
import { useProgramme } from './useProgramme';

/** The programme's name, description and partners; its own texts are shown as the API gives them. */
export function ProgrammeHeader() {
  const { t, i18n } = useTranslation('programme');
  const programme = useProgramme();
  const language = currentLanguage(i18n);

  if (programme.isError) return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  const data = programme.data;
  return (
    <header className="page-header hero" aria-busy={programme.isPending}>
      <p className="eyebrow">{data ? data.acronym : t('eyebrow')}</p>
      {/* The programme's own texts come in whatever language they were written in: let the text set its direction. */}
      <h1 dir={data ? 'auto' : undefined}>{data ? data.name : t('title')}</h1>
      {data?.description && (
        <p className="lead" dir="auto">
          {data.description}
        </p>
      )}
      {data && data.organisations.length > 0 && (
        <p className="muted">
          {t('partners', {
            list: new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(
              data.organisations.map((o) => o.acronym || o.name),
            ),
          })}
        </p>
      )}
      {data && data.themes.length > 0 && (
        <div className="themes">
          <ul className="chip-list" aria-label={t('themes')}>
            {data.themes.map((theme) => (
              <li key={theme.slug} className="chip">
                {theme.names[language] || theme.names.en || theme.slug}
              </li>
            ))}
          </ul>
        </div>
      )}
    </header>
  );
}
