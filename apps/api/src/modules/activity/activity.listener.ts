import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DOCUMENT_CONTENT_CHANGED, type DocumentContentChangedEvent } from '../../collab/collab.events';
import {
  CITY_UPDATED,
  MEMBERSHIP_CHANGED,
  type CityUpdatedEvent,
  type MembershipChangedEvent,
} from '../cities/membership-events';
import {
  DOCUMENT_CREATED,
  DOCUMENT_UPDATED,
  type DocumentCreatedEvent,
  type DocumentUpdatedEvent,
} from '../documents/documents.events';
import {
  COMMENT_CREATED,
  SUGGESTION_ACCEPTED,
  SUGGESTION_REJECTED,
  THREAD_CREATED,
  THREAD_REOPENED,
  THREAD_RESOLVED,
  type CommentCreatedEvent,
  type SuggestionDecidedEvent,
  type ThreadCreatedEvent,
  type ThreadResolutionEvent,
} from '../comments/comments.events';
import { EVENT_CREATED, EVENT_DELETED, EVENT_UPDATED, type EventChangedEvent } from '../events/events.events';
import { INDICATORS_UPDATED, type IndicatorsUpdatedEvent } from '../indicators/indicators.events';
import {
  MILESTONE_CHANGED,
  PILOT_PROJECT_CREATED,
  PILOT_PROJECT_PROGRESS_ADDED,
  PILOT_PROJECT_STATUS_CHANGED,
  PILOT_PROJECT_UPDATED,
  type MilestoneChangedEvent,
  type PilotProjectCreatedEvent,
  type PilotProjectProgressAddedEvent,
  type PilotProjectStatusChangedEvent,
  type PilotProjectUpdatedEvent,
} from '../pilot-projects/pilot-projects.events';
import {
  DOCUMENT_STATUS_CHANGED,
  REVIEW_DECIDED,
  type DocumentStatusChangedEvent,
  type ReviewDecidedEvent,
} from '../reviews/reviews.events';
import {
  VERSION_CREATED,
  VERSION_RESTORED,
  type VersionCreatedEvent,
  type VersionRestoredEvent,
} from '../versions/versions.events';
import { ActivityRepository } from './activity.repository';
import { STATUS_VERBS } from './activity.verbs';

/**
 * Writes the activity feeds from the domain events of the other features (they never call this
 * module). What the system does by itself (the demo seed, server-made changes) has no actor and
 * is not activity. A failure here is logged, never passed back to the feature that emitted.
 */
@Injectable()
export class ActivityListener {
  private readonly logger = new Logger('Activity');

  constructor(private readonly repo: ActivityRepository) {}

  @OnEvent(DOCUMENT_CREATED)
  onDocumentCreated(e: DocumentCreatedEvent) {
    return this.safely(DOCUMENT_CREATED, e.userId, (actorId) =>
      this.repo.addForDocument(e.documentId, { actorId, verb: 'document.created' }),
    );
  }

  @OnEvent(DOCUMENT_UPDATED)
  onDocumentUpdated(e: DocumentUpdatedEvent) {
    return this.safely(DOCUMENT_UPDATED, e.userId, (actorId) =>
      this.repo.addForDocument(e.documentId, { actorId, verb: 'document.updated', data: { changes: e.changes } }),
    );
  }

  /** Edits are summarised: one entry per document, person and hour, counting the changes. */
  @OnEvent(DOCUMENT_CONTENT_CHANGED)
  async onContentChanged(e: DocumentContentChangedEvent) {
    const people = new Set(e.userIds ?? []);
    if (people.size === 0 && e.userId) people.add(e.userId);
    for (const userId of people) {
      await this.safely(DOCUMENT_CONTENT_CHANGED, userId, (actorId) => this.repo.countEdit(e.documentId, actorId));
    }
  }

  /** Versions saved on submission and adoption are part of those entries; restore backups of the restore's. */
  @OnEvent(VERSION_CREATED)
  onVersionCreated(e: VersionCreatedEvent) {
    if (e.reason !== 'manual') return;
    return this.safely(VERSION_CREATED, e.userId, async (actorId) =>
      this.repo.addForDocument(e.documentId, {
        actorId,
        verb: 'version.created',
        targetType: 'version',
        targetId: e.versionId,
        data: { label: await this.repo.versionLabel(e.versionId) },
      }),
    );
  }

  @OnEvent(VERSION_RESTORED)
  onVersionRestored(e: VersionRestoredEvent) {
    return this.safely(VERSION_RESTORED, e.userId, async (actorId) =>
      this.repo.addForDocument(e.documentId, {
        actorId,
        verb: 'version.restored',
        targetType: 'version',
        targetId: e.versionId,
        data: { label: await this.repo.versionLabel(e.versionId) },
      }),
    );
  }

  @OnEvent(DOCUMENT_STATUS_CHANGED)
  onStatusChanged(e: DocumentStatusChangedEvent) {
    return this.safely(DOCUMENT_STATUS_CHANGED, e.userId, (actorId) =>
      this.repo.addForDocument(e.documentId, {
        actorId,
        verb: STATUS_VERBS[e.transition],
        data: { from: e.from, to: e.to, published: e.published, round: e.round },
      }),
    );
  }

  @OnEvent(REVIEW_DECIDED)
  onReviewDecided(e: ReviewDecidedEvent) {
    return this.safely(REVIEW_DECIDED, e.reviewerId, (actorId) =>
      this.repo.addForDocument(e.documentId, {
        actorId,
        verb: e.decision === 'approve' ? 'review.approved' : 'review.changes_requested',
        data: { round: e.round },
      }),
    );
  }

  @OnEvent(THREAD_CREATED)
  onThreadCreated(e: ThreadCreatedEvent) {
    return this.safely(THREAD_CREATED, e.authorId, (actorId) =>
      this.repo.addForDocument(e.documentId, {
        actorId,
        verb: 'thread.created',
        targetType: 'thread',
        targetId: e.threadId,
        data: { commentId: e.commentId, suggestion: e.suggestion },
      }),
    );
  }

  /** Replies (a thread's first comment is part of `thread.created`). */
  @OnEvent(COMMENT_CREATED)
  onCommentCreated(e: CommentCreatedEvent) {
    return this.safely(COMMENT_CREATED, e.authorId, (actorId) =>
      this.repo.addForDocument(e.documentId, {
        actorId,
        verb: 'comment.created',
        targetType: 'thread',
        targetId: e.threadId,
        data: { commentId: e.commentId },
      }),
    );
  }

  @OnEvent(THREAD_RESOLVED)
  onThreadResolved(e: ThreadResolutionEvent) {
    return this.thread(THREAD_RESOLVED, 'thread.resolved', e);
  }

  @OnEvent(THREAD_REOPENED)
  onThreadReopened(e: ThreadResolutionEvent) {
    return this.thread(THREAD_REOPENED, 'thread.reopened', e);
  }

  @OnEvent(SUGGESTION_ACCEPTED)
  onSuggestionAccepted(e: SuggestionDecidedEvent) {
    return this.thread(SUGGESTION_ACCEPTED, 'suggestion.accepted', e);
  }

  @OnEvent(SUGGESTION_REJECTED)
  onSuggestionRejected(e: SuggestionDecidedEvent) {
    return this.thread(SUGGESTION_REJECTED, 'suggestion.rejected', e);
  }

  @OnEvent(PILOT_PROJECT_CREATED)
  onPilotProjectCreated(e: PilotProjectCreatedEvent) {
    return this.safely(PILOT_PROJECT_CREATED, e.userId, (actorId) =>
      this.pilotProject(e, actorId, 'pilot_project.created', { title: e.title }),
    );
  }

  @OnEvent(PILOT_PROJECT_UPDATED)
  onPilotProjectUpdated(e: PilotProjectUpdatedEvent) {
    return this.safely(PILOT_PROJECT_UPDATED, e.userId, (actorId) =>
      this.pilotProject(e, actorId, 'pilot_project.updated', { changes: e.changes }),
    );
  }

  @OnEvent(PILOT_PROJECT_STATUS_CHANGED)
  onPilotProjectStatusChanged(e: PilotProjectStatusChangedEvent) {
    return this.safely(PILOT_PROJECT_STATUS_CHANGED, e.userId, (actorId) =>
      this.pilotProject(e, actorId, 'pilot_project.status_changed', { from: e.from, to: e.to }),
    );
  }

  @OnEvent(PILOT_PROJECT_PROGRESS_ADDED)
  onProgressAdded(e: PilotProjectProgressAddedEvent) {
    return this.safely(PILOT_PROJECT_PROGRESS_ADDED, e.userId, (actorId) =>
      this.pilotProject(e, actorId, 'pilot_project.progress_added', { percent: e.percent }),
    );
  }

  @OnEvent(MILESTONE_CHANGED)
  onMilestoneChanged(e: MilestoneChangedEvent) {
    return this.safely(MILESTONE_CHANGED, e.userId, async (actorId) =>
      this.repo.addForCity(e.cityId, {
        actorId,
        verb: 'milestone.changed',
        targetType: 'milestone',
        targetId: e.milestoneId,
        data: {
          pilotProjectId: e.pilotProjectId,
          pilotProjectTitle: await this.repo.pilotProjectTitle(e.pilotProjectId),
          title: e.title,
          change: e.change,
          status: e.status,
          previousStatus: e.previousStatus ?? null,
          dueDate: e.dueDate,
        },
      }),
    );
  }

  @OnEvent(INDICATORS_UPDATED)
  onIndicatorsUpdated(e: IndicatorsUpdatedEvent) {
    return this.safely(INDICATORS_UPDATED, e.userId, (actorId) =>
      this.repo.addForCity(e.cityId, { actorId, verb: 'indicators.updated', data: { keys: e.keys } }),
    );
  }

  @OnEvent(CITY_UPDATED)
  onCityUpdated(e: CityUpdatedEvent) {
    // The description can be long: the feed says it changed, the phase and languages say to what.
    const { description: _description, ...values } = e.changes;
    return this.safely(CITY_UPDATED, e.actorId, (actorId) =>
      this.repo.addForCity(e.cityId, {
        actorId,
        verb: 'city.updated',
        targetType: 'city',
        targetId: e.cityId,
        data: { fields: Object.keys(e.changes), ...values },
      }),
    );
  }

  @OnEvent(MEMBERSHIP_CHANGED)
  onMembershipChanged(e: MembershipChangedEvent) {
    return this.safely(MEMBERSHIP_CHANGED, e.actorId, async (actorId) =>
      this.repo.addForCity(e.cityId, {
        actorId,
        verb: 'membership.changed',
        targetType: 'user',
        targetId: e.userId,
        data: { name: await this.repo.userName(e.userId), role: e.role, previousRole: e.previousRole },
      }),
    );
  }

  @OnEvent(EVENT_CREATED)
  onEventCreated(e: EventChangedEvent) {
    return this.calendar(EVENT_CREATED, 'event.created', e);
  }

  @OnEvent(EVENT_UPDATED)
  onEventUpdated(e: EventChangedEvent) {
    return this.calendar(EVENT_UPDATED, 'event.updated', e);
  }

  @OnEvent(EVENT_DELETED)
  onEventDeleted(e: EventChangedEvent) {
    return this.calendar(EVENT_DELETED, 'event.deleted', e);
  }

  private calendar(name: string, verb: string, e: EventChangedEvent) {
    return this.safely(name, e.userId, (actorId) =>
      this.repo.addForProgramme(e.programmeId, e.hostCityId, {
        actorId,
        verb,
        targetType: 'event',
        targetId: e.eventId,
        data: { title: e.title, ...(e.changes ? { changes: e.changes } : {}) },
      }),
    );
  }

  private thread(name: string, verb: string, e: { documentId: string; threadId: string; userId: string }) {
    return this.safely(name, e.userId, (actorId) =>
      this.repo.addForDocument(e.documentId, { actorId, verb, targetType: 'thread', targetId: e.threadId }),
    );
  }

  private async pilotProject(
    e: { pilotProjectId: string; cityId: string },
    actorId: string,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const title = (data.title as string | undefined) ?? (await this.repo.pilotProjectTitle(e.pilotProjectId));
    await this.repo.addForCity(e.cityId, {
      actorId,
      verb,
      targetType: 'pilot_project',
      targetId: e.pilotProjectId,
      data: { ...data, title },
    });
  }

  private async safely(
    event: string,
    actorId: string | null | undefined,
    write: (actorId: string) => Promise<unknown>,
  ) {
    if (!actorId) return;
    try {
      await write(actorId);
    } catch (error) {
      this.logger.error(`recording ${event} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
