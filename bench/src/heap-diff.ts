import { readFileSync } from 'node:fs';

/** Objects of one kind in a heap snapshot: how many, and their own (shallow) size. */
export interface HeapGroup {
  count: number;
  bytes: number;
}

export interface HeapSummary {
  nodes: number;
  totalBytes: number;
  groups: Map<string, HeapGroup>;
}

interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
}

/**
 * Groups the nodes of a `.heapsnapshot` by what DevTools calls the constructor: the class name for
 * objects (`Item`, `Map`, `Socket` …), `(string)`, `(closure)`, `(compiled code)`, `(array) <kind>` …
 *
 * The file is not read with JSON.parse (a snapshot of a few hundred MiB exceeds V8's longest
 * string): the header is, then the `nodes` numbers are scanned from the bytes, `edges` skipped,
 * and the `strings` parsed one by one.
 */
export function summarizeSnapshot(file: string): HeapSummary {
  const buf = readFileSync(file);
  const find = (needle: string, from = 0) => {
    const at = buf.indexOf(needle, from, 'latin1');
    if (at < 0) throw new Error(`${file}: no ${needle}`);
    return at;
  };
  const nodesAt = find('"nodes":[');
  const header = buf.toString('utf8', 0, nodesAt).replace(/,\s*$/, '') + '}';
  const meta = (JSON.parse(header) as { snapshot: { meta: SnapshotMeta } }).snapshot.meta;
  const fieldCount = meta.node_fields.length;
  const typeField = meta.node_fields.indexOf('type');
  const nameField = meta.node_fields.indexOf('name');
  const sizeField = meta.node_fields.indexOf('self_size');
  const types = meta.node_types[0];

  const nodes: number[] = [];
  let i = nodesAt + '"nodes":['.length;
  let n = 0;
  let inNumber = false;
  for (; ; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      inNumber = true;
    } else {
      if (inNumber) nodes.push(n);
      n = 0;
      inNumber = false;
      if (c === 93) break; // ]
    }
  }

  // The strings: the last array of the file, JSON strings separated by commas.
  const strings: string[] = [];
  i = find('"strings":[', i) + '"strings":['.length;
  for (;;) {
    while (buf[i] !== 34 && buf[i] !== 93) i++; // to the next " or the closing ]
    if (buf[i] === 93) break;
    let j = i + 1;
    let escaped = false;
    for (; ; j++) {
      const c = buf[j];
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) break;
    }
    const raw = buf.toString('utf8', i, j + 1);
    let value: string;
    try {
      value = JSON.parse(raw) as string;
    } catch {
      value = raw.slice(1, -1); // a lone surrogate cut by V8: the name is enough as it is
    }
    strings.push(value.length > 80 ? value.slice(0, 80) : value);
    i = j + 1;
  }

  const groups = new Map<string, HeapGroup>();
  let totalBytes = 0;
  for (let k = 0; k < nodes.length; k += fieldCount) {
    const type = types[nodes[k + typeField]];
    const name = strings[nodes[k + nameField]] ?? '?';
    const size = nodes[k + sizeField];
    let key: string;
    switch (type) {
      case 'object':
      case 'native':
        key = name;
        break;
      case 'closure':
        key = '(closure)';
        break;
      case 'string':
      case 'concatenated string':
      case 'sliced string':
        key = '(string)';
        break;
      case 'code':
        key = '(compiled code)';
        break;
      case 'array':
        key = `(array) ${name}`;
        break;
      case 'hidden':
      case 'object shape':
        key = `(${type}) ${name}`;
        break;
      default:
        key = `(${type})`;
    }
    const g = groups.get(key) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += size;
    groups.set(key, g);
    totalBytes += size;
  }
  return { nodes: nodes.length / fieldCount, totalBytes, groups };
}

export interface HeapDiffRow {
  name: string;
  countBefore: number;
  countAfter: number;
  bytesBefore: number;
  bytesAfter: number;
}

/** Groups by growth in bytes (largest first); `top` rows. */
export function diffSummaries(before: HeapSummary, after: HeapSummary, top = 30): HeapDiffRow[] {
  const names = new Set([...before.groups.keys(), ...after.groups.keys()]);
  const rows: HeapDiffRow[] = [];
  for (const name of names) {
    const b = before.groups.get(name) ?? { count: 0, bytes: 0 };
    const a = after.groups.get(name) ?? { count: 0, bytes: 0 };
    rows.push({ name, countBefore: b.count, countAfter: a.count, bytesBefore: b.bytes, bytesAfter: a.bytes });
  }
  rows.sort((x, y) => y.bytesAfter - y.bytesBefore - (x.bytesAfter - x.bytesBefore));
  return rows.slice(0, top);
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

export function formatDiff(before: HeapSummary, after: HeapSummary, top = 30): string {
  const lines = [
    `heap (shallow sizes, after V8's GC): ${mib(before.totalBytes)} -> ${mib(after.totalBytes)} MiB, ` +
      `${before.nodes} -> ${after.nodes} objects`,
    `  ${'constructor'.padEnd(44)} ${'count before'.padStart(12)} ${'after'.padStart(10)} ${'+count'.padStart(10)} ` +
      `${'MiB before'.padStart(10)} ${'after'.padStart(8)} ${'+MiB'.padStart(8)}`,
  ];
  for (const r of diffSummaries(before, after, top)) {
    lines.push(
      `  ${r.name.slice(0, 44).padEnd(44)} ${String(r.countBefore).padStart(12)} ${String(r.countAfter).padStart(10)} ` +
        `${String(r.countAfter - r.countBefore).padStart(10)} ${mib(r.bytesBefore).padStart(10)} ` +
        `${mib(r.bytesAfter).padStart(8)} ${mib(r.bytesAfter - r.bytesBefore).padStart(8)}`,
    );
  }
  return lines.join('\n');
}

// node dist/heap-diff.js BEFORE.heapsnapshot AFTER.heapsnapshot [top]
if (require.main === module) {
  const [before, after, top] = process.argv.slice(2);
  if (!before || !after) {
    console.log('usage: node bench/dist/heap-diff.js BEFORE.heapsnapshot AFTER.heapsnapshot [top=30]');
    process.exit(2);
  }
  console.log(formatDiff(summarizeSnapshot(before), summarizeSnapshot(after), Number(top ?? 30)));
}
