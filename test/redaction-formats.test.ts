// Seeded secrets in every place an exchange and its diagnosis can carry them: none survives in any
// format (text, JSON, Markdown, HTML, HAR export) unless sensitive values are asked for, and then
// every format says so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportHar, importHar } from '../src/har';
import { buildReport, FORMATS, renderReport, SENSITIVE_WARNING } from '../src/report';
import type { AnalyzedExchange } from '../src/report/model';
import { diagnose } from '../src/rules';
import { SAMPLE_OPTIONS } from './golden/sample';

const JWT1 = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWVkLW9uZSJ9.c2VlZC1zaWctb25l';
const JWT2 = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWVkLXR3byJ9.c2VlZC1zaWctdHdv';
const SECRETS = [
  JWT1, JWT2, 'c2VlZDpwcm94eQ', 'seed-cookie-1', 'seed-setcookie-1', 'seed-apikey-1', 'seed-amztoken-1', 'seed-apim-1',
  'seed-urltoken-1', 'seed-sig-1', 'AKIASEEDSEEDSEED1234', 'seed-code-1', 'seed-cs-1', 'seed-ak-1', 'seed-pass-1', 'seeduser',
  'seed-body-1', 'seed-loc-1', 'seed-state-1', 'seed-custom-token-1', 'seed-prebody-1', 'seed-earlier-cookie-1', 'seed-hop-preflight-1',
];
const API = 'https://seeduser:seed-pass-1@api.example.com/v1/orders?token=seed-urltoken-1&X-Amz-Signature=seed-sig-1'
  + '&X-Amz-Credential=AKIASEEDSEEDSEED1234%2F20250101%2Feu-west-1&code=seed-code-1&client_secret=seed-cs-1&api_key=seed-ak-1&page=2';
const APP = 'https://app.example.com';

function seeded(): AnalyzedExchange {
  const exchange = {
    id: 'seeded', source: 'har' as const, pageOrigin: APP, pageUrl: `${APP}/cb?state=seed-state-1`, startedAt: 1,
    request: { method: 'PUT', url: API, headers: [
      { name: 'Authorization', value: `Bearer ${JWT1}` }, { name: 'Proxy-Authorization', value: 'Basic c2VlZDpwcm94eQ==' },
      { name: 'Cookie', value: 'sid=seed-cookie-1' }, { name: 'X-Api-Key', value: 'seed-apikey-1' },
      { name: 'X-Amz-Security-Token', value: 'seed-amztoken-1' }, { name: 'Ocp-Apim-Subscription-Key', value: 'seed-apim-1' },
      { name: 'X-Debug', value: `trace ${JWT2}` }, { name: 'X-Custom-Token', value: 'seed-custom-token-1' }, { name: 'Origin', value: APP },
    ] },
    preflight: {
      request: { method: 'OPTIONS', url: API, headers: [{ name: 'Origin', value: APP }, { name: 'Access-Control-Request-Method', value: 'PUT' },
        { name: 'Access-Control-Request-Headers', value: 'authorization,x-api-key,x-custom-token,x-debug' }] },
      response: { status: 204, headers: [{ name: 'Access-Control-Allow-Origin', value: APP }, { name: 'Access-Control-Allow-Headers', value: 'authorization, x-api-key' }], body: 'seed-prebody-1' },
    },
    redirects: [{ url: API, location: 'https://api.example.com/v2/orders?access_token=seed-loc-1', response: { status: 307, headers: [
      { name: 'Location', value: '/v2/orders?access_token=seed-loc-1' }, { name: 'Access-Control-Allow-Origin', value: APP },
    ] } }],
    response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'sess=seed-setcookie-1; Path=/; SameSite=None; Secure' }, { name: 'Access-Control-Allow-Origin', value: APP }],
      body: '{"refresh_token":"seed-body-1","ok":true}' },
    observed: { failed: true, errorText: 'net::ERR_FAILED' },
    // Records beyond request/response carry wire data too (an earlier no-cors load, a hop's preflight).
    earlierLoad: { url: API, startedAt: 0, resourceType: 'image', response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'e=seed-earlier-cookie-1' }] } },
    redirectPreflights: [{ request: { method: 'OPTIONS', url: 'https://api.example.com/v2/orders?access_token=seed-loc-1', headers: [{ name: 'Origin', value: 'null' }] },
      response: { status: 204, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }], body: 'seed-hop-preflight-1' } }],
  };
  const diagnosis = diagnose(exchange);
  // A diagnosis quoting the wire, as findings and checks do.
  diagnosis.headline = `Sent Authorization: Bearer ${JWT1} and x-api-key seed-apikey-1`;
  diagnosis.verdict.failedParameter = 'x-custom-token';
  diagnosis.verdict.checks.push({ id: 'allow-header', phase: 'preflight', label: 'Header x-custom-token', asked: 'seed-custom-token-1', allowed: null, result: 'fail' });
  diagnosis.findings.push({
    id: 'seeded', kind: 'cause', severity: 'error', title: 'Quoting the wire',
    explanation: `The body said {"refresh_token":"seed-body-1"}; the URL was ${API}; cookie sid=seed-cookie-1.`,
    evidence: [`Authorization: Bearer ${JWT1}`, `Location: https://api.example.com/v2/orders?access_token=seed-loc-1`, 'Set-Cookie: sess=seed-setcookie-1; Secure'],
    fixes: [{ stack: 'curl', title: 'Reproduce', language: 'shell', snippet: `curl '${API}' -H 'X-Api-Key: seed-apikey-1' -H 'Ocp-Apim-Subscription-Key: seed-apim-1' -H 'X-Amz-Security-Token: seed-amztoken-1'` }],
  });
  return { exchange, diagnosis };
}

const outputs = (includeSensitive: boolean): [string, string][] => {
  const item = seeded();
  const report = buildReport([item], { ...SAMPLE_OPTIONS, includeSensitive });
  return [
    ...FORMATS.map((f): [string, string] => [f, renderReport(report, f)]),
    ['text (colour)', renderReport(report, 'text', { color: true })],
    ['har', JSON.stringify(exportHar([item.exchange], { includeSensitive }))],
  ];
};

describe('redaction in every format', () => {
  for (const [format, out] of outputs(false)) {
    it(`${format}: no seeded secret, header names kept, redaction noted`, () => {
      for (const s of SECRETS) expect(out, `${format} leaks ${s}`).not.toContain(s);
      for (const name of ['Authorization', 'X-Api-Key', 'Ocp-Apim-Subscription-Key', 'X-Custom-Token']) expect(out).toContain(name);
      expect(out).toMatch(/redacted/i);
      expect(out).not.toContain('WARNING');
    });
  }

  for (const [format, out] of outputs(true)) {
    it(`${format} with sensitive values: they are there, with the warning`, () => {
      expect(out).toContain('seed-apikey-1');
      expect(out).toContain(JWT1);
      expect(out).toContain(format === 'json' || format === 'har' ? JSON.stringify(SENSITIVE_WARNING).slice(1, -1) : 'WARNING');
    });
  }

  const recorded: Record<string, string[]> = {
    'chrome-devtools.har': ['fake-api-key-1234567890', 'fake-token-abcdef', 'fakesig0123456789', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'fake-session-cookie-value'],
    'firefox-real.har': ['fake-firefox-key', 'fake-firefox-cookie', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'fixture-data-noacao', 'fixture-data-me', 'fixture-data-ok'],
  };
  for (const [file, secrets] of Object.entries(recorded)) {
    it(`the recorded fixture ${file}: its fake tokens and bodies never reach a redacted report`, () => {
      const text = readFileSync(new URL(`./fixtures/har/${file}`, import.meta.url), 'utf8');
      for (const s of secrets) expect(text, `${file} holds ${s}`).toContain(s);
      const { exchanges } = importHar(text);
      const report = buildReport(exchanges.map((exchange) => ({ exchange, diagnosis: diagnose(exchange) })), SAMPLE_OPTIONS);
      for (const f of FORMATS) {
        const out = renderReport(report, f);
        for (const s of secrets) expect(out, `${f} leaks ${s}`).not.toContain(s);
      }
    });
  }
  it('an answer\'s data never reaches a redacted report, though its error bodies may (what the gateway said)', () => {
    // A blocked 200 whose body is personal data no secret rule would recognise: no token names, no JWT.
    const data = { exchange: { id: 'data', source: 'har' as const, pageOrigin: APP, startedAt: 1,
      request: { method: 'GET', url: 'https://api.example.com/v1/me', headers: [{ name: 'Origin', value: APP }] },
      redirects: [], observed: { failed: true, errorText: 'net::ERR_FAILED' },
      response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], body: '{"name":"Jane Seedbody","city":"Ghent"}' } } };
    const gateway = { exchange: { id: 'gw', source: 'har' as const, pageOrigin: APP, startedAt: 2,
      request: { method: 'GET', url: 'https://api.example.com/v1/x', headers: [{ name: 'Origin', value: APP }] },
      redirects: [], observed: { failed: true, errorText: 'net::ERR_FAILED' },
      response: { status: 403, headers: [{ name: 'x-amzn-ErrorType', value: 'ForbiddenException' }], body: '{"message":"Forbidden"}' } } };
    const items = [data, gateway].map(({ exchange }) => ({ exchange, diagnosis: diagnose(exchange) }));
    expect(JSON.stringify(items[0]?.diagnosis)).not.toContain('Seedbody');
    const report = buildReport(items, SAMPLE_OPTIONS);
    for (const f of FORMATS) {
      const out = renderReport(report, f);
      expect(out, `${f} leaks the body`).not.toContain('Seedbody');
      expect(out, `${f} quotes the gateway's message`).toContain('{&quot;message&quot;:&quot;Forbidden&quot;}'.replace(/&quot;/g, f === 'html' ? '&quot;' : f === 'json' ? '\\"' : '"'));
    }
    // Asked for, the body is there (in the JSON report's response record).
    expect(renderReport(buildReport(items, { ...SAMPLE_OPTIONS, includeSensitive: true }), 'json')).toContain('Seedbody');
  });
});
