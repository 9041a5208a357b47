/**
 * Guard for performance work on the rules: runs `diagnose` over every exchange we have and writes
 * the diagnoses as JSON lines (key order as produced: stricter than a sorted canonical form), so
 * an optimisation can be shown to change no output at all.
 *
 *   npx tsx scripts/experiments/diagnose-snapshot.ts [out=/tmp/cors-lens-snapshot.jsonl] [--check=baseline.jsonl]
 *
 * Inputs: test/fixtures/har/*.har and test/golden/files/sample.har (imported as the CLI does, and
 * again with each exchange's `related` as the panel passes them), test/fixtures/platforms/*.json
 * (as recorded and as a live capture without bodies), a generated 5,000-request HAR, and 3,000
 * hostile exchanges of every platform signature (fast-check, fixed seed).
 * With --check, prints the first differing line and exits 1 when the snapshot is not byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { importHar } from '../../src/har/import';
import type { Exchange } from '../../src/model';
import { diagnose } from '../../src/rules/diagnose';
import { hostileExchange, hostileInput } from '../../src/rules/platforms/testing';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--')) ?? '/tmp/cors-lens-snapshot.jsonl';
const check = args.find((a) => a.startsWith('--check='))?.slice('--check='.length);

const lines: string[] = [];
let count = 0;
let ms = 0;

function record(label: string, exchange: Exchange, related?: readonly Exchange[]): void {
  const t = performance.now();
  let result: unknown;
  try {
    result = related ? diagnose(exchange, { related }) : diagnose(exchange);
  } catch (e) {
    result = { threw: e instanceof Error ? e.message : String(e) };
  }
  ms += performance.now() - t;
  count++;
  lines.push(`${JSON.stringify(label)}\t${JSON.stringify(result)}`);
}

function harExchanges(file: string): Exchange[] {
  return importHar(readFileSync(file, 'utf8')).exchanges;
}

function withRelated(file: string, exchanges: readonly Exchange[]): void {
  const byId = new Map(exchanges.map((e) => [e.id, e]));
  for (const e of exchanges) {
    const dep = e.cachedPreflightId === undefined ? undefined : byId.get(e.cachedPreflightId);
    if (dep) record(`${file}#related:${e.id}`, e, [dep]);
  }
}

// HAR fixtures.
const harDir = resolve(root, 'test/fixtures/har');
const hars = [...readdirSync(harDir).filter((f) => f.endsWith('.har')).sort().map((f) => resolve(harDir, f)), resolve(root, 'test/golden/files/sample.har')];
for (const file of hars) {
  const name = file.slice(root.length + 1);
  const exchanges = harExchanges(file);
  for (const e of exchanges) record(`${name}#${e.id}`, e);
  withRelated(name, exchanges);
}

// Platform fixtures, as recorded and as a live capture (no preflight or blocked-response bodies).
function stripBody<T extends { body?: string }>(r: T): T {
  const { body: _b, ...rest } = r;
  return rest as T;
}
function asLive(exchange: Exchange): Exchange {
  const live: Exchange = { ...exchange, source: 'live', redirects: exchange.redirects.map((h) => ({ ...h, response: stripBody(h.response) })) };
  if (exchange.preflight) {
    live.preflight = {
      ...exchange.preflight,
      ...(exchange.preflight.response ? { response: stripBody(exchange.preflight.response) } : {}),
      ...(exchange.preflight.redirect ? { redirect: { ...exchange.preflight.redirect, response: stripBody(exchange.preflight.redirect.response) } } : {}),
    };
  }
  if (exchange.response && exchange.observed.corsError !== undefined) live.response = stripBody(exchange.response);
  return live;
}
const platformDir = resolve(root, 'test/fixtures/platforms');
for (const f of readdirSync(platformDir).filter((x) => x.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(resolve(platformDir, f), 'utf8')) as { cases: Array<{ name: string; exchange: Exchange; related?: Exchange[] }> };
  for (const c of doc.cases) {
    record(`platforms/${f}#${c.name}`, c.exchange, c.related);
    record(`platforms/${f}#${c.name}#live`, asLive(c.exchange), c.related);
    if (c.related) record(`platforms/${f}#${c.name}#alone`, c.exchange);
  }
}

// A generated HAR (the bench's shape).
const large = '/tmp/cors-lens-bench-5000.har';
if (!existsSync(large)) execFileSync('npx', ['tsx', resolve(root, 'test/fixtures/har/make-large.ts'), large, '5000'], { stdio: 'inherit' });
for (const e of harExchanges(large)) record(`generated-5000#${e.id}`, e);

// Hostile exchanges with every platform's signature.
const hostile = fc.sample(hostileInput, { numRuns: 3000, seed: 20251 });
hostile.forEach((input, i) => record(`hostile#${i}`, { ...hostileExchange(input), id: `hostile-${i}` }));

const text = `${lines.join('\n')}\n`;
writeFileSync(out, text);
const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
console.log(`${count} diagnoses (${(ms / count).toFixed(3)} ms each) → ${out} sha256:${hash}`);

if (check) {
  const base = readFileSync(check, 'utf8');
  if (base === text) {
    console.log(`identical to ${check}`);
  } else {
    const a = base.split('\n');
    const b = text.split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    const at = i < 0 ? Math.min(a.length, b.length) : i;
    console.log(`DIFFERS from ${check} at line ${at + 1} (${a.length} vs ${b.length} lines)\n- ${(a[at] ?? '').slice(0, 2000)}\n+ ${(b[at] ?? '').slice(0, 2000)}`);
    process.exitCode = 1;
  }
}
