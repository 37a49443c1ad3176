import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canOnCity, INDICATOR_ACCESS, INDICATOR_CATALOGUE, type Language } from '@passerelle/domain';
import { ErrorState, LoadingState } from '../../app/StatusViews';
import { useMe } from '../auth/useMe';
import type { City } from '../cities/types';
import { IndicatorEditor } from './IndicatorEditor';
import type { Indicator } from './types';
import { useCityIndicators, useIndicatorMutations } from './useIndicators';
import { useIndicatorValue, useYear } from './useIndicatorValue';
import './indicators.css';

/** The latest figure of each key, by year (older years stay in the history the API keeps). */
export function latestByKey(indicators: Indicator[]): Map<string, Indicator> {
  const latest = new Map<string, Indicator>();
  for (const indicator of indicators) {
    const seen = latest.get(indicator.key);
    if (!seen || indicator.year > seen.year) latest.set(indicator.key, indicator);
  }
  return latest;
}

/** The Knowledge tab's key figures: one row per indicator of the catalogue, editable by those who maintain them. */
export function CityIndicators({ city }: { city: City }) {
  const { t, i18n } = useTranslation('indicators');
  const year = useYear();
  const me = useMe();
  const indicators = useCityIndicators(city.id);
  const { upsert, remove } = useIndicatorMutations(city.id);
  const valueOf = useIndicatorValue();
  const [editing, setEditing] = useState<string | null>(null);
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const canEdit = me.data ? canOnCity(me.data, INDICATOR_ACCESS.manage, city.id) : false;

  return (
    <section className="phase-panel" aria-labelledby="city-indicators">
      <div className="section-heading">
        <h3 id="city-indicators">{t('city.title')}</h3>
        <Link to="/indicators/compare" className="button button-small">
          {t('city.compare')}
        </Link>
      </div>
      {indicators.isPending ? (
        <LoadingState />
      ) : indicators.isError ? (
        <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="table indicator-table">
            <caption className="visually-hidden">{t('city.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.indicator')}</th>
                <th scope="col">{t('columns.value')}</th>
                <th scope="col">{t('columns.year')}</th>
                <th scope="col">{t('columns.source')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('columns.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {(() => {
                const latest = latestByKey(indicators.data);
                return INDICATOR_CATALOGUE.map((definition) => {
                  const current = latest.get(definition.key);
                  const name = definition.names[language] ?? definition.names.en;
                  const shown = current ? valueOf(definition.unit, current) : null;
                  return (
                    <Fragment key={definition.key}>
                      <tr>
                        <th scope="row">{name}</th>
                        <td className={definition.unit === 'text' ? 'value-text' : 'value-number'} dir="auto">
                          {shown ?? <span className="muted">{t('noValue')}</span>}
                        </td>
                        <td>{current ? year(current.year) : ''}</td>
                        <td className="muted" dir="auto">
                          {current?.source}
                        </td>
                        {canEdit && (
                          <td className="cell-actions">
                            {editing !== definition.key && (
                              <button
                                type="button"
                                className="button button-small"
                                aria-label={t(current ? 'editOf' : 'addOf', { name })}
                                onClick={() => setEditing(definition.key)}
                              >
                                {t(current ? 'edit' : 'add')}
                              </button>
                            )}
                          </td>
                        )}
                      </tr>
                      {editing === definition.key && (
                        <tr className="editor-row">
                          <td colSpan={5}>
                            <IndicatorEditor
                              definition={definition}
                              name={name}
                              current={current}
                              onSave={async (value) => {
                                await upsert.mutateAsync([value]);
                                setEditing(null);
                              }}
                              onRemove={async (id) => {
                                await remove.mutateAsync(id);
                                setEditing(null);
                              }}
                              onCancel={() => setEditing(null)}
                            />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                });
              })()}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
