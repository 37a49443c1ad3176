import { Injectable } from '@nestjs/common';
import { GoodPracticesRepository } from '../good-practices.repository';

/** The token under which the seed feature finds this seeder. */
export const GOOD_PRACTICES_SEEDER = 'GoodPracticesSeeder';

/** The demo links, by natural keys of the documents, themes and pilot projects seeders' demo data. */
const DEMO_PRACTICE_CITY = 'lyon';
const DEMO_THEME = 'basic-services';
const DEMO_ADOPTION = {
  city: 'tangier',
  pilotProject: 'Job and business coaching for young migrants',
  note:
    'The coaching programme borrows the walk-in desk and the follow-up notebook shared between associations, ' +
    'so that young participants do not have to tell their story again at each service.',
};

/**
 * Classifies Lyon's demo good practice under "access to basic services" and records that Tangier
 * took it up in one of its pilot projects. Runs after the documents and pilot projects seeders;
 * idempotent (existing links are kept, missing ones added; nothing happens while a part is missing).
 */
@Injectable()
export class GoodPracticesSeeder {
  constructor(private readonly repo: GoodPracticesRepository) {}

  /** `authorUserId`: who the links are recorded by (the demo Tangier editor, say); null is allowed. */
  async seedDemo(authorUserId: string | null = null): Promise<void> {
    const targets = await this.repo.seedTargets(
      DEMO_PRACTICE_CITY,
      DEMO_THEME,
      DEMO_ADOPTION.city,
      DEMO_ADOPTION.pilotProject,
    );
    if (!targets) return;
    if (targets.themeId) await this.repo.addThemes(targets.practiceId, [targets.themeId], authorUserId);
    if (targets.project) {
      await this.repo.insertAdoption({
        documentId: targets.practiceId,
        cityId: targets.project.cityId,
        pilotProjectId: targets.project.id,
        note: DEMO_ADOPTION.note,
        createdBy: authorUserId,
      });
    }
  }
}
