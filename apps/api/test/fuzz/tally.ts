import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Counts of fuzz cases by kind and outcome. With FUZZ_REPORT_DIR set (the long run, `npm run fuzz`)
 * each test file writes its counts there as JSON; tools/fuzz.js turns them into FUZZING.md.
 */
export class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  cases = 0;
  readonly problems: string[] = [];
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
      seconds: Math.round((Date.now() - this.started) / 1000),
      problems: this.problems,
      outcomes: Object.fromEntries([...this.counts].map(([kind, m]) => [kind, Object.fromEntries([...m].sort())])),
    };
  }

  /** Writes the counts when the long run asked for them. */
  save(): void {
    const dir = process.env.FUZZ_REPORT_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify(this.toJSON(), null, 2));
  }
}

/** How many cases to run: the short default in the test suite, FUZZ_RUNS × it in the long run. */
export const runs = (short: number): number => Math.round(short * Number(process.env.FUZZ_SCALE ?? 1));
