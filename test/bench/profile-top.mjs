#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof`, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof")
// over its busiest window: the share of idle time, self time by package and by function, and
// total (inclusive) time by function. A whole-run profile is mostly idle start-up and waiting;
// the window is where the load was.
//
//   node test/bench/profile-top.mjs /tmp/prof/CPU.*.cpuprofile [--window-ms 3000] [--top 30] [--at-s S]
//
// --at-s S takes the window starting S seconds into the profile instead (a phase that is not
// the busiest, e.g. filing before the GET rounds); --timeline prints the busy share per second.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const windowUs = option('--window-ms', 3000) * 1000;
const top = option('--top', 30);
const atS = option('--at-s', NaN);
const timeline = args.includes('--timeline') ? Boolean(args.splice(args.indexOf('--timeline'), 1)) : false;
if (args.length !== 1) {
  console.error('usage: node test/bench/profile-top.mjs <file.cpuprofile> [--window-ms 3000] [--top 30] [--at-s S] [--timeline]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(args[0], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));

// Sample times, then the window with the most non-idle samples.
const times = [];
let t = profile.startTime;
for (const delta of profile.timeDeltas) times.push((t += delta));
let best = 0;
let bestStart = 0;
for (let i = 0, j = 0, busy = 0; i < times.length; i++) {
  if (!idle.has(profile.samples[i])) busy++;
  while (times[i] - times[j] > windowUs) if (!idle.has(profile.samples[j++])) busy--;
  if (busy > best) [best, bestStart] = [busy, j];
}
if (timeline) {
  const perSecond = new Map();
  times.forEach((time, i) => {
    const s = Math.floor((time - profile.startTime) / 1e6);
    const [busy, all] = perSecond.get(s) ?? [0, 0];
    perSecond.set(s, [busy + (idle.has(profile.samples[i]) ? 0 : 1), all + 1]);
  });
  for (const [s, [busy, all]] of perSecond) console.log(`+${s} s  busy ${((100 * busy) / all).toFixed(0)} %`);
}
const from = Number.isFinite(atS) ? profile.startTime + atS * 1e6 : (times[bestStart] ?? profile.startTime);
const to = from + windowUs;

const where = (frame) =>
  frame.url
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\/backend\/src\//, 'app/')
    .replace(/^file:\/\//, '');
const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
const packageOf = (n) => {
  const url = n.callFrame.url;
  if (!url) return n.callFrame.functionName;
  const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  if (url.includes('/dist/backend/')) return 'app';
  return url.startsWith('node:') ? url.replace(/\/[^/]+$/, '') : url;
};

const selfBy = new Map();
const packageBy = new Map();
const totalBy = new Map();
const add = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
let samples = 0;
let idleSamples = 0;
for (let i = 0; i < profile.samples.length; i++) {
  if (times[i] < from || times[i] > to) continue;
  samples++;
  const id = profile.samples[i];
  if (idle.has(id)) {
    idleSamples++;
    continue;
  }
  const node = nodes.get(id);
  add(selfBy, label(node));
  add(packageBy, packageOf(node));
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const key = label(nodes.get(at));
    if (seen.has(key)) continue;
    seen.add(key);
    add(totalBy, key);
  }
}
const pct = (v) => `${((100 * v) / Math.max(1, samples)).toFixed(1).padStart(5)} %`;
const list = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${pct(v)}  ${k}`)
    .join('\n');
console.log(`window: ${(windowUs / 1000).toFixed(0)} ms from +${((from - profile.startTime) / 1e6).toFixed(1)} s; ${samples} samples, idle ${pct(idleSamples).trim()}`);
console.log(`\nself time by package\n${list(packageBy)}`);
console.log(`\nself time by function\n${list(selfBy)}`);
console.log(`\ntotal time by function\n${list(totalBy)}`);
