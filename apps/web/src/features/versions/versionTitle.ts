import type { TFunction } from 'i18next';
import type { Version } from './types';

const ROUND = /\(round (\d+)\)$/;
const BEFORE_RESTORE = /^Before restore of “(.*)”$/;

/**
 * The title to show for a version. People name the versions they save; the ones the system saves
 * (on submission, adoption, before a restore) get their title in the interface language, with the
 * round or the restored version's name read from the stored label. An unexpected label is shown as is.
 */
export function versionTitle(version: Version, t: TFunction<'history'>): string {
  switch (version.reason) {
    case 'review':
    case 'adoption': {
      const round = ROUND.exec(version.label)?.[1];
      return round ? t(`titles.${version.reason}Round`, { round }) : t(`titles.${version.reason}`);
    }
    case 'restore': {
      const label = BEFORE_RESTORE.exec(version.label)?.[1];
      return label ? t('titles.restore', { label }) : version.label;
    }
    default:
      return version.label;
  }
}
