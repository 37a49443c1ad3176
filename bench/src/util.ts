import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Wall-clock milliseconds with sub-millisecond precision, comparable across worker threads. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

export const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(2) : 'n/a');

/** utime + stime of a process in seconds (Linux: /proc/<pid>/stat, clock ticks of 1/100 s). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process in MiB (VmRSS). */
export function processRssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** CPU seconds of every process named `comm` (e.g. the PostgreSQL server and its backends), by pid. */
export function cpuByProcessName(comm: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== comm) continue;
      out.set(Number(entry), processCpuSeconds(Number(entry)));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/**
 * CPU seconds spent by processes named `comm` between two readings: the growth of those present
 * at both, plus all of those that started in between (backends that ended in between are lost, so
 * it is a lower bound). PostgreSQL serves every session of the machine: this includes other users.
 */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** Resident memory of a process by kind of mapping (MiB), from /proc/<pid>/smaps. */
export interface MemoryMap {
  /** glibc's main malloc arena (the brk heap). */
  brk: number;
  /** glibc's per-thread malloc arenas: 64 MiB-aligned anonymous reservations of 64 MiB (rw part + ---p rest). */
  arenas: number;
  /** Other anonymous memory: V8's heaps (every isolate), thread stacks, malloc blocks of 128 KiB and more (mmapped). */
  anon: number;
  /** Mapped files (the node binary, libraries). */
  files: number;
}

export function memoryMap(pid: number): MemoryMap {
  const maps: Array<{ start: bigint; end: bigint; perms: string; path: string; rss: number }> = [];
  let current: (typeof maps)[number] | null = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) {
      current = {
        start: BigInt(`0x${header[1]}`),
        end: BigInt(`0x${header[2]}`),
        perms: header[3],
        path: header[4],
        rss: 0,
      };
      maps.push(current);
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && current) current.rss = Number(rss[1]) / 1024;
  }
  const arena = 64n << 20n;
  const out: MemoryMap = { brk: 0, arenas: 0, anon: 0, files: 0 };
  maps.forEach((m, i) => {
    if (m.path === '[heap]') out.brk += m.rss;
    else if (m.path.startsWith('/')) out.files += m.rss;
    else if (m.path !== '' && m.path !== '[anon]')
      out.anon += m.rss; // [stack], [vvar] …
    else {
      const next = maps[i + 1];
      const isArena =
        m.start % arena === 0n &&
        m.perms.startsWith('rw') &&
        ((next && next.start === m.end && next.perms === '---p' && next.end - m.start === arena) ||
          m.end - m.start === arena);
      if (isArena) out.arenas += m.rss;
      else out.anon += m.rss;
    }
  });
  return out;
}
