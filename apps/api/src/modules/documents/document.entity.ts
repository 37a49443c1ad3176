import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentKind, DocumentStatus, Language, Phase } from '@passerelle/domain';

@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id' }) programmeId!: string;
  /** Null for programme documents. */
  @Column({ name: 'city_id', type: 'uuid', nullable: true }) cityId!: string | null;
  @Column({ type: 'varchar' }) kind!: DocumentKind;
  @Column() title!: string;
  @Column({ type: 'varchar' }) language!: Language;
  @Column({ type: 'varchar' }) status!: DocumentStatus;
  @Column() published!: boolean;
  @Column({ type: 'varchar' }) phase!: Phase;
  /** The text of the content, kept current for search (not returned by the API). */
  @Column({ name: 'plain_text', select: false }) plainText!: string;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
