import { Foundation1763900000000 } from './1763900000000-Foundation';
import { Documents1763900000100 } from './1763900000100-Documents';
import { InvitationRevocation1763900001000 } from './1763900001000-InvitationRevocation';
import { SnapshotVersion1763900003000 } from './1763900003000-SnapshotVersion';
import { PilotProjectsEventsIndicators1763900005000 } from './1763900005000-PilotProjectsEventsIndicators';
import { CommentThreads1763900006000 } from './1763900006000-CommentThreads';
import { ReviewsActivityNotifications1763900007000 } from './1763900007000-ReviewsActivityNotifications';
import { SearchGoodPractices1763900008000 } from './1763900008000-SearchGoodPractices';
import { SnapshotStateVector1763900010000 } from './1763900010000-SnapshotStateVector';
import { SearchIndexesWithoutPendingList1763900011500 } from './1763900011500-SearchIndexesWithoutPendingList';

/** Every migration, in order. A committed migration is never edited: add a new one here. */
export const MIGRATIONS = [
  Foundation1763900000000,
  Documents1763900000100,
  InvitationRevocation1763900001000,
  SnapshotVersion1763900003000,
  PilotProjectsEventsIndicators1763900005000,
  CommentThreads1763900006000,
  ReviewsActivityNotifications1763900007000,
  SearchGoodPractices1763900008000,
  SnapshotStateVector1763900010000,
  SearchIndexesWithoutPendingList1763900011500,
];
