// `cors-lens probe` against the CORS lab: the same servers the e2e suite and the corpus use, answering
// like the real platforms. The probe's verdict must match what the lab scenario makes Chromium do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import type { CliIO } from '../src/cli/io';
import { startLab, type Lab } from '../e2e/lab/server';

let lab: Lab;
beforeAll(async () => { lab = await startLab(); });
afterAll(async () => { await lab.close(); });

async function probe(argv: string[]): Promise<{ code: number; json: { exchanges: Array<{ blocked: boolean; corsError: string | null; platform: unknown; response?: { status: number }; findings: Array<{ id: string }> }> } }> {
  let stdout = '';
  const io: CliIO = { stdout: { write: (s: string) => void (stdout += s), isTTY: false }, stderr: { write: () => undefined, isTTY: false }, env: {} };
  const code = await main(['probe', ...argv, '--format', 'json'], io);
  return { code, json: JSON.parse(stdout) };
}

describe('probe against the lab', () => {
  it('reports API Gateway\'s missing OPTIONS as blocked at the preflight, exit 1', async () => {
    const url = `${lab.origins.api}/s/seed-apigw-rest-options-not-configured/probe1/r/items`;
    const { code, json } = await probe([url, '--origin', lab.origins.app, '--method', 'POST', '--header', 'Content-Type: application/json']);
    expect(code).toBe(1);
    const [x] = json.exchanges;
    expect(x?.blocked).toBe(true);
    expect(x?.corsError).toBe('PreflightMissingAllowOriginHeader');
    expect(x?.findings.map((f) => f.id)).toContain('options-not-configured');
  });

  it('passes a working request, exit 0', async () => {
    const url = `${lab.origins.api}/s/seed-works/probe2/r/orders`;
    const { code, json } = await probe([url, '--origin', lab.origins.app, '--method', 'POST', '--header', 'Content-Type: application/json']);
    expect(code).toBe(0);
    expect(json.exchanges[0]?.blocked).toBe(false);
    // The lab saw exactly Chromium's preflight, then the request.
    const seen = lab.requestsFor('seed-works', 'probe2');
    expect(seen.map((e) => e.role)).toEqual(['preflight', 'actual']);
    const acrh = seen[0]?.headers.find(([n]) => n.toLowerCase() === 'access-control-request-headers')?.[1];
    expect(acrh).toBe('content-type');
  });

  it('catches a missing header permission, the one Chromium reports', async () => {
    const url = `${lab.origins.api}/s/seed-authorization-not-allowed/probe3/r/me`;
    const { code, json } = await probe([url, '--origin', lab.origins.app, '--header', 'Authorization: Bearer x']);
    expect(code).toBe(1);
    expect(json.exchanges[0]?.corsError).toBe('HeaderDisallowedByPreflightResponse');
  });

  it('counts a Cache-Control the script sets as CORS-unsafe (it is not the browser\'s own here): preflight, and the header Chromium names', async () => {
    // Found by comparing probe with Chromium on random lab scenarios: probe took it for browser-added and sent no preflight.
    const url = `${lab.origins.api}/s/header-page-cache-control-absent/probe4/r`;
    const { code, json } = await probe([url, '--origin', lab.origins.app, '--header', 'Cache-Control: no-cache']);
    expect(code).toBe(1);
    expect(json.exchanges[0]).toMatchObject({ corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'cache-control' });
    const seen = lab.requestsFor('header-page-cache-control-absent', 'probe4');
    expect(seen.map((e) => e.role)).toEqual(['preflight']);
    expect(seen[0]?.headers.find(([n]) => n.toLowerCase() === 'access-control-request-headers')?.[1]).toBe('cache-control');
  });

  it('preflights a redirected request again at its new URL, with Origin null after a hop to a third origin, as Chromium does', async () => {
    const url = `${lab.origins.api}/s/redirect-put-307-third-preflight/probe5/r`;
    const { code, json } = await probe([url, '--origin', lab.origins.app, '--method', 'PUT']);
    expect(code).toBe(0);
    expect(json.exchanges[0]?.blocked).toBe(false);
    const seen = lab.requestsFor('redirect-put-307-third-preflight', 'probe5');
    expect(seen.map((e) => e.role)).toEqual(['preflight', 'hop', 'preflight', 'actual']);
    const origins = seen.filter((e) => e.role === 'preflight').map((e) => e.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1]);
    expect(origins).toEqual([lab.origins.app, 'null']);
  });

  it('does not follow a 300 with a Location (Chromium does not): the 300 is the answer', async () => {
    const url = `${lab.origins.api}/s/redirect-300-not-followed/probe6/r`;
    const { code, json } = await probe([url, '--origin', lab.origins.app]);
    expect(code).toBe(0);
    expect(json.exchanges[0]).toMatchObject({ blocked: false, response: { status: 300 } });
    expect(lab.requestsFor('redirect-300-not-followed', 'probe6').map((e) => e.role)).toEqual(['actual']);
  });

  it('follows the first non-empty Location of a redirect, as Chromium does', async () => {
    const url = `${lab.origins.api}/s/redirect-first-location-empty/probe7/r`;
    const { code, json } = await probe([url, '--origin', lab.origins.app]);
    expect(code).toBe(0);
    expect(json.exchanges[0]).toMatchObject({ blocked: false, response: { status: 200 } });
    expect(lab.requestsFor('redirect-first-location-empty', 'probe7').map((e) => e.role)).toEqual(['hop', 'actual']);
  });
});
