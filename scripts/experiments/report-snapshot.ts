/**
 * Guard for performance work on reports and redaction: renders reports of every format, redacted
 * and with sensitive values, and writes them to one file, so an optimisation can be shown to change
 * no byte of any report.
 *
 *   npx tsx scripts/experiments/report-snapshot.ts [out=/tmp/cors-lens-report-snapshot.txt]
 *
 * Inputs: the HAR fixtures and sample.har, a generated 5,000-request HAR (JSON and text only), the
 * platform fixtures, and 1,500 hostile exchanges carrying secrets in every place (fast-check, fixed
 * seed): tokens in URLs, userinfo, Authorization/Cookie/custom headers, Referer/Location, bodies.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { importHar } from '../../src/har/import';
import type { Exchange } from '../../src/model';
import { buildReport, FORMATS, renderReport, type ReportFormat } from '../../src/report';
import { createDiagnoser } from '../../src/rules/diagnose';
import { hostileExchange, hostileInput } from '../../src/rules/platforms/testing';

const root = resolve(import.meta.dirname, '../..');
const out = process.argv[2] ?? '/tmp/cors-lens-report-snapshot.txt';
const parts: string[] = [];

function report(name: string, exchanges: readonly Exchange[], formats: readonly ReportFormat[] = FORMATS): void {
  // Shared (cached, frozen) verdicts, as the CLI and the panel use them.
  const diagnose = createDiagnoser();
  const items = exchanges.map((exchange) => ({ exchange, diagnosis: diagnose(exchange) }));
  for (const includeSensitive of [false, true]) {
    for (const onlyBlocked of includeSensitive ? [false] : [false, true]) {
      const r = buildReport(items, { source: { kind: 'har', name: `${name}?token=file-secret-1` }, includeSensitive, onlyBlocked, generatedAt: '2025-01-01T00:00:00.000Z', toolVersion: '0.0.0-snapshot', warnings: ['warning with token=warn-secret-1'] });
      for (const format of formats) parts.push(`=== ${name} ${format} sensitive=${includeSensitive} onlyBlocked=${onlyBlocked}\n${renderReport(r, format)}`);
    }
  }
}

const harDir = resolve(root, 'test/fixtures/har');
for (const f of [...readdirSync(harDir).filter((x) => x.endsWith('.har')).sort().map((x) => resolve(harDir, x)), resolve(root, 'test/golden/files/sample.har')]) {
  report(f.slice(root.length + 1), importHar(readFileSync(f, 'utf8')).exchanges);
}

const large = '/tmp/cors-lens-bench-5000.har';
if (!existsSync(large)) execFileSync('npx', ['tsx', resolve(root, 'test/fixtures/har/make-large.ts'), large, '5000'], { stdio: 'inherit' });
report('generated-5000', importHar(readFileSync(large, 'utf8')).exchanges, ['json', 'text']);

const platformDir = resolve(root, 'test/fixtures/platforms');
const platformExchanges = readdirSync(platformDir).filter((x) => x.endsWith('.json')).sort()
  .flatMap((f) => (JSON.parse(readFileSync(resolve(platformDir, f), 'utf8')) as { cases: Array<{ exchange: Exchange }> }).cases.map((c) => c.exchange));
report('platforms', platformExchanges);

// Hostile exchanges with secrets everywhere a report can show them.
const token = fc.oneof(fc.string({ minLength: 4, maxLength: 24 }), fc.constantFrom('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'AKIAABCDEFGHIJKLMNOP', 'a b=c&d', '%E2%82%AC%zz', 'REDACTED', '[REDACTED]', 'Bearer x'));
const secretful = fc.record({ base: hostileInput, t: fc.array(token, { minLength: 8, maxLength: 8 }), param: fc.constantFrom('token', 'code', 'X-Amz-Signature', 'state', 'page', 'access_token', 'my_secret_value') });
const hostile = fc.sample(secretful, { numRuns: 1500, seed: 7331 }).map(({ base, t }, i): Exchange => {
  const e = hostileExchange(base);
  const [a = '', b = '', c = '', d = '', f = '', g = '', h = '', k = ''] = t;
  const url = `${e.request.url}${e.request.url.includes('?') ? '&' : '?'}token=${encodeURIComponent(a)}&page=${i}#code=${b}`;
  const x: Exchange = {
    ...e,
    id: `hostile-${i}`,
    pageUrl: `https://user:${c}@app.example.com/cb?state=${d}`,
    request: { ...e.request, url, headers: [...e.request.headers, { name: 'Authorization', value: `Bearer ${f}` }, { name: 'Cookie', value: `sid=${g}; theme=dark` }, { name: 'X-Custom-Token', value: h }, { name: 'Referer', value: `https://app.example.com/p?access_token=${k}` }] },
  };
  if (x.response) x.response = { ...x.response, headers: [...x.response.headers, { name: 'Set-Cookie', value: `s=${h}; Path=/` }, { name: 'Location', value: `/next?code=${a}` }], body: `{"password":"${c}","message":"${f}"}` };
  if (x.preflight) x.preflight = { ...x.preflight, request: { ...x.preflight.request, url } };
  return x;
});
report('hostile', hostile);

const text = parts.join('\n');
writeFileSync(out, text);
console.log(`${parts.length} reports (${(text.length / 2 ** 20).toFixed(1)} MiB) → ${out} sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
