import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EventKind } from '@passerelle/domain';

export interface AgendaItem {
  /** Free text such as `09:30` or `Day 2, 14:00`. */
  time?: string;
  title: string;
}

/** The schema of the Dialogue phase's events in code; the SQL itself lives in EventsRepository. */
@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'programme_id', type: 'uuid' }) programmeId!: string;
  @Column({ type: 'varchar' }) kind!: EventKind;
  @Column() title!: string;
  @Column() description!: string;
  /** Null for online and regional events that no city hosts. */
  @Column({ name: 'host_city_id', type: 'uuid', nullable: true }) hostCityId!: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'varchar', nullable: true }) location!: string | null;
  @Column({ name: 'online_url', type: 'varchar', nullable: true }) onlineUrl!: string | null;
  @Column({ type: 'jsonb' }) agenda!: AgendaItem[];
  @Column({ name: 'minutes_document_id', type: 'uuid', nullable: true }) minutesDocumentId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** The cities taking part (the host city among them). */
@Entity('event_cities')
export class EventCityEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @PrimaryColumn({ name: 'city_id', type: 'uuid' }) cityId!: string;
}

@Entity('event_participants')
export class EventParticipantEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
}
