import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  EVENT_KINDS,
  PHASES,
  type DocumentKind,
  type DocumentStatus,
  type EventKind,
  type Language,
  type Phase,
} from '@passerelle/domain';

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class DashboardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'one programme (every city of every programme when omitted)' })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

/** One bar or slice of a chart. */
export class KeyCount {
  @ApiProperty({ example: 'draft' }) key!: string;
  @ApiProperty() count!: number;
}

export class DashboardCityRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class TitledRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

export class PersonRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class TargetRef {
  @ApiProperty({ example: 'pilot_project' }) type!: string;
  @ApiProperty() id!: string;
}

export class KeyDocumentState {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty() published!: boolean;
}

export class CityDialogue {
  @ApiProperty({ description: 'events the city hosted or took part in that are over' }) eventsHeld!: number;
  @ApiProperty({ description: 'events to come' }) eventsUpcoming!: number;
}

export class CityKnowledge {
  @ApiProperty({ type: KeyDocumentState, nullable: true }) migrationProfile!: KeyDocumentState | null;
  @ApiProperty({ type: KeyDocumentState, nullable: true }) priorityPaper!: KeyDocumentState | null;
  @ApiProperty({ description: 'key figures of the catalogue with at least one value' }) indicatorsFilled!: number;
  @ApiProperty({ description: 'key figures in the catalogue' }) indicatorsTotal!: number;
}

export class CityAction {
  @ApiProperty() pilotProjects!: number;
  @ApiProperty({ type: KeyCount, isArray: true, description: 'every status, zeros included' }) byStatus!: KeyCount[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'mean of the latest progress (completed = 100) of projects approved, in progress, on hold or completed',
  })
  averageProgress!: number | null;
}

export class DashboardCity extends DashboardCityRef {
  @ApiProperty({ enum: PHASES }) phase!: Phase;
  @ApiProperty({ type: CityDialogue }) dialogue!: CityDialogue;
  @ApiProperty({ type: CityKnowledge }) knowledge!: CityKnowledge;
  @ApiProperty({ type: CityAction }) action!: CityAction;
  @ApiProperty({ type: KeyCount, isArray: true, description: 'its documents by status, zeros included' })
  documentsByStatus!: KeyCount[];
}

export class ThemeCount extends KeyCount {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: projects without a theme' })
  themeId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  names!: Partial<Record<Language, string>>;
}

export class OverdueMilestone {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '2025-03-01' }) dueDate!: string;
  @ApiProperty({ enum: ['planned', 'in_progress'] }) status!: string;
  @ApiProperty({ description: 'days past the due date' }) daysOverdue!: number;
  @ApiProperty({ type: TitledRef }) pilotProject!: TitledRef;
  @ApiProperty({ type: DashboardCityRef }) city!: DashboardCityRef;
}

export class UpcomingEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind!: EventKind;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: DashboardCityRef, nullable: true }) hostCity!: DashboardCityRef | null;
}

export class RecentActivity {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'document.adopted' }) verb!: string;
  @ApiProperty({ type: PersonRef, nullable: true }) actor!: PersonRef | null;
  @ApiProperty({ type: DashboardCityRef, nullable: true }) city!: DashboardCityRef | null;
  @ApiProperty({ type: TitledRef, nullable: true }) document!: TitledRef | null;
  @ApiProperty({ type: TargetRef, nullable: true }) target!: TargetRef | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class RecentDocument {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty({ type: DashboardCityRef, nullable: true }) city!: DashboardCityRef | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class DashboardTotals {
  @ApiProperty() cities!: number;
  @ApiProperty() documents!: number;
  @ApiProperty() pilotProjects!: number;
  @ApiProperty() overdueMilestones!: number;
  @ApiProperty() upcomingEvents!: number;
}

export class DashboardResponse {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: DashboardTotals }) totals!: DashboardTotals;
  @ApiProperty({ type: KeyCount, isArray: true, description: 'cities per phase' }) citiesByPhase!: KeyCount[];
  @ApiProperty({ type: DashboardCity, isArray: true }) cities!: DashboardCity[];
  @ApiProperty({ type: KeyCount, isArray: true }) documentsByStatus!: KeyCount[];
  @ApiProperty({ type: KeyCount, isArray: true }) pilotProjectsByStatus!: KeyCount[];
  @ApiProperty({ type: ThemeCount, isArray: true, description: 'key: the theme slug, or "none"' })
  pilotProjectsByTheme!: ThemeCount[];
  @ApiProperty({ type: OverdueMilestone, isArray: true, description: 'most overdue first (at most 50)' })
  overdueMilestones!: OverdueMilestone[];
  @ApiProperty({ type: UpcomingEvent, isArray: true, description: 'the next five' }) upcomingEvents!: UpcomingEvent[];
  @ApiProperty({ type: RecentActivity, isArray: true, description: 'the programme feed, newest first' })
  recentActivity!: RecentActivity[];
  @ApiProperty({ type: RecentDocument, isArray: true, description: 'last changed documents' })
  recentDocuments!: RecentDocument[];
}
