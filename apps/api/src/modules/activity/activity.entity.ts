import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Who reads an entry: the document's readers, the city's members, or the programme's participants. */
export type ActivityAudience = 'document' | 'city' | 'programme';

/** One entry of the activity feeds; edits are one entry per document, person and hour (`bucket`). */
@Entity('activity')
export class ActivityEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId!: string;
  @Column({ name: 'city_id', type: 'uuid', nullable: true }) cityId!: string | null;
  @Column({ name: 'document_id', type: 'uuid', nullable: true }) documentId!: string | null;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar' }) verb!: string;
  @Column({ type: 'varchar' }) audience!: ActivityAudience;
  @Column({ name: 'target_type', type: 'varchar', nullable: true }) targetType!: string | null;
  @Column({ name: 'target_id', type: 'varchar', nullable: true }) targetId!: string | null;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ type: 'timestamptz', nullable: true }) bucket!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
