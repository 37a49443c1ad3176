import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AccessService } from '../../core/access/access.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { badRequest, conflict, notFound } from '../../core/errors/domain.exception';
import { CreateOrganisationDto, mapOrganisation, OrganisationResponse } from './dto/organisation.dto';
import { mapProgramme, ProgrammeResponse } from './dto/programme.dto';
import { CreateThemeDto, mapTheme, ThemeResponse, UpdateThemeDto } from './dto/theme.dto';
import { OrganisationEntity } from './organisation.entity';
import { pgError, PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION } from './pg-error';
import { ProgrammeEntity } from './programme.entity';
import { ProgrammeRepository } from './programme.repository';

/** The programme, its shared priorities (themes) and its organisations. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly repo: ProgrammeRepository,
    private readonly access: AccessService,
  ) {}

  /** The programme the product runs; 404 before the first one exists. */
  async current(): Promise<ProgrammeEntity> {
    const programme = await this.repo.findCurrent();
    if (!programme) throw notFound('Programme');
    return programme;
  }

  async describe(): Promise<ProgrammeResponse> {
    const programme = await this.current();
    const [partners, themes] = await Promise.all([
      this.repo.listPartners(programme.id),
      this.repo.listThemes(programme.id),
    ]);
    return mapProgramme(programme, partners.map(mapOrganisation), themes.map(mapTheme));
  }

  async listThemes(): Promise<ThemeResponse[]> {
    const programme = await this.repo.findCurrent();
    return programme ? (await this.repo.listThemes(programme.id)).map(mapTheme) : [];
  }

  async createTheme(user: AuthUser, dto: CreateThemeDto): Promise<ThemeResponse> {
    this.access.assertProgramme(user, 'manage_themes');
    const programme = await this.current();
    const theme = await this.uniqueSlug(dto.slug, () =>
      this.repo.insertTheme(programme.id, dto.slug, { en: dto.names.en, fr: dto.names.fr, ar: dto.names.ar }),
    );
    return mapTheme(theme);
  }

  async updateTheme(user: AuthUser, id: string, dto: UpdateThemeDto): Promise<ThemeResponse> {
    this.access.assertProgramme(user, 'manage_themes');
    const existing = isUUID(id) ? await this.repo.findTheme(id) : null;
    if (!existing) throw notFound('Theme');
    const names = dto.names ? { ...existing.names, ...dto.names } : undefined;
    const theme = await this.uniqueSlug(dto.slug ?? existing.slug, () =>
      this.repo.updateTheme(id, { slug: dto.slug, names }),
    );
    return mapTheme(theme);
  }

  async listOrganisations(cityId?: string): Promise<OrganisationResponse[]> {
    return (await this.repo.listOrganisations({ cityId })).map(mapOrganisation);
  }

  /** For other modules (memberships name the organisation a person acts for). */
  findOrganisation(id: string): Promise<OrganisationEntity | null> {
    return isUUID(id) ? this.repo.findOrganisation(id) : Promise.resolve(null);
  }

  async createOrganisation(user: AuthUser, dto: CreateOrganisationDto): Promise<OrganisationResponse> {
    // Organisations are programme reference data, kept by the same people who keep its themes.
    this.access.assertProgramme(user, 'manage_themes');
    if (dto.kind === 'partner' && dto.cityId) {
      throw badRequest('cityId must be empty for a partner organisation, which works with every city', ['cityId']);
    }
    if (dto.kind === 'city_department' && !dto.cityId) {
      throw badRequest('cityId is required for a city department', ['cityId']);
    }
    const programme = await this.current();
    try {
      const organisation = await this.repo.insertOrganisation({
        programmeId: programme.id,
        name: dto.name,
        acronym: dto.acronym ?? null,
        kind: dto.kind,
        cityId: dto.cityId ?? null,
        website: dto.website ?? null,
      });
      return mapOrganisation(organisation);
    } catch (error) {
      const pg = pgError(error);
      if (pg?.code === PG_UNIQUE_VIOLATION) throw conflict(`An organisation named "${dto.name}" already exists`);
      if (pg?.code === PG_FOREIGN_KEY_VIOLATION) throw notFound('City');
      throw error;
    }
  }

  private async uniqueSlug<T>(slug: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (pgError(error)?.code === PG_UNIQUE_VIOLATION) throw conflict(`A theme with slug "${slug}" already exists`);
      throw error;
    }
  }
}
