import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '@passerelle/domain';

@Entity('themes')
export class ThemeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id' }) programmeId!: string;
  @Column() slug!: string;
  /** The theme's name in each working language. */
  @Column({ type: 'jsonb' }) names!: Record<Language, string>;
  @Column() position!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
