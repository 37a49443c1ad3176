import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { utcToday } from '@passerelle/domain';
import { isUUID } from 'class-validator';
import type { AuthUser } from '../../core/auth/auth-user';
import { notFound } from '../../core/errors/domain.exception';
import type { CreateMilestoneDto, MilestoneResponse, UpdateMilestoneDto } from './dto/milestone.dto';
import type { CreateProgressDto, ProgressResponse } from './dto/progress.dto';
import {
  MILESTONE_CHANGED,
  PILOT_PROJECT_PROGRESS_ADDED,
  type MilestoneChangedEvent,
  type PilotProjectProgressAddedEvent,
} from './pilot-projects.events';
import { mapMilestone, mapProgress } from './pilot-projects.mapper';
import { MilestoneRecord, PilotProjectWorkRepository } from './pilot-project-work.repository';
import type { PilotProjectRecord } from './pilot-projects.repository';
import { PilotProjectsService } from './pilot-projects.service';

/**
 * The running work of a pilot project: its milestones and progress updates. Whoever manages the
 * project manages them, as long as the project is not closed (completed or cancelled).
 */
@Injectable()
export class PilotProjectWorkService {
  constructor(
    private readonly projects: PilotProjectsService,
    private readonly repo: PilotProjectWorkRepository,
    private readonly events: EventEmitter2,
  ) {}

  async addMilestone(user: AuthUser, projectId: string, dto: CreateMilestoneDto): Promise<MilestoneResponse> {
    const project = await this.projects.getChangeable(user, projectId);
    const milestone = await this.repo.insertMilestone({
      pilotProjectId: project.id,
      title: dto.title,
      dueDate: dto.dueDate,
      status: dto.status ?? 'planned',
      position: dto.position,
    });
    await this.repo.touch(project.id);
    this.emitMilestone(user, project, milestone, 'created');
    return mapMilestone(milestone, utcToday());
  }

  async updateMilestone(
    user: AuthUser,
    projectId: string,
    milestoneId: string,
    dto: UpdateMilestoneDto,
  ): Promise<MilestoneResponse> {
    const project = await this.projects.getChangeable(user, projectId);
    const before = await this.findMilestone(project, milestoneId);
    const after = (await this.repo.updateMilestone(project.id, before.id, dto)) ?? before;
    await this.repo.touch(project.id);
    this.emitMilestone(user, project, after, 'updated', before.status !== after.status ? before.status : undefined);
    return mapMilestone(after, utcToday());
  }

  async deleteMilestone(user: AuthUser, projectId: string, milestoneId: string): Promise<void> {
    const project = await this.projects.getChangeable(user, projectId);
    const milestone = await this.findMilestone(project, milestoneId);
    await this.repo.deleteMilestone(project.id, milestone.id);
    await this.repo.touch(project.id);
    this.emitMilestone(user, project, milestone, 'deleted');
  }

  async addProgress(user: AuthUser, projectId: string, dto: CreateProgressDto): Promise<ProgressResponse> {
    const project = await this.projects.getChangeable(user, projectId);
    const progress = await this.repo.insertProgress({
      pilotProjectId: project.id,
      percent: dto.percent,
      note: dto.note ?? '',
      authorId: user.id,
    });
    await this.repo.touch(project.id);
    const event: PilotProjectProgressAddedEvent = {
      pilotProjectId: project.id,
      cityId: project.cityId,
      userId: user.id,
      progressId: progress.id,
      percent: progress.percent,
    };
    this.events.emit(PILOT_PROJECT_PROGRESS_ADDED, event);
    return mapProgress(progress);
  }

  /** Every progress update of the project, newest first. */
  async listProgress(user: AuthUser, projectId: string): Promise<ProgressResponse[]> {
    const project = await this.projects.getFor(user, projectId, 'read');
    return (await this.repo.progressOf(project.id)).map(mapProgress);
  }

  private async findMilestone(project: PilotProjectRecord, milestoneId: string): Promise<MilestoneRecord> {
    const milestone = isUUID(milestoneId) ? await this.repo.findMilestone(project.id, milestoneId) : null;
    if (!milestone) throw notFound('Milestone');
    return milestone;
  }

  private emitMilestone(
    user: AuthUser,
    project: PilotProjectRecord,
    milestone: MilestoneRecord,
    change: MilestoneChangedEvent['change'],
    previousStatus?: MilestoneChangedEvent['previousStatus'],
  ): void {
    const event: MilestoneChangedEvent = {
      pilotProjectId: project.id,
      cityId: project.cityId,
      userId: user.id,
      milestoneId: milestone.id,
      change,
      title: milestone.title,
      status: milestone.status,
      dueDate: milestone.dueDate,
      ...(previousStatus ? { previousStatus } : {}),
    };
    this.events.emit(MILESTONE_CHANGED, event);
  }
}
