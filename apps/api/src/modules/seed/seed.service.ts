import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { AppConfig } from '../../core/config/config';
import { DEMO_CITIES, DEMO_ORGANISATIONS, DEMO_PROGRAMME, DEMO_THEMES } from './demo-data';
import { DEMO_USERS } from './demo-users';
import { EVENTS_SEEDER, EventsSeeder } from '../events/seed/events.seeder';
import { GOOD_PRACTICES_SEEDER, GoodPracticesSeeder } from '../good-practices/seed/good-practices.seeder';
import { INDICATORS_SEEDER, IndicatorsSeeder } from '../indicators/seed/indicators.seeder';
import { PILOT_PROJECTS_SEEDER, PilotProjectsSeeder } from '../pilot-projects/seed/pilot-projects.seeder';
import { DOCUMENTS_SEEDER, DocumentsSeederPort, SeedCity } from './documents-seeder.port';
import { Ensured, SeedRepository, SeedTransaction } from './seed.repository';

export interface SeedSummary {
  programmeId: string;
  cities: SeedCity[];
  /** The demo coordinator, author of the cities' seeded documents. */
  coordinatorId: string | null;
  /** The demo editors by city slug, authors of the seeded pilot projects. */
  editorIds: Record<string, string>;
  /** Rows this run added (zero on every run after the first). */
  created: number;
}

/**
 * Loads the demo data of the spec. Idempotent: rows are matched on natural keys (slugs,
 * lower(email), organisation name, (user, city)) and only missing ones are added; existing rows are
 * never changed, so a restart does not undo a phase or a password that someone changed.
 * A demo user's memberships are granted when the user is created, for the same reason: a
 * membership a coordinator removed stays removed.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');
  /** Runs in this process wait for each other; other instances wait on the database lock. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: SeedRepository,
    private readonly config: AppConfig,
    @Inject(INDICATORS_SEEDER) private readonly indicators: IndicatorsSeeder,
    @Inject(EVENTS_SEEDER) private readonly events: EventsSeeder,
    @Inject(PILOT_PROJECTS_SEEDER) private readonly pilotProjects: PilotProjectsSeeder,
    @Inject(GOOD_PRACTICES_SEEDER) private readonly goodPractices: GoodPracticesSeeder,
    @Optional() @Inject(DOCUMENTS_SEEDER) private readonly docs?: DocumentsSeederPort,
  ) {}

  run(): Promise<SeedSummary> {
    const next = this.queue.then(() => this.repo.withSeedLock(this.config.DATABASE_POOL_SIZE, () => this.runOnce()));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runOnce(): Promise<SeedSummary> {
    const summary = await this.repo.inTransaction((tx) => this.seed(tx));
    // After the commit, still under the lock: the documents feature writes through its own connections.
    if (this.docs && summary.coordinatorId) {
      await this.docs.seedCityDocuments(summary.programmeId, summary.cities, summary.coordinatorId);
    }
    // Each feature seeds its own demo rows, idempotently, after the shared rows exist.
    await this.indicators.seedDemoIndicators(summary.cities);
    if (summary.coordinatorId)
      await this.events.seedDemoEvents(summary.programmeId, summary.cities, summary.coordinatorId);
    await this.pilotProjects.seedDemoPilotProjects(summary.cities, summary.editorIds);
    await this.goodPractices.seedDemo(summary.editorIds.tangier ?? null);
    this.logger.log(
      `Demo data ready: ${DEMO_PROGRAMME.acronym} with ${DEMO_CITIES.length} cities, ${DEMO_ORGANISATIONS.length} ` +
        `organisations, ${DEMO_THEMES.length} themes, ${DEMO_USERS.length} users (${summary.created} rows added)` +
        (this.docs ? '; city documents checked' : ''),
    );
    return summary;
  }

  private async seed(tx: SeedTransaction): Promise<SeedSummary> {
    let created = 0;
    const count = <T extends Ensured>(e: T): T => {
      if (e.created) created += 1;
      return e;
    };

    const programmeId = count(await tx.ensureProgramme(DEMO_PROGRAMME)).id;

    const cities: SeedCity[] = [];
    for (const city of DEMO_CITIES) cities.push(count(await tx.ensureCity(programmeId, city)).city);
    const cityId = (slug: string) => cities.find((c) => c.slug === slug)!.id;

    const organisationIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const ensured = count(await tx.ensureOrganisation(programmeId, o.city ? cityId(o.city) : null, o));
      organisationIds.set(o.name, ensured.id);
    }

    for (const [position, theme] of DEMO_THEMES.entries()) {
      count(await tx.ensureTheme(programmeId, { ...theme, position }));
    }

    for (const user of DEMO_USERS) {
      if (await tx.findUserId(user.email)) continue;
      // @node-rs/argon2 hashes with Argon2id by default (its `Algorithm` is a const enum we cannot import).
      const passwordHash = await hash(this.config.DEMO_PASSWORD);
      const inserted = count(await tx.insertUser({ ...user, passwordHash }));
      if (!inserted.created) continue;
      const memberships =
        user.memberships === 'all-observer'
          ? cities.map((c) => ({ city: c.slug, role: 'observer' as const, organisation: undefined }))
          : user.memberships;
      for (const m of memberships) {
        const organisationId = m.organisation ? (organisationIds.get(m.organisation) ?? null) : null;
        await tx.ensureMembership(inserted.id, cityId(m.city), m.role, organisationId);
        created += 1;
      }
    }
    const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator')!;
    const editorIds: Record<string, string> = {};
    for (const user of DEMO_USERS) {
      if (user.memberships === 'all-observer') continue;
      for (const m of user.memberships.filter((m) => m.role === 'editor')) {
        const id = await tx.findUserId(user.email);
        if (id) editorIds[m.city] = id;
      }
    }
    return { programmeId, cities, coordinatorId: await tx.findUserId(coordinator.email), editorIds, created };
  }
}
