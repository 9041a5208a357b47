/**
 * Where `cors-lens analyze --format json` spends its time, stage by stage, in one process (the same
 * steps as src/cli/analyze.ts, timed around each call; garbage collection counts in the stage that
 * triggered it). Writes the report to /dev/null.
 *   npx tsx test/bench/analyze-split.ts [requests=60000]
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { gcHint } from '../../src/cli/memory';
import { importHar, parseHarText } from '../../src/har/import';
import type { Exchange } from '../../src/model';
import { jsonExchange, jsonHead, jsonTail, ReportBuilder } from '../../src/report';
import { diagnoseWithVerdict } from '../../src/rules/diagnose';
import { createVerdictCache } from '../../src/rules/verdict-cache';

const requests = Number(process.argv[2] ?? 60000);
const root = resolve(import.meta.dirname, '../..');
const har = `/tmp/cors-lens-bench-${requests}.har`;
if (!existsSync(har)) execFileSync('npx', ['tsx', resolve(root, 'test/fixtures/har/make-large.ts'), har, String(requests)], { stdio: 'inherit' });

const ms: Record<string, number> = {};
const time = <T>(stage: string, fn: () => T): T => {
  const t = performance.now();
  const out = fn();
  ms[stage] = (ms[stage] ?? 0) + performance.now() - t;
  return out;
};

const gc = gcHint();
const cpu0 = process.cpuUsage();
const start = performance.now();
const text = time('read', () => readFileSync(har, 'utf8'));
const doc = time('JSON.parse', () => parseHarText(text));
const exchanges: (Exchange | undefined)[] = time('HAR import', () => importHar(doc, { releaseEntries: true })).exchanges;
time('HAR import', gc);
const out = openSync('/dev/null', 'w');
const builder = new ReportBuilder({ source: { kind: 'har', name: 'bench.har' } });
let buffer = jsonHead(builder.head);
const verdicts = createVerdictCache();
let n = 0;
for (let i = 0; i < exchanges.length; i++) {
  const exchange = exchanges[i]!;
  exchanges[i] = undefined;
  const verdict = time('evaluate', () => verdicts.evaluate(exchange));
  const diagnosis = time('diagnose (rest)', () => diagnoseWithVerdict(exchange, verdict));
  const x = time('report + redaction', () => builder.add({ exchange, diagnosis }));
  if (x) buffer += time('JSON', () => jsonExchange(x, n++ === 0));
  if (buffer.length >= 65536) time('write', () => { writeSync(out, buffer); buffer = ''; });
  if ((i & 32767) === 32767) time('gc hints', gc);
}
time('write', () => writeSync(out, buffer + jsonTail(builder.summary(), n === 0)));
closeSync(out);
const total = performance.now() - start;
const used = process.cpuUsage(cpu0);
for (const [stage, t] of Object.entries(ms)) console.log(`${stage.padEnd(20)} ${(t / 1000).toFixed(2).padStart(6)} s  ${(t / exchanges.length * 1000).toFixed(1).padStart(6)} µs per exchange`);
console.log(`${'total (wall)'.padEnd(20)} ${(total / 1000).toFixed(2).padStart(6)} s; CPU ${((used.user + used.system) / 1e6).toFixed(2)} s; ${exchanges.length} exchanges`);
