/**
 * `cors-lens analyze` vs plain JSON.parse on a large generated HAR: wall and CPU time and peak RSS, each in
 * its own process, alternating, best of N (the machine is shared; the minimum is the least noisy).
 *   npm run build && npx tsx test/bench/analyze-bench.ts [requests=60000] [runs=3] [format=json]
 * CORS_LENS_CLI=<path to a built cors-lens.mjs> measures another build (e.g. a baseline).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const requests = Number(process.argv[2] ?? 60000);
const runs = Number(process.argv[3] ?? 3);
const format = process.argv[4] ?? 'json';
const root = resolve(import.meta.dirname, '../..');
const har = `/tmp/cors-lens-bench-${requests}.har`;
const cli = resolve(process.env.CORS_LENS_CLI ?? resolve(root, 'dist-cli/cors-lens.mjs'));
if (!existsSync(cli)) throw new Error('run `npm run build` first');
if (!existsSync(har)) execFileSync('npx', ['tsx', resolve(root, 'test/fixtures/har/make-large.ts'), har, String(requests)], { stdio: 'inherit' });

const baseline = `const t=performance.now();const d=JSON.parse(require('node:fs').readFileSync(${JSON.stringify(har)},'utf8'));
const u=process.cpuUsage();process.stderr.write(JSON.stringify({ms:performance.now()-t,cpu:(u.user+u.system)/1000,rss:process.resourceUsage().maxRSS,n:d.log.entries.length}));`;
const analyze = `const t=performance.now();const {run}=await import(${JSON.stringify(cli)});const code=await run(['analyze',${JSON.stringify(har)},'--format',${JSON.stringify(format)}]);
const u=process.cpuUsage();process.stderr.write(JSON.stringify({ms:performance.now()-t,cpu:(u.user+u.system)/1000,rss:process.resourceUsage().maxRSS,code}));`;

interface Sample { ms: number; cpuMs: number; rssMiB: number }

function measure(kind: 'baseline' | 'analyze'): Sample {
  const args = kind === 'baseline' ? ['-e', baseline] : ['--input-type=module', '-e', analyze];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const m = JSON.parse(last.slice(last.indexOf('{'))) as { ms: number; cpu: number; rss: number };
  return { ms: m.ms, cpuMs: m.cpu, rssMiB: m.rss / 1024 };
}

const none = (): Sample => ({ ms: Infinity, cpuMs: Infinity, rssMiB: Infinity });
const best = { baseline: none(), analyze: none() };
for (let i = 0; i < runs; i++) {
  for (const kind of ['baseline', 'analyze'] as const) {
    const m = measure(kind);
    best[kind] = { ms: Math.min(best[kind].ms, m.ms), cpuMs: Math.min(best[kind].cpuMs, m.cpuMs), rssMiB: Math.min(best[kind].rssMiB, m.rssMiB) };
    console.log(`${kind.padEnd(8)} run ${i + 1}: ${m.ms.toFixed(0)} ms wall, ${m.cpuMs.toFixed(0)} ms CPU, peak RSS ${m.rssMiB.toFixed(0)} MiB`);
  }
}
const size = statSync(har).size / 2 ** 20;
console.log(`\n${har}: ${size.toFixed(0)} MiB, ${requests} requests, format ${format}`);
console.log(`JSON.parse: ${best.baseline.ms.toFixed(0)} ms wall, ${best.baseline.cpuMs.toFixed(0)} ms CPU, ${best.baseline.rssMiB.toFixed(0)} MiB`);
console.log(`analyze:    ${best.analyze.ms.toFixed(0)} ms wall, ${best.analyze.cpuMs.toFixed(0)} ms CPU, ${best.analyze.rssMiB.toFixed(0)} MiB`);
console.log(`ratio:      wall ${(best.analyze.ms / best.baseline.ms).toFixed(2)}×, CPU ${(best.analyze.cpuMs / best.baseline.cpuMs).toFixed(2)}×, memory ${(best.analyze.rssMiB / best.baseline.rssMiB).toFixed(2)}×`);
