import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Language, OrganisationKind } from '@passerelle/domain';
import { IsNull, Repository } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { ProgrammeEntity } from './programme.entity';
import { ThemeEntity } from './theme.entity';

/** Programmes, their themes and organisations. Unique and foreign-key violations surface as QueryFailedError. */
@Injectable()
export class ProgrammeRepository {
  constructor(
    @InjectRepository(ProgrammeEntity) private readonly programmes: Repository<ProgrammeEntity>,
    @InjectRepository(ThemeEntity) private readonly themes: Repository<ThemeEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
  ) {}

  /** The product runs one programme: the first one created. */
  findCurrent(): Promise<ProgrammeEntity | null> {
    return this.programmes.findOne({ where: {}, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  listThemes(programmeId: string): Promise<ThemeEntity[]> {
    return this.themes.find({ where: { programmeId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  findTheme(id: string): Promise<ThemeEntity | null> {
    return this.themes.findOneBy({ id });
  }

  /** Appends the theme after the existing ones. */
  async insertTheme(programmeId: string, slug: string, names: Record<Language, string>): Promise<ThemeEntity> {
    const [row]: Array<{ id: string }> = await this.themes.query(
      `INSERT INTO themes (programme_id, slug, names, position)
       VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), -1) + 1 FROM themes WHERE programme_id = $1))
       RETURNING id`,
      [programmeId, slug, JSON.stringify(names)],
    );
    return (await this.findTheme(row.id))!;
  }

  async updateTheme(id: string, changes: { slug?: string; names?: Record<Language, string> }): Promise<ThemeEntity> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length > 0) await this.themes.update({ id }, set);
    return (await this.findTheme(id))!;
  }

  listOrganisations(filter: { cityId?: string; kind?: OrganisationKind } = {}): Promise<OrganisationEntity[]> {
    return this.organisations.find({
      where: { ...(filter.cityId ? { cityId: filter.cityId } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
      order: { name: 'ASC' },
    });
  }

  /** Partner organisations: those of the programme that belong to no city. */
  listPartners(programmeId: string): Promise<OrganisationEntity[]> {
    return this.organisations.find({
      where: { programmeId, kind: 'partner', cityId: IsNull() },
      order: { name: 'ASC' },
    });
  }

  findOrganisation(id: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOneBy({ id });
  }

  insertOrganisation(fields: {
    programmeId: string;
    name: string;
    acronym: string | null;
    kind: OrganisationKind;
    cityId: string | null;
    website: string | null;
  }): Promise<OrganisationEntity> {
    return this.organisations.save(this.organisations.create(fields));
  }
}
