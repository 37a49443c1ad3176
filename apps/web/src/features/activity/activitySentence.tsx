import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { richText } from './richText';
import type { ActivityEntry } from './types';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The sentence key of an entry, from its verb and, where the verb alone says too little, its data. */
function sentenceKey(entry: ActivityEntry): string {
  const { verb, data } = entry;
  if (verb === 'thread.created' && data.suggestion) return 'verbs.thread.suggested';
  if (verb === 'milestone.changed') {
    const change = str(data.change);
    if (change === 'updated' && data.previousStatus && data.previousStatus !== data.status)
      return 'verbs.milestone.status';
    return `verbs.milestone.${change === 'created' || change === 'deleted' ? change : 'updated'}`;
  }
  if (verb === 'membership.changed') {
    if (!data.role) return 'verbs.membership.removed';
    return data.previousRole ? 'verbs.membership.changed' : 'verbs.membership.added';
  }
  return `verbs.${verb}`;
}

/**
 * An entry as a sentence in the interface language: "Nadia Benali approved <the document>", with
 * the document, the city and the pilot project as links. An unknown verb still reads as "… made a change".
 */
export function activitySentence(
  entry: ActivityEntry,
  t: TFunction<'activity'>,
  helpers: { cityLabel: (city: NonNullable<ActivityEntry['city']>) => string; number: (n: number) => string },
): ReactNode[] {
  const { data, city, document } = entry;
  const projectId = str(data.pilotProjectId) || (entry.target?.type === 'pilot_project' ? entry.target.id : '');
  const projectTitle = str(data.pilotProjectTitle) || str(data.title);
  const slots: Record<string, ReactNode> = {
    actor: <strong>{entry.actor?.name ?? t('someone')}</strong>,
    document: document ? <Link to={`/documents/${document.id}`}>{document.title}</Link> : t('aDocument'),
    city: city ? <Link to={`/cities/${city.slug}`}>{helpers.cityLabel(city)}</Link> : '',
    project:
      city && projectId ? <Link to={`/cities/${city.slug}/action`}>{projectTitle}</Link> : <em>{projectTitle}</em>,
    title: <em>{str(data.title)}</em>,
    label: <em>{str(data.label)}</em>,
    name: <strong>{str(data.name)}</strong>,
  };
  const count = typeof data.count === 'number' ? data.count : 1;
  const percent = typeof data.percent === 'number' ? data.percent : 0;
  const values = {
    count,
    n: helpers.number(count),
    percent: helpers.number(percent),
    status: data.to ? t(`pilotStatus.${str(data.to)}`) : data.status ? t(`milestoneStatus.${str(data.status)}`) : '',
    role: data.role ? t(`common:roles.city.${str(data.role)}`) : '',
  };
  const key = sentenceKey(entry);
  return richText((markers) => t([key, 'verbs.unknown'], { ...values, ...markers }), slots);
}
