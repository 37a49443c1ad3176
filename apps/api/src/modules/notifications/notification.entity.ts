import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_KINDS = [
  'mention',
  'review_requested',
  'approved',
  'changes_requested',
  'reply',
  'adopted',
  'milestone',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Something a person should know about, addressed to them alone. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar' }) kind!: NotificationKind;
  @Column({ name: 'document_id', type: 'uuid', nullable: true }) documentId!: string | null;
  /** The city it concerns, for notices about no document (milestones). */
  @Column({ name: 'city_id', type: 'uuid', nullable: true }) cityId!: string | null;
  @Column({ name: 'thread_id', type: 'uuid', nullable: true }) threadId!: string | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  /** One notice per person and key (a comment that both mentions them and replies to them). */
  @Column({ name: 'dedupe_key', type: 'varchar', nullable: true }) dedupeKey!: string | null;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
