// Reports the gzipped JavaScript of the built client and fails when the first screen (the entry and
// what index.html preloads) goes over the budget of issue 4: 250 KB gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstScreen = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024;

const chunks = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ file: `assets/${f}`, kb: gz(`assets/${f}`) }))
  .sort((a, b) => b.kb - a.kb);
for (const { file, kb } of chunks) {
  console.log(`${firstScreen.includes(file) ? '*' : ' '} ${kb.toFixed(1).padStart(7)} KB  ${file}`);
}
const total = firstScreen.reduce((sum, file) => sum + gz(file), 0);
console.log(`\nfirst screen (*): ${total.toFixed(1)} KB gzipped, budget ${BUDGET_KB} KB`);
if (total > BUDGET_KB) {
  console.error('over budget: load the heavy part on demand');
  process.exit(1);
}
