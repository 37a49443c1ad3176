import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MilestoneStatus, PilotProjectStatus } from '@passerelle/domain';

/** The schema of the Action phase in code; the SQL itself lives in PilotProjectsRepository. */
@Entity('pilot_projects')
export class PilotProjectEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'city_id', type: 'uuid' }) cityId!: string;
  @Column() title!: string;
  @Column() summary!: string;
  @Column({ name: 'theme_id', type: 'uuid', nullable: true }) themeId!: string | null;
  /** The priority of the city's adopted priority paper that the project implements. */
  @Column({ type: 'text', nullable: true }) priority!: string | null;
  @Column({ name: 'lead_organisation_id', type: 'uuid', nullable: true }) leadOrganisationId!: string | null;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true }) budget!: string | null;
  @Column({ type: 'char', length: 3, nullable: true }) currency!: string | null;
  @Column({ type: 'varchar' }) status!: PilotProjectStatus;
  @Column({ name: 'description_document_id', type: 'uuid', nullable: true }) descriptionDocumentId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('pilot_project_partners')
export class PilotProjectPartnerEntity {
  @PrimaryColumn({ name: 'pilot_project_id', type: 'uuid' }) pilotProjectId!: string;
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
}

@Entity('pilot_project_milestones')
export class PilotProjectMilestoneEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'pilot_project_id', type: 'uuid' }) pilotProjectId!: string;
  @Column() title!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ type: 'varchar' }) status!: MilestoneStatus;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column() position!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('pilot_project_progress')
export class PilotProjectProgressEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'pilot_project_id', type: 'uuid' }) pilotProjectId!: string;
  @Column({ type: 'smallint' }) percent!: number;
  @Column() note!: string;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
