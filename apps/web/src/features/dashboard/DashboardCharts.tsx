import { useTranslation } from 'react-i18next';
import type { Language } from '@passerelle/domain';
import { useFormat } from '../../lib/format';
import { themeName } from '../pilot-projects/names';
import { Bars, type BarDatum } from './Bars';
import type { DashboardData } from './types';

const PHASE_COLORS: Record<string, string> = { dialogue: '#6a4bb3', knowledge: '#0b5c63', action: '#b3541e' };
const DOCUMENT_COLORS: Record<string, string> = {
  draft: '#8a969b',
  in_review: '#c98a00',
  adopted: '#1d6b38',
  archived: '#555555',
};
const PROJECT_COLORS: Record<string, string> = {
  proposed: '#2b4a7a',
  approved: '#0b5c63',
  in_progress: '#b3541e',
  completed: '#1d6b38',
  on_hold: '#c98a00',
  cancelled: '#8a969b',
};

/** The dashboard's charts, each with its figures in a table for screen readers. Loaded on demand. */
export function DashboardCharts({ data }: { data: DashboardData }) {
  const { t, i18n } = useTranslation('dashboard');
  const format = useFormat();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const rtl = i18n.dir(language) === 'rtl';

  const charts: Array<{ id: string; title: string; data: BarDatum[]; labelWidth?: number }> = [
    {
      id: 'projects-status',
      title: t('charts.projectsByStatus'),
      data: data.pilotProjectsByStatus.map(({ key, count }) => ({
        key,
        label: t(`pilotProjects:status.${key}`),
        value: count,
        color: PROJECT_COLORS[key],
      })),
    },
    {
      id: 'projects-theme',
      title: t('charts.projectsByTheme'),
      labelWidth: 200,
      data: data.pilotProjectsByTheme.map((theme) => ({
        key: theme.key,
        label: theme.themeId ? themeName({ names: theme.names, slug: theme.key }, language) : t('charts.noTheme'),
        value: theme.count,
        color: '#b3541e',
      })),
    },
    {
      id: 'documents-status',
      title: t('charts.documentsByStatus'),
      data: data.documentsByStatus.map(({ key, count }) => ({
        key,
        label: t(`documents:status.${key}`),
        value: count,
        color: DOCUMENT_COLORS[key],
      })),
    },
    {
      id: 'cities-phase',
      title: t('charts.citiesByPhase'),
      data: data.citiesByPhase.map(({ key, count }) => ({
        key,
        label: t(`common:phases.${key}`),
        value: count,
        color: PHASE_COLORS[key],
      })),
    },
  ];

  return (
    <div className="dashboard-charts">
      {charts.map((chart) => (
        <figure key={chart.id} className="card chart-card" aria-labelledby={`${chart.id}-title`}>
          <figcaption id={`${chart.id}-title`} className="chart-title">
            {chart.title}
          </figcaption>
          <div aria-hidden="true">
            <Bars data={chart.data} rtl={rtl} format={format.number} labelWidth={chart.labelWidth} />
          </div>
          <table className="visually-hidden">
            <caption>{chart.title}</caption>
            <tbody>
              {chart.data.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.label}</th>
                  <td>{format.number(d.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      ))}
    </div>
  );
}
