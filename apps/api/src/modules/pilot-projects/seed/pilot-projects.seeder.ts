import { Injectable } from '@nestjs/common';
import { PrincipalService } from '../../../core/auth/principal.service';
import { PilotProjectWorkService } from '../pilot-project-work.service';
import { PilotProjectsRepository } from '../pilot-projects.repository';
import { PilotProjectsService } from '../pilot-projects.service';
import { DEMO_PILOT_PROJECTS } from './demo-pilot-projects';

/** The token under which the seed feature finds this seeder. */
export const PILOT_PROJECTS_SEEDER = 'PilotProjectsSeeder';

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Adds the demo pilot projects that are missing (matched on city and title), as their city's
 * editor would: through the same service and rules, so each gets its description note.
 */
@Injectable()
export class PilotProjectsSeeder {
  constructor(
    private readonly projects: PilotProjectsService,
    private readonly work: PilotProjectWorkService,
    private readonly repo: PilotProjectsRepository,
    private readonly principals: PrincipalService,
  ) {}

  /** `editorUserIds`: the editor who authors each city's projects, by city slug; cities without one are skipped. */
  async seedDemoPilotProjects(
    cities: Array<{ id: string; slug: string }>,
    editorUserIds: Record<string, string>,
  ): Promise<void> {
    for (const demo of DEMO_PILOT_PROJECTS) {
      const city = cities.find((c) => c.slug === demo.city);
      const editorId = editorUserIds[demo.city];
      if (!city || !editorId || (await this.repo.findByTitle(city.id, demo.title))) continue;
      const editor = await this.principals.load(editorId);
      if (!editor) continue;
      const programme = await this.repo.findCity(city.id);
      const organisations = await this.repo.organisationIdsByName([
        ...(demo.leadOrganisation ? [demo.leadOrganisation] : []),
        ...demo.partners,
      ]);
      const created = await this.projects.create(editor, {
        cityId: city.id,
        title: demo.title,
        summary: demo.summary,
        themeId: programme ? await this.repo.themeIdBySlug(programme.programmeId, demo.theme) : null,
        priority: demo.priority,
        leadOrganisationId: demo.leadOrganisation ? (organisations.get(demo.leadOrganisation) ?? null) : null,
        partnerOrganisationIds: demo.partners.map((p) => organisations.get(p)).filter((id): id is string => !!id),
        startDate: day(demo.startDay),
        endDate: day(demo.endDay),
        budget: demo.budget,
        currency: demo.currency,
      });
      for (const status of demo.path) await this.projects.update(editor, created.id, { status });
      for (const m of demo.milestones) {
        await this.work.addMilestone(editor, created.id, { title: m.title, dueDate: day(m.dueDay), status: m.status });
      }
      for (const p of demo.progress) await this.work.addProgress(editor, created.id, p);
    }
  }
}
