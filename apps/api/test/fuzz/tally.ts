import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Counts of fuzz cases by kind and outcome. With FUZZ_REPORT_DIR set (the long run, `npm run fuzz`)
 * each test writes its counts there as JSON; tools/fuzz.js turns them into FUZZING.md.
 */
export class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  cases = 0;
  readonly problems: string[] = [];
  /** The fast-check seed of the run, to replay it with FUZZ_SEED (none for fixed cases). */
  seed?: number;
  private readonly started = Date.now();

  constructor(readonly name: string) {}

  add(kind: string, outcome: string): void {
    this.cases++;
    const outcomes = this.counts.get(kind) ?? new Map<string, number>();
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    this.counts.set(kind, outcomes);
  }

  problem(description: string): void {
    if (this.problems.length < 50) this.problems.push(description);
  }

  toJSON() {
    return {
      name: this.name,
      cases: this.cases,
      seed: this.seed ?? null,
      seconds: Math.round((Date.now() - this.started) / 1000),
      problems: this.problems,
      outcomes: Object.fromEntries([...this.counts].map(([kind, m]) => [kind, Object.fromEntries([...m].sort())])),
    };
  }

  /** Writes the counts when the long run asked for them (call it in a `finally`: a failed run is reported too). */
  save(): void {
    const dir = process.env.FUZZ_REPORT_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify(this.toJSON(), null, 2));
  }
}

const scale = (): number => {
  const value = Number(process.env.FUZZ_SCALE ?? 1);
  return Number.isFinite(value) && value > 0 ? value : 1;
};

/**
 * How many cases to run: `short` in the normal test suite, FUZZ_SCALE × `short` in the long run
 * (`npm run fuzz`). `maxScale` caps the factor where cases are sent all at once (floods).
 */
export const runs = (short: number, maxScale = Infinity): number =>
  Math.max(1, Math.round(short * Math.min(scale(), maxScale)));

/** A test's time limit, grown with FUZZ_SCALE like the number of its cases. */
export const timeLimit = (short: number): number => Math.round(short * Math.max(1, scale()));

/** The seed for fast-check: FUZZ_SEED replays a run; otherwise a fresh one, recorded in the tally. */
export const fuzzSeed = (): number =>
  process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 0x7fffffff);
