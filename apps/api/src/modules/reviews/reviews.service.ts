import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  availableTransitions,
  DOCUMENT_TRANSITION_RULES,
  REVIEWABLE_STATUS,
  transitionRefusal,
  transitionResult,
  type DocumentTransition,
} from '@passerelle/domain';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, conflict } from '../../core/errors/domain.exception';
import { AuditService } from '../audit/audit.service';
import type { DocumentDto } from '../documents/dto/document.dto';
import type { DocumentRecord } from '../documents/documents.repository';
import { DocumentsService } from '../documents/documents.service';
import { VersionsService } from '../versions/versions.service';
import type { DecideReviewDto, ReviewSummaryResponse } from './dto/review.dto';
import { toReviewSummary } from './reviews.mapper';
import {
  DOCUMENT_STATUS_CHANGED,
  REVIEW_DECIDED,
  type DocumentStatusChangedEvent,
  type ReviewDecidedEvent,
} from './reviews.events';
import { ReviewsRepository, type RoundChange } from './reviews.repository';

/** The moves that go in the audit trail (submitting for review is ordinary work). */
const AUDITED: ReadonlySet<DocumentTransition> = new Set([
  'adopt',
  'revise',
  'publish',
  'unpublish',
  'archive',
  'unarchive',
]);

const AUDIT_ACTIONS: Readonly<Record<DocumentTransition, string>> = {
  submit: 'document.submitted',
  adopt: 'document.adopted',
  revise: 'document.revised',
  publish: 'document.published',
  unpublish: 'document.unpublished',
  archive: 'document.archived',
  unarchive: 'document.unarchived',
};

const ROUND_CHANGES: Readonly<Record<DocumentTransition, (userId: string) => RoundChange>> = {
  // Submitting again while in review closes the current round and opens the next.
  submit: (userId) => ({ close: 'resubmitted', openBy: userId }),
  adopt: () => ({ close: 'adopted' }),
  revise: () => ({}),
  publish: () => ({}),
  unpublish: () => ({}),
  archive: () => ({ close: 'archived' }),
  unarchive: () => ({}),
};

/**
 * Review and adoption: the document status machine of `@passerelle/domain` over the access
 * table. Every move is a compare-and-set on the document's status (two coordinators adopting at
 * once: one wins, the other gets 409), then its version, events and audit entry.
 */
@Injectable()
export class ReviewsService {
  private readonly logger = new Logger('Reviews');

  constructor(
    private readonly repo: ReviewsRepository,
    private readonly documents: DocumentsService,
    private readonly versions: VersionsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async move(user: AuthUser, id: string, transition: DocumentTransition, ip: string | null): Promise<DocumentDto> {
    const rule = DOCUMENT_TRANSITION_RULES[transition];
    const doc = await this.documents.getFor(user, id, rule.action);
    const refusal = transitionRefusal(transition, doc);
    if (refusal) throw conflict(refusal);
    const next = transitionResult(transition, doc);
    const rounds = await this.repo.transition(doc.id, doc, next, ROUND_CHANGES[transition](user.id));
    if (!rounds) {
      const now = await this.documents.getFor(user, id, 'read');
      throw conflict(transitionRefusal(transition, now) ?? 'The document changed meanwhile: try again');
    }
    const event: DocumentStatusChangedEvent = {
      documentId: doc.id,
      cityId: doc.cityId,
      from: doc.status,
      to: next.status,
      userId: user.id,
      transition,
      published: next.published,
      wasPublished: doc.published,
      round: rounds.opened ?? rounds.closed,
    };
    if (transition === 'adopt') {
      // Open editors become read-only first (the gateway re-checks on this event, awaited), so
      // the frozen version holds the last accepted edit.
      await this.emit(DOCUMENT_STATUS_CHANGED, event);
      const version = await this.versions.createVersion(
        doc.id,
        roundLabel('Adopted', rounds.closed),
        'adoption',
        user.id,
      );
      if (rounds.closed !== null) await this.repo.setRoundVersion(doc.id, rounds.closed, 'adopted', version.id);
    } else if (transition === 'submit') {
      const version = await this.versions.createVersion(
        doc.id,
        roundLabel('Submitted for review', rounds.opened),
        'review',
        user.id,
      );
      await this.repo.setRoundVersion(doc.id, rounds.opened!, 'submitted', version.id);
      await this.emit(DOCUMENT_STATUS_CHANGED, event);
    } else {
      await this.emit(DOCUMENT_STATUS_CHANGED, event);
    }
    if (AUDITED.has(transition)) {
      await this.audit.record({
        actorId: user.id,
        action: AUDIT_ACTIONS[transition],
        targetType: 'document',
        targetId: doc.id,
        details: { title: doc.title, cityId: doc.cityId, from: doc.status, to: next.status, published: next.published },
        ip,
      });
    }
    return this.documents.toDto(user, await this.documents.getFor(user, doc.id, 'read'));
  }

  async decide(user: AuthUser, id: string, dto: DecideReviewDto): Promise<ReviewSummaryResponse> {
    const doc = await this.documents.getFor(user, id, 'review');
    const note = dto.note ?? '';
    if (dto.decision === 'request_changes' && note.length === 0) {
      throw badRequest('A request for changes needs a note saying what should change', ['note']);
    }
    const notInReview = () =>
      conflict(`Only a document in review can be reviewed (it is ${doc.status.replace('_', ' ')})`);
    if (doc.status !== REVIEWABLE_STATUS) throw notInReview();
    const decided = await this.repo.decide(doc.id, user.id, dto.decision, note);
    if (!decided) throw notInReview();
    const event: ReviewDecidedEvent = {
      documentId: doc.id,
      cityId: doc.cityId,
      decision: dto.decision,
      reviewerId: user.id,
      round: decided.round.number,
      submittedBy: decided.round.submittedBy?.id ?? null,
      replaced: decided.replaced,
    };
    await this.emit(REVIEW_DECIDED, event);
    return this.summaryOf(user, doc);
  }

  async summary(user: AuthUser, id: string): Promise<ReviewSummaryResponse> {
    return this.summaryOf(user, await this.documents.getFor(user, id, 'read'));
  }

  private async summaryOf(user: AuthUser, doc: DocumentRecord): Promise<ReviewSummaryResponse> {
    const inReview = doc.status === REVIEWABLE_STATUS;
    const latest = await this.repo.latestRound(doc.id);
    // In review, only the open round counts (a document put in review without a submission has none yet).
    const round = inReview && !latest?.open ? null : latest;
    const decisions = round ? await this.repo.decisions(round.id) : [];
    const pending = inReview && doc.cityId ? await this.repo.pendingStakeholders(doc.cityId, round?.id ?? null) : [];
    return toReviewSummary({
      doc,
      round,
      decisions,
      pending,
      canReview: inReview && this.access.can(user, 'review', doc),
      canAdopt: inReview && this.access.can(user, 'adopt', doc),
      transitions: availableTransitions(user, doc),
    });
  }

  /**
   * Listeners (collaboration re-checks, activity, notifications) run before the request answers,
   * so what the caller sees next is already consistent; their failures are theirs, never the move's.
   */
  private async emit(name: string, payload: object): Promise<void> {
    try {
      await this.events.emitAsync(name, payload);
    } catch (error) {
      this.logger.error(`a listener of ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

const roundLabel = (base: string, round: number | null): string => (round === null ? base : `${base} (round ${round})`);
