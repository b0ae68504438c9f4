// Summarises a CPU profile of the production server under wrk (docs/profiles/): the frames with
// the most self time over the last 10 s before the profile ended.
// Usage: node --cpu-prof --cpu-prof-dir=DIR scripts/server.mjs, load it with wrk for 10 s, stop it
// (SIGTERM), then node bench/profile-summary.mjs DIR (the largest profile is the main thread's).
import { readFileSync, readdirSync, statSync } from 'node:fs';
const dir = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => `${dir}/${f}`);
const main = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
const prof = JSON.parse(readFileSync(main, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
// Only the samples of the measured wrk run: the last 10.5 s before the profile ended (SIGTERM).
const times = [];
let t = prof.startTime;
for (const d of prof.timeDeltas) times.push((t += d));
const from = prof.endTime - 10_500_000;
const samples = prof.samples.filter((_, i) => times[i] >= from && times[i] <= prof.endTime - 300_000);
const total = samples.length;
const name = (n) => {
  const f = n.callFrame;
  const url = f.url.replace(`file://${process.cwd()}/`, '').replace(/.*node_modules\//, 'nm/');
  return `${f.functionName || '(anonymous)'} ${url ? `${url}:${f.lineNumber + 1}` : ''}`.trim();
};
const self = new Map();
for (const id of samples) {
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) ?? 0) + 1);
}
const pct = (x) => ((100 * x) / total).toFixed(1).padStart(5) + ' %';
console.log(`main thread, the 10 s under wrk -c50: ${total} samples`);
const idle = ['(idle)', '(program)', '(garbage collector)'].map((k) => `${k} ${pct(self.get(k) ?? 0)}`).join(', ');
console.log(idle);
console.log('\ntop 25 frames by self time:');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(v)}  ${k}`);

// Total time (self and callees) of the project's own functions, each sample counted once per
// function however deep its recursion: where the hot path's time goes, by step.
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total_ = new Map();
for (const id of samples) {
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const node = byId.get(n);
    const url = node.callFrame.url;
    if (!url.startsWith(`file://${process.cwd()}/`) || url.includes('node_modules')) continue;
    const k = name(node);
    if (seen.has(k)) continue;
    seen.add(k);
    total_.set(k, (total_.get(k) ?? 0) + 1);
  }
}
console.log("\ntop 25 of the project's functions by total time:");
for (const [k, v] of [...total_].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(v)}  ${k}`);
