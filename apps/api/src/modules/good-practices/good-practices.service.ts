import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { isUUID } from 'class-validator';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, conflict, DomainException, forbidden, notFound } from '../../core/errors/domain.exception';
import { DocumentsService } from '../documents/documents.service';
import type {
  AddThemesDto,
  CreateAdoptionDto,
  GoodPracticeAdoption,
  GoodPracticeResponse,
  ListGoodPracticesQuery,
} from './dto/good-practice.dto';
import {
  GOOD_PRACTICE_ADOPTED,
  GOOD_PRACTICE_ADOPTION_REMOVED,
  GOOD_PRACTICE_THEMES_CHANGED,
  type GoodPracticeAdoptionEvent,
  type GoodPracticeThemesChangedEvent,
} from './good-practices.events';
import { mapAdoption, mapGoodPractice, mapTheme } from './good-practices.mapper';
import { AdoptionRecord, GoodPracticeRecord, GoodPracticesRepository } from './good-practices.repository';

/**
 * The good-practice library: good-practice documents (published ones, and drafts the caller may
 * read), the themes they are classified under and the cities and pilot projects that took them up.
 * Reading a practice follows the document's access; classifying it is for those who edit it (its
 * city's editors) or publish it (coordinators); recording an adoption is for those who manage the
 * adopting city's pilot projects (its editors, coordinators).
 */
@Injectable()
export class GoodPracticesService {
  constructor(
    private readonly repo: GoodPracticesRepository,
    private readonly documents: DocumentsService,
    private readonly access: AccessService,
    private readonly events: EventEmitter2,
  ) {}

  async list(user: AuthUser, query: ListGoodPracticesQuery): Promise<GoodPracticeResponse[]> {
    const practices = await this.repo.findReadable(this.access.readableDocumentsSql(user, 'd', 1), query);
    return this.toResponses(user, practices);
  }

  async get(user: AuthUser, documentId: string): Promise<GoodPracticeResponse> {
    return (await this.toResponses(user, [await this.practiceFor(user, documentId)]))[0];
  }

  async addThemes(user: AuthUser, documentId: string, dto: AddThemesDto): Promise<GoodPracticeResponse> {
    const practice = await this.classifiable(user, documentId);
    const known = await this.repo.themesInProgramme(dto.themeIds, practice.programmeId);
    if (known.length !== dto.themeIds.length) {
      throw badRequest('themeIds must be themes of the practice’s programme', ['themeIds']);
    }
    if ((await this.repo.addThemes(practice.id, dto.themeIds, user.id)) > 0) {
      this.emitThemes({ documentId: practice.id, userId: user.id, added: dto.themeIds, removed: [] });
    }
    return this.get(user, practice.id);
  }

  async removeTheme(user: AuthUser, documentId: string, themeId: string): Promise<void> {
    const practice = await this.classifiable(user, documentId);
    if (!isUUID(themeId) || !(await this.repo.removeTheme(practice.id, themeId))) {
      throw notFound('Theme of this practice');
    }
    this.emitThemes({ documentId: practice.id, userId: user.id, added: [], removed: [themeId] });
  }

  async addAdoption(user: AuthUser, documentId: string, dto: CreateAdoptionDto): Promise<GoodPracticeAdoption> {
    const practice = await this.practiceFor(user, documentId);
    const city = await this.repo.findCity(dto.cityId);
    if (!city || !this.access.canOnCity(user, 'read_pilot_projects', city.id)) throw notFound('City');
    if (!this.access.canOnCity(user, 'manage_pilot_projects', city.id)) {
      throw forbidden('You may not record what this city takes up');
    }
    if (city.programmeId !== practice.programmeId) {
      throw badRequest('cityId must be a city of the practice’s programme', ['cityId']);
    }
    if (city.id === practice.cityId) throw badRequest('A city does not take up its own practice', ['cityId']);
    const pilotProjectId = dto.pilotProjectId ?? null;
    if (pilotProjectId && (await this.repo.pilotProjectCity(pilotProjectId)) !== city.id) {
      throw badRequest('pilotProjectId must be a pilot project of that city', ['pilotProjectId']);
    }
    const id = await this.repo.insertAdoption({
      documentId: practice.id,
      cityId: city.id,
      pilotProjectId,
      note: dto.note ?? '',
      createdBy: user.id,
    });
    if (!id) throw conflict('This city has already recorded taking up this practice (with this pilot project)');
    const event: GoodPracticeAdoptionEvent = {
      documentId: practice.id,
      adoptionId: id,
      cityId: city.id,
      pilotProjectId,
      userId: user.id,
    };
    this.events.emit(GOOD_PRACTICE_ADOPTED, event);
    return this.mapAdoption(user, (await this.repo.findAdoption(practice.id, id))!);
  }

  async removeAdoption(user: AuthUser, documentId: string, adoptionId: string): Promise<void> {
    const practice = await this.practiceFor(user, documentId);
    const adoption = isUUID(adoptionId) ? await this.repo.findAdoption(practice.id, adoptionId) : null;
    if (!adoption) throw notFound('Adoption');
    if (!this.access.canOnCity(user, 'manage_pilot_projects', adoption.cityId)) {
      throw forbidden('You may not change what this city takes up');
    }
    await this.repo.deleteAdoption(adoption.id);
    const event: GoodPracticeAdoptionEvent = {
      documentId: practice.id,
      adoptionId: adoption.id,
      cityId: adoption.cityId,
      pilotProjectId: adoption.pilotProjectId,
      userId: user.id,
    };
    this.events.emit(GOOD_PRACTICE_ADOPTION_REMOVED, event);
  }

  /** The practice when the caller may read it: 404 for documents out of reach and for other kinds. */
  private async practiceFor(user: AuthUser, documentId: string): Promise<GoodPracticeRecord> {
    try {
      const doc = await this.documents.getFor(user, documentId, 'read');
      const practice = doc.kind === 'good_practice' ? await this.repo.findById(doc.id) : null;
      if (!practice) throw notFound('Good practice');
      return practice;
    } catch (error) {
      if (error instanceof DomainException && error.code === 'not_found') throw notFound('Good practice');
      throw error;
    }
  }

  private async classifiable(user: AuthUser, documentId: string): Promise<GoodPracticeRecord> {
    const practice = await this.practiceFor(user, documentId);
    if (!this.canClassify(user, practice)) throw forbidden('You may not classify this practice');
    return practice;
  }

  /** Its city's editors (whatever its status: classifying is not editing the text) and those who publish it. */
  private canClassify(user: AuthUser, practice: GoodPracticeRecord): boolean {
    const ref = { cityId: practice.cityId, published: practice.published };
    return this.access.can(user, 'edit', ref) || this.access.can(user, 'publish', ref);
  }

  private mapAdoption(user: AuthUser, adoption: AdoptionRecord): GoodPracticeAdoption {
    return mapAdoption(
      adoption,
      this.access.canOnCity(user, 'read_pilot_projects', adoption.cityId),
      this.access.canOnCity(user, 'manage_pilot_projects', adoption.cityId),
    );
  }

  private async toResponses(user: AuthUser, practices: GoodPracticeRecord[]): Promise<GoodPracticeResponse[]> {
    const ids = practices.map((p) => p.id);
    const [themes, adoptions] = await Promise.all([this.repo.themesOf(ids), this.repo.adoptionsOf(ids)]);
    return practices.map((p) =>
      mapGoodPractice(
        p,
        themes.filter((t) => t.documentId === p.id).map(mapTheme),
        adoptions.filter((a) => a.documentId === p.id).map((a) => this.mapAdoption(user, a)),
        this.canClassify(user, p),
      ),
    );
  }

  private emitThemes(event: GoodPracticeThemesChangedEvent): void {
    this.events.emit(GOOD_PRACTICE_THEMES_CHANGED, event);
  }
}
