/**
 * Per-exchange cost of the rules: evaluate() alone, and diagnose() (which includes evaluate), each
 * best of N rounds, on a generated HAR (mostly allowed requests, like a real capture) and on 3,000
 * hostile exchanges of every platform (mostly blocked: findings with fix snippets).
 *   npx tsx test/bench/diagnose-bench.ts [requests=5000] [rounds=5]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { importHar } from '../../src/har/import';
import { diagnose } from '../../src/rules/diagnose';
import { evaluate } from '../../src/rules/evaluate';
import type { Exchange } from '../../src/model';
import { hostileExchange, hostileInput } from '../../src/rules/platforms/testing';

const requests = Number(process.argv[2] ?? 5000);
const rounds = Number(process.argv[3] ?? 5);
const root = resolve(import.meta.dirname, '../..');
const har = `/tmp/cors-lens-bench-${requests}.har`;
if (!existsSync(har)) execFileSync('npx', ['tsx', resolve(root, 'test/fixtures/har/make-large.ts'), har, String(requests)], { stdio: 'inherit' });
const generated = importHar(readFileSync(har, 'utf8')).exchanges;
const hostile = fc.sample(hostileInput, { numRuns: 3000, seed: 20251 }).map((input, i) => ({ ...hostileExchange(input), id: `hostile-${i}` }));

function best(label: string, exchanges: readonly Exchange[], fn: () => void): number {
  let min = Infinity;
  for (let r = 0; r < rounds; r++) {
    // CPU time, not wall time: the machine is shared, and a descheduled thread uses none.
    const t = process.cpuUsage();
    fn();
    const used = process.cpuUsage(t);
    min = Math.min(min, (used.user + used.system) / 1000);
  }
  const each = min / exchanges.length;
  console.log(`${label.padEnd(20)} ${each.toFixed(4)} ms per exchange (${exchanges.length} exchanges, best of ${rounds})`);
  return each;
}

let sink = 0;
for (const [name, exchanges] of [['generated', generated], ['hostile', hostile]] as const) {
  const e = best(`${name} evaluate`, exchanges, () => { for (const x of exchanges) sink += evaluate(x).checks.length; });
  const d = best(`${name} diagnose`, exchanges, () => { for (const x of exchanges) sink += diagnose(x).findings.length; });
  console.log(`${name} diagnose without evaluate ≈ ${(d - e).toFixed(4)} ms per exchange`);
}
if (sink < 0) console.log(sink);
