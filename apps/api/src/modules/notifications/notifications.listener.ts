import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { CityRole } from '@passerelle/domain';
import {
  COMMENT_CREATED,
  COMMENT_MENTIONED,
  type CommentCreatedEvent,
  type CommentMentionedEvent,
} from '../comments/comments.events';
import { MILESTONE_CHANGED, type MilestoneChangedEvent } from '../pilot-projects/pilot-projects.events';
import {
  DOCUMENT_STATUS_CHANGED,
  REVIEW_DECIDED,
  type DocumentStatusChangedEvent,
  type ReviewDecidedEvent,
} from '../reviews/reviews.events';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService, type Notice } from './notifications.service';

/**
 * Turns domain events into notices: who should hear of what. The service then keeps only the
 * people allowed to know of it and never the actor.
 */
@Injectable()
export class NotificationsListener {
  private readonly logger = new Logger('NotificationsListener');

  constructor(
    private readonly notifications: NotificationsService,
    private readonly repo: NotificationsRepository,
  ) {}

  /**
   * Mentions: the people mentioned (the comments feature already kept only readers; checked
   * again). One comment notifies a person once: a mention outranks the reply notice.
   */
  @OnEvent(COMMENT_MENTIONED)
  onMentioned(e: CommentMentionedEvent): Promise<void> {
    return this.safely(COMMENT_MENTIONED, async () => ({
      kind: 'mention',
      recipients: e.userIds,
      actorId: e.authorId,
      documentId: e.documentId,
      threadId: e.threadId,
      data: { commentId: e.commentId },
      dedupeKey: `comment:${e.commentId}`,
      replaces: ['reply'],
    }));
  }

  /** Replies: the thread's participants, except the one who replied. */
  @OnEvent(COMMENT_CREATED)
  onReply(e: CommentCreatedEvent): Promise<void> {
    return this.safely(COMMENT_CREATED, async () => ({
      kind: 'reply',
      recipients: e.parentAuthorIds,
      actorId: e.authorId,
      documentId: e.documentId,
      threadId: e.threadId,
      data: { commentId: e.commentId },
      dedupeKey: `comment:${e.commentId}`,
    }));
  }

  @OnEvent(DOCUMENT_STATUS_CHANGED)
  async onStatusChanged(e: DocumentStatusChangedEvent): Promise<void> {
    if (e.transition === 'submit') {
      // Review requested: the city's stakeholders and the coordinators.
      await this.safely(DOCUMENT_STATUS_CHANGED, async () => ({
        kind: 'review_requested',
        recipients: [...(await this.members(e.cityId, ['stakeholder'])), ...(await this.repo.coordinators())],
        actorId: e.userId,
        documentId: e.documentId,
        data: { round: e.round },
        dedupeKey: e.round !== null ? `review_requested:${e.documentId}:${e.round}` : null,
      }));
    } else if (e.transition === 'adopt') {
      await this.safely(DOCUMENT_STATUS_CHANGED, async () => ({
        kind: 'adopted',
        recipients: await this.members(e.cityId, ['editor', 'stakeholder']),
        actorId: e.userId,
        documentId: e.documentId,
        data: { round: e.round },
      }));
    }
  }

  /** Approvals and requests for changes: the city's editors and whoever submitted the round. */
  @OnEvent(REVIEW_DECIDED)
  onReviewDecided(e: ReviewDecidedEvent): Promise<void> {
    return this.safely(REVIEW_DECIDED, async () => ({
      kind: e.decision === 'approve' ? 'approved' : 'changes_requested',
      recipients: [...(await this.members(e.cityId, ['editor'])), ...(e.submittedBy ? [e.submittedBy] : [])],
      actorId: e.reviewerId,
      documentId: e.documentId,
      data: { round: e.round, decision: e.decision },
    }));
  }

  /** Milestone changes: the city's editors, who carry the pilot project. */
  @OnEvent(MILESTONE_CHANGED)
  onMilestoneChanged(e: MilestoneChangedEvent): Promise<void> {
    return this.safely(MILESTONE_CHANGED, async () => ({
      kind: 'milestone',
      recipients: await this.repo.cityMembers(e.cityId, ['editor']),
      actorId: e.userId,
      city: { id: e.cityId, action: 'read_pilot_projects' },
      data: {
        pilotProjectId: e.pilotProjectId,
        pilotProjectTitle: await this.repo.pilotProjectTitle(e.pilotProjectId),
        milestoneId: e.milestoneId,
        title: e.title,
        change: e.change,
        status: e.status,
        previousStatus: e.previousStatus ?? null,
        dueDate: e.dueDate,
      },
    }));
  }

  /**
   * The members of the document's city with these roles. A programme document has no city: its
   * editors and reviewers are the coordinators (the access table's rule for programme documents).
   */
  private async members(cityId: string | null, roles: CityRole[]): Promise<string[]> {
    return cityId ? this.repo.cityMembers(cityId, roles) : this.repo.coordinators();
  }

  private async safely(event: string, build: () => Promise<Notice>): Promise<void> {
    try {
      await this.notifications.send(await build());
    } catch (error) {
      this.logger.error(`notifying of ${event} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
