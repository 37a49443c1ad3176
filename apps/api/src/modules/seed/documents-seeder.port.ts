/**
 * What the seed asks of the documents feature, found by the token 'DocumentsSeeder' so that the
 * seed works (without documents) before that feature provides it. It must be idempotent: the seed
 * calls it on every run, after its own data is committed.
 */
export const DOCUMENTS_SEEDER = 'DocumentsSeeder';

export interface SeedCity {
  id: string;
  slug: string;
  name: string;
  languages: string[];
}

export interface DocumentsSeederPort {
  /** Makes each city's migration profile and priority paper from templates, when missing. */
  seedCityDocuments(programmeId: string, cities: SeedCity[], authorUserId: string): Promise<void>;
}
