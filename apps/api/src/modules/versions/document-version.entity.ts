import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type VersionReason = 'manual' | 'review' | 'adoption' | 'restore';

@Entity('document_versions')
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id' }) documentId!: string;
  @Column() label!: string;
  @Column({ type: 'varchar' }) reason!: VersionReason;
  /** The whole Yjs state at that moment, as one update. */
  @Column({ type: 'bytea', select: false }) data!: Buffer;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
