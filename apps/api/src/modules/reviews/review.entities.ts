import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApprovalDecision } from '@passerelle/domain';

export type RoundOutcome = 'adopted' | 'resubmitted' | 'archived';

/** One submission of a document for review; open (closed_at null) while the document is in review. */
@Entity('review_rounds')
export class ReviewRoundEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true }) submittedBy!: string | null;
  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'submitted_version_id', type: 'uuid', nullable: true }) submittedVersionId!: string | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'varchar', nullable: true }) outcome!: RoundOutcome | null;
  @Column({ name: 'adopted_version_id', type: 'uuid', nullable: true }) adoptedVersionId!: string | null;
}

/** A reviewer's current decision in a round (a new one replaces it). */
@Entity('review_decisions')
export class ReviewDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'round_id', type: 'uuid' }) roundId!: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;
  @Column({ type: 'varchar' }) decision!: ApprovalDecision;
  @Column({ type: 'text' }) note!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
