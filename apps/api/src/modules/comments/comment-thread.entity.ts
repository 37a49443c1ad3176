import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SuggestionStatus } from '@passerelle/domain';

/** A thread anchored to a passage of a document; SQL lives in CommentsRepository. */
@Entity('comment_threads')
export class CommentThreadEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  /** `Y.encodeRelativePosition` of the passage's start and end in the `default` fragment. */
  @Column({ name: 'anchor_start', type: 'bytea' }) anchorStart!: Buffer;
  @Column({ name: 'anchor_end', type: 'bytea' }) anchorEnd!: Buffer;
  /** The passage as it was when the thread was opened. */
  @Column({ type: 'text' }) quote!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy!: string | null;
  /** The proposed replacement of the passage, if the thread carries one. */
  @Column({ type: 'text', nullable: true }) suggestion!: string | null;
  @Column({ name: 'suggestion_status', type: 'varchar', nullable: true }) suggestionStatus!: SuggestionStatus | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
