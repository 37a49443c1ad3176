/** Events of the good-practice library, for activity and notifications. */
export const GOOD_PRACTICE_THEMES_CHANGED = 'good_practice.themes_changed';
export const GOOD_PRACTICE_ADOPTED = 'good_practice.adopted';
export const GOOD_PRACTICE_ADOPTION_REMOVED = 'good_practice.adoption_removed';

export interface GoodPracticeThemesChangedEvent {
  documentId: string;
  userId: string;
  added: string[];
  removed: string[];
}

export interface GoodPracticeAdoptionEvent {
  documentId: string;
  adoptionId: string;
  /** The adopting city. */
  cityId: string;
  pilotProjectId: string | null;
  userId: string;
}
