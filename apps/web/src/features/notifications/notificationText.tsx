import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { richText } from '../activity/richText';
import type { AppNotification } from './types';

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The sentence of a notification in the interface language, the names and titles emphasised. */
export function notificationText(n: AppNotification, t: TFunction<'notifications'>): ReactNode[] {
  const actor = <strong>{n.actor?.name ?? t('someone')}</strong>;
  if (n.kind === 'milestone') {
    const status = str(n.data.status);
    const previous = str(n.data.previousStatus);
    const change = str(n.data.change) ?? 'updated';
    const key =
      change === 'updated' && status && previous && status !== previous
        ? 'milestone.status'
        : `milestone.${change === 'created' || change === 'deleted' ? change : 'updated'}`;
    return richText((values) => t(key, { ...values, status: status ? t(`milestoneStatus.${status}`) : '' }), {
      actor,
      title: <strong>{str(n.data.title) ?? ''}</strong>,
      project: str(n.data.pilotProjectTitle) ?? '',
    });
  }
  return richText((values) => t(`kinds.${n.kind}`, values), {
    actor,
    document: <strong>{n.document?.title ?? t('aDocument')}</strong>,
  });
}

/** Where a notification leads: its document, or for a milestone the city's action phase. */
export function notificationHref(n: AppNotification): string | null {
  if (n.document) return `/documents/${n.document.id}`;
  if (n.city) return `/cities/${n.city.slug}/action`;
  return null;
}
