import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  DOCUMENT_KIND_PHASE,
  defaultTitle,
  templateContent,
  themeName,
  writeProseMirrorJSON,
  type PMNode,
} from '@passerelle/content';
import type { DocumentKind, Language } from '@passerelle/domain';
import * as Y from 'yjs';
import { cityLanguage, cityNameIn, DocumentsService } from '../documents.service';
import { DocumentsRepository, ProgrammeTheme } from '../documents.repository';
import { fillSections, unmatchedSections } from './fill-sections';
import { LYON_GOOD_PRACTICE, LYON_GOOD_PRACTICE_TITLE, LYON_PRIORITY_PAPER } from './lyon-texts';

export interface SeedCity {
  id: string;
  slug: string;
  name: string;
  languages: string[];
}

/**
 * What the versions feature offers the seeder, under this token. Resolved lazily through the
 * module graph because versions depends on documents, not the other way round.
 */
export const VERSION_WRITER = 'VersionWriter';
export interface VersionWriter {
  createVersion(documentId: string, label: string, reason: 'adoption', userId: string | null): Promise<unknown>;
}

const CITY_KINDS: readonly DocumentKind[] = ['migration_profile', 'priority_paper'];
const PUBLISHED_PRACTICE_CITY = 'lyon';

/**
 * The demo documents, called by the seed at the end of every run: each city's migration profile
 * and priority paper made from templates in the city's first working language, Lyon's priority
 * paper half-written for the demo, and one adopted, published good practice. Idempotent: a city
 * that already has a document of a kind gets no other.
 */
@Injectable()
export class DocumentsSeeder {
  private readonly logger = new Logger('DocumentsSeeder');

  constructor(
    private readonly documents: DocumentsService,
    private readonly repo: DocumentsRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  async seedCityDocuments(programmeId: string, cities: SeedCity[], authorUserId: string): Promise<void> {
    const themes = await this.repo.themes(programmeId);
    let created = 0;
    for (const seedCity of cities) {
      const city = await this.repo.findCity(seedCity.id);
      if (!city) continue;
      const language = cityLanguage(seedCity);
      const cityName = cityNameIn(city, language);
      for (const kind of CITY_KINDS) {
        if (await this.repo.existsForCity(city.id, kind)) continue;
        const title = defaultTitle(kind, language, cityName);
        const written = seedCity.slug === 'lyon' && kind === 'priority_paper' && language === 'fr';
        await this.documents.createDocument({
          programmeId,
          cityId: city.id,
          kind,
          title,
          language,
          phase: DOCUMENT_KIND_PHASE[kind],
          createdBy: authorUserId,
          cityName,
          content: written ? this.lyonPriorityPaper(title, themes) : undefined,
        });
        created += 1;
      }
    }
    if (await this.seedPublishedPractice(programmeId, cities, authorUserId)) created += 1;
    if (created > 0) this.logger.log(`Created ${created} demo documents`);
  }

  private async seedPublishedPractice(programmeId: string, cities: SeedCity[], authorUserId: string): Promise<boolean> {
    const city = cities.find((c) => c.slug === PUBLISHED_PRACTICE_CITY);
    if (!city || (await this.repo.existsForCity(city.id, 'good_practice'))) return false;
    const language: Language = 'fr';
    const template = templateContent('good_practice', language, { title: LYON_GOOD_PRACTICE_TITLE });
    this.warnUnmatched('good practice', template, LYON_GOOD_PRACTICE);
    const doc = await this.documents.createDocument({
      programmeId,
      cityId: city.id,
      kind: 'good_practice',
      title: LYON_GOOD_PRACTICE_TITLE,
      language,
      phase: DOCUMENT_KIND_PHASE.good_practice,
      createdBy: authorUserId,
      status: 'adopted',
      published: true,
      content: toUpdate(fillSections(template, LYON_GOOD_PRACTICE)),
    });
    // Adoption freezes a version; the seeded practice has one like any adopted document.
    await this.moduleRef
      .get<VersionWriter>(VERSION_WRITER, { strict: false })
      .createVersion(doc.id, 'Adoption', 'adoption', authorUserId);
    return true;
  }

  private lyonPriorityPaper(title: string, themes: ProgrammeTheme[]): Uint8Array {
    const template = templateContent('priority_paper', 'fr', { title, themes });
    const fills = new Map<string, PMNode[]>([
      ['Introduction', LYON_PRIORITY_PAPER.introduction],
      ['Adoption et acteurs', LYON_PRIORITY_PAPER.adoption],
    ]);
    for (const theme of themes) {
      const text = LYON_PRIORITY_PAPER.themes[theme.slug];
      if (text) fills.set(themeName(theme, 'fr'), text);
    }
    this.warnUnmatched('priority paper', template, fills);
    return toUpdate(fillSections(template, fills));
  }

  private warnUnmatched(what: string, template: PMNode[], fills: ReadonlyMap<string, PMNode[]>): void {
    const missing = unmatchedSections(template, fills);
    if (missing.length > 0) this.logger.warn(`The ${what} template has no section ${missing.join(', ')}`);
  }
}

function toUpdate(nodes: PMNode[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    writeProseMirrorJSON(doc.getXmlFragment('default'), nodes);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
