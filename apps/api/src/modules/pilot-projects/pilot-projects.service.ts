import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { canTransitionPilotProject, isFinalPilotProjectStatus, utcToday, type Language } from '@passerelle/domain';
import { isUUID } from 'class-validator';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors/domain.exception';
import { DocumentsService } from '../documents/documents.service';
import type {
  CreatePilotProjectDto,
  ListPilotProjectsQuery,
  PilotProjectResponse,
  UpdatePilotProjectDto,
} from './dto/pilot-project.dto';
import {
  PILOT_PROJECT_CREATED,
  PILOT_PROJECT_STATUS_CHANGED,
  PILOT_PROJECT_UPDATED,
  type PilotProjectCreatedEvent,
  type PilotProjectStatusChangedEvent,
  type PilotProjectUpdatedEvent,
} from './pilot-projects.events';
import { PilotProjectWorkRepository } from './pilot-project-work.repository';
import { mapPilotProject } from './pilot-projects.mapper';
import { PilotProjectFields, PilotProjectRecord, PilotProjectsRepository } from './pilot-projects.repository';

/** The fields of a project that an update compares one by one (partners are compared as a set). */
const SCALAR_FIELDS = [
  'title',
  'summary',
  'themeId',
  'priority',
  'leadOrganisationId',
  'startDate',
  'endDate',
  'budget',
  'currency',
] as const;

/**
 * Pilot projects of the Action phase. The city's members and the coordinators read them; its
 * editors and the coordinators manage them; a project out of the caller's reach is "not found".
 */
@Injectable()
export class PilotProjectsService {
  constructor(
    private readonly repo: PilotProjectsRepository,
    private readonly work: PilotProjectWorkRepository,
    private readonly access: AccessService,
    private readonly documents: DocumentsService,
    private readonly events: EventEmitter2,
  ) {}

  async list(user: AuthUser, query: ListPilotProjectsQuery): Promise<PilotProjectResponse[]> {
    let cityIds = (await this.repo.allCityIds()).filter((id) => this.access.canOnCity(user, 'read_pilot_projects', id));
    if (query.cityId) cityIds = cityIds.filter((id) => id === query.cityId);
    if (cityIds.length === 0) return [];
    const projects = await this.repo.findMany({ cityIds, status: query.status, themeId: query.themeId });
    return this.toResponses(user, projects);
  }

  async get(user: AuthUser, id: string): Promise<PilotProjectResponse> {
    return this.toResponse(user, await this.getFor(user, id, 'read'));
  }

  /** The project when the caller may read it (404 otherwise) and, for 'manage', change it (403 otherwise). */
  async getFor(user: AuthUser, id: string, action: 'read' | 'manage'): Promise<PilotProjectRecord> {
    const project = isUUID(id) ? await this.repo.findById(id) : null;
    if (!project || !this.access.canOnCity(user, 'read_pilot_projects', project.cityId)) {
      throw notFound('Pilot project');
    }
    if (action === 'manage' && !this.access.canOnCity(user, 'manage_pilot_projects', project.cityId)) {
      throw forbidden('You may not manage the pilot projects of this city');
    }
    return project;
  }

  /** As `getFor(…, 'manage')`, and 409 when the project is completed or cancelled: a closed record. */
  async getChangeable(user: AuthUser, id: string): Promise<PilotProjectRecord> {
    const project = await this.getFor(user, id, 'manage');
    if (isFinalPilotProjectStatus(project.status)) {
      throw conflict(`This pilot project is ${project.status}: it can no longer change`);
    }
    return project;
  }

  async create(user: AuthUser, dto: CreatePilotProjectDto): Promise<PilotProjectResponse> {
    const city = await this.repo.findCity(dto.cityId);
    if (!city || !this.access.canOnCity(user, 'read_pilot_projects', city.id)) throw notFound('City');
    if (!this.access.canOnCity(user, 'manage_pilot_projects', city.id)) {
      throw forbidden('You may not create pilot projects in this city');
    }
    const fields: PilotProjectFields = {
      title: dto.title,
      summary: dto.summary ?? '',
      themeId: dto.themeId ?? null,
      priority: dto.priority ?? null,
      leadOrganisationId: dto.leadOrganisationId ?? null,
      startDate: dto.startDate ?? null,
      endDate: dto.endDate ?? null,
      budget: dto.budget ?? null,
      currency: dto.currency ?? null,
    };
    const partners = dto.partnerOrganisationIds ?? [];
    await this.checkReferences(city.programmeId, fields, partners);
    this.checkConsistency(fields);
    const id = await this.repo.transaction(async (tx) => {
      const newId = await this.repo.insert({ ...fields, cityId: city.id, title: dto.title, createdBy: user.id }, tx);
      await this.repo.setPartners(newId, partners, tx);
      return newId;
    });
    await this.attachDescription(user, id, city.id, dto.title, dto.language);
    const event: PilotProjectCreatedEvent = { pilotProjectId: id, cityId: city.id, userId: user.id, title: dto.title };
    this.events.emit(PILOT_PROJECT_CREATED, event);
    return this.toResponse(user, (await this.repo.findById(id))!);
  }

  async update(user: AuthUser, id: string, dto: UpdatePilotProjectDto): Promise<PilotProjectResponse> {
    const project = await this.getFor(user, id, 'manage');
    const fields: PilotProjectFields = {};
    const changes: string[] = [];
    for (const key of SCALAR_FIELDS) {
      const value = key === 'summary' && dto.summary === null ? '' : dto[key];
      if (value === undefined || value === project[key]) continue;
      (fields as Record<string, unknown>)[key] = value;
      changes.push(key);
    }
    const partners = dto.partnerOrganisationIds === undefined ? undefined : (dto.partnerOrganisationIds ?? []);
    if (partners && !sameSet(partners, project.partnerOrganisationIds)) changes.push('partnerOrganisationIds');
    const statusChange = dto.status !== undefined && dto.status !== project.status ? dto.status : undefined;

    if (changes.length === 0 && !statusChange) return this.toResponse(user, project);
    if (isFinalPilotProjectStatus(project.status)) {
      throw conflict(`This pilot project is ${project.status}: it can no longer change`);
    }
    if (statusChange && !canTransitionPilotProject(project.status, statusChange)) {
      throw conflict(`A pilot project cannot go from ${project.status} to ${statusChange}`);
    }
    await this.checkReferences(project.programmeId, fields, partners ?? []);
    this.checkConsistency({ ...project, ...fields });

    await this.repo.transaction(async (tx) => {
      await this.repo.update(project.id, { ...fields, status: statusChange }, tx);
      if (partners && changes.includes('partnerOrganisationIds')) await this.repo.setPartners(project.id, partners, tx);
    });
    const base = { pilotProjectId: project.id, cityId: project.cityId, userId: user.id };
    if (changes.length > 0) {
      const event: PilotProjectUpdatedEvent = { ...base, changes };
      this.events.emit(PILOT_PROJECT_UPDATED, event);
    }
    if (statusChange) {
      const event: PilotProjectStatusChangedEvent = { ...base, from: project.status, to: statusChange };
      this.events.emit(PILOT_PROJECT_STATUS_CHANGED, event);
    }
    return this.toResponse(user, (await this.repo.findById(project.id))!);
  }

  async toResponse(user: AuthUser, project: PilotProjectRecord): Promise<PilotProjectResponse> {
    const [response] = await this.toResponses(user, [project]);
    return response;
  }

  private async toResponses(user: AuthUser, projects: PilotProjectRecord[]): Promise<PilotProjectResponse[]> {
    const ids = projects.map((p) => p.id);
    const [milestones, latest] = await Promise.all([this.work.milestonesOf(ids), this.work.latestProgressOf(ids)]);
    const today = utcToday();
    return projects.map((project) =>
      mapPilotProject(project, {
        milestones: milestones.filter((m) => m.pilotProjectId === project.id),
        latest: latest.find((p) => p.pilotProjectId === project.id) ?? null,
        canManage: this.access.canOnCity(user, 'manage_pilot_projects', project.cityId),
        today,
      }),
    );
  }

  /**
   * The co-edited description is a `note` of the city. A project without its description is not
   * what was asked for, so if the note cannot be made the project is removed again.
   */
  private async attachDescription(
    user: AuthUser,
    projectId: string,
    cityId: string,
    title: string,
    language: Language | undefined,
  ): Promise<void> {
    try {
      const doc = await this.documents.create(user, { cityId, kind: 'note', title, language });
      await this.repo.update(projectId, { descriptionDocumentId: doc.id });
    } catch (error) {
      await this.repo.delete(projectId);
      throw error;
    }
  }

  private async checkReferences(programmeId: string, fields: PilotProjectFields, partners: string[]): Promise<void> {
    if (fields.themeId && !(await this.repo.themeInProgramme(fields.themeId, programmeId))) {
      throw badRequest('themeId must be a theme of the programme', ['themeId']);
    }
    if (fields.leadOrganisationId) {
      const found = await this.repo.existingOrganisations([fields.leadOrganisationId]);
      if (found.length === 0)
        throw badRequest('leadOrganisationId must be an existing organisation', ['leadOrganisationId']);
    }
    if (partners.length > 0) {
      const found = new Set(await this.repo.existingOrganisations(partners));
      const missing = partners.filter((p) => !found.has(p));
      if (missing.length > 0) {
        throw badRequest(`partnerOrganisationIds has unknown organisations: ${missing.join(', ')}`, [
          'partnerOrganisationIds',
        ]);
      }
    }
  }

  /** Rules across fields, checked on the project as it would be after the change. */
  private checkConsistency(p: PilotProjectFields): void {
    if (p.startDate && p.endDate && p.endDate < p.startDate) {
      throw badRequest('endDate must not be before startDate', ['endDate']);
    }
    if (p.budget !== null && p.budget !== undefined && !p.currency) {
      throw badRequest('currency is required with a budget', ['currency']);
    }
  }
}

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
