// Produced reports validate against docs/report-schema.json (ajv, JSON Schema 2020-12), and the
// schema's CorsError list is the model's.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CORS_ERRORS } from '../src/model';
import { importHar } from '../src/har';
import { buildReport, FORMATS, renderJson, renderReport, type Report } from '../src/report';
import { diagnose } from '../src/rules';
import { SAMPLE, SAMPLE_OPTIONS } from './golden/sample';

const schema = JSON.parse(readFileSync(new URL('../docs/report-schema.json', import.meta.url), 'utf8')) as { $defs: { corsError: { enum: string[] } } };
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s));
const validate = ajv.compile(schema);

function expectValid(report: Report): void {
  // Through the JSON format, as a consumer would read it.
  const parsed: unknown = JSON.parse(renderJson(report));
  const ok = validate(parsed);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('docs/report-schema.json', () => {
  it('lists exactly the model\'s CorsError names', () => {
    expect(schema.$defs.corsError.enum).toEqual([...CORS_ERRORS]);
  });

  it('accepts the sample report, redacted and with sensitive values, and an empty one', () => {
    expectValid(buildReport(SAMPLE, SAMPLE_OPTIONS));
    expectValid(buildReport(SAMPLE, { ...SAMPLE_OPTIONS, includeSensitive: true, onlyBlocked: true }));
    expectValid(buildReport([], { source: { kind: 'probe' } }));
  });

  for (const file of ['chrome-devtools.har', 'chrome-sanitized.har', 'firefox.har', 'firefox-real.har', 'playwright.har']) {
    it(`accepts the report of ${file} (real rules)`, () => {
      const { exchanges, stats } = importHar(readFileSync(new URL(`./fixtures/har/${file}`, import.meta.url), 'utf8'));
      expectValid(buildReport(exchanges.map((exchange) => ({ exchange, diagnosis: diagnose(exchange) })), { source: { kind: 'har', name: file, counts: { ...stats } } }));
    });
  }

  it('rejects what it should (the schema is not vacuous)', () => {
    const report = JSON.parse(renderJson(buildReport(SAMPLE, SAMPLE_OPTIONS))) as Record<string, unknown> & { exchanges: Record<string, unknown>[] };
    expect(validate({ ...report, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...report, extra: 1 })).toBe(false);
    expect(validate({ ...report, exchanges: [{ ...report.exchanges[0], corsError: 'NotAnError' }] })).toBe(false);
    const { url: _url, ...noUrl } = report.exchanges[0]!;
    expect(validate({ ...report, exchanges: [noUrl] })).toBe(false);
  });
});

describe('alternatives (another verdict an unrecorded credentials mode would give)', () => {
  // What a Firefox HAR gives: no recorded outcome, ACAO *: allowed as "same-origin", blocked as "include".
  const exchange = {
    id: 'star', source: 'har' as const, pageOrigin: 'https://app.example.com', startedAt: 1, observed: {}, redirects: [],
    request: { method: 'GET', url: 'https://api.example.com/v1/me', headers: [{ name: 'Origin', value: 'https://app.example.com' }] },
    response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] },
  };
  const report = buildReport([{ exchange, diagnosis: diagnose(exchange) }], SAMPLE_OPTIONS);

  it('are in the JSON report, valid against the schema', () => {
    expectValid(report);
    const json = JSON.parse(renderJson(report)) as { exchanges: Array<{ blocked: boolean; alternatives?: unknown }> };
    expect(json.exchanges[0]).toMatchObject({ blocked: false, alternatives: [{ blocked: true, corsError: 'WildcardOriginNotAllowed', condition: 'the request was sent with credentials: "include"' }] });
  });

  for (const format of FORMATS) {
    it(`are shown by the ${format} format`, () => {
      const out = renderReport(report, format);
      expect(out).toContain('WildcardOriginNotAllowed');
      expect(out).toMatch(/credentials: (&quot;|\\"|")include/);
    });
  }
});
