import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language, Phase } from '@passerelle/domain';

@Entity('cities')
export class CityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id' }) programmeId!: string;
  @Column() slug!: string;
  @Column() name!: string;
  /** The city's name in each working language (falls back to `name`). */
  @Column({ type: 'jsonb' }) names!: Partial<Record<Language, string>>;
  @Column() country!: string;
  @Column({ name: 'country_code' }) countryCode!: string;
  @Column({ type: 'varchar' }) phase!: Phase;
  @Column({ type: 'text', array: true }) languages!: Language[];
  @Column() description!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
