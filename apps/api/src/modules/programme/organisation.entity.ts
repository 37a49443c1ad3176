import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationKind } from '@passerelle/domain';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id', type: 'uuid', nullable: true }) programmeId!: string | null;
  @Column({ name: 'city_id', type: 'uuid', nullable: true }) cityId!: string | null;
  @Column() name!: string;
  @Column({ type: 'varchar', nullable: true }) acronym!: string | null;
  @Column({ type: 'varchar' }) kind!: OrganisationKind;
  @Column({ type: 'varchar', nullable: true }) website!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
