import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { startLab, type Lab } from './server';
import { SCENARIOS } from './scenarios';
import type { Scenario } from './scenario';

const TEST_SCENARIOS: readonly Scenario[] = [
  {
    id: 't-repeated', title: 'repeated lines', dimension: 'acao-form', description: 'two ACAO lines, odd case and spacing',
    request: { target: 'api', method: 'GET', credentials: 'omit' },
    actual: { status: 200, headers: [['access-control-allow-origin', '{app}'], ['X-Odd', ' spaced '], ['ACCESS-CONTROL-ALLOW-ORIGIN', '*']], body: 'hello {self}' },
  },
  {
    id: 't-sequence', title: 'preflight sequence', dimension: 'preflight-cache', description: 'first preflight allowed, later refused',
    request: { target: 'api', method: 'PUT', credentials: 'omit' },
    preflight: [{ status: 204, headers: [['Access-Control-Allow-Origin', '{app}']] }, { status: 404, headers: [], body: 'no' }],
    actual: { status: 200, headers: [] },
  },
  {
    id: 't-redirect', title: 'redirects', dimension: 'redirect-chain', description: 'api → third (with userinfo) → app (relative not allowed) ',
    request: { target: 'api', method: 'GET', credentials: 'omit' },
    redirects: [
      { status: 302, to: 'third', userinfo: 'user:pass', headers: [['Access-Control-Allow-Origin', '{app}']] },
      { status: 307, to: 'third', relative: true, headers: [] },
    ],
    actual: { status: 200, headers: [['Access-Control-Allow-Origin', 'null']], body: 'final' },
  },
  {
    id: 't-vary', title: 'varies on Origin', dimension: 'http-cache', description: 'ACAO only with Origin; 304 on revalidation',
    request: { target: 'api', method: 'GET', credentials: 'omit' },
    actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{app}']], body: 'with origin' },
    actualWithoutOrigin: { status: 200, headers: [], body: 'without origin' },
    actualConditional: { status: 304, headers: [['ETag', '"v1"']] },
  },
];

interface Raw { status: number; rawHeaders: string[]; body: string }

function raw(url: string, method = 'GET', headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Pairs of [name, value] without the lines the server adds itself. */
function lines(r: Raw): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < r.rawHeaders.length; i += 2) out.push([r.rawHeaders[i] ?? '', r.rawHeaders[i + 1] ?? '']);
  return out.filter(([n]) => !['date', 'connection', 'content-length'].includes(n.toLowerCase()));
}

describe('lab server', () => {
  let lab: Lab;
  beforeAll(async () => { lab = await startLab({ scenarios: TEST_SCENARIOS }); });
  afterAll(async () => { await lab.close(); });

  it('listens on three distinct OS-assigned 127.0.0.1 ports', () => {
    const ports = Object.values(lab.origins).map((o) => new URL(o).port);
    expect(new Set(ports).size).toBe(3);
    for (const o of Object.values(lab.origins)) expect(o).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers with node fetch', async () => {
    const res = await fetch(`${lab.origins.api}/s/t-repeated/n1/r`, { headers: { Origin: lab.origins.app } });
    expect(res.status).toBe(200);
    // fetch joins repeated lines; the raw test below checks the lines themselves.
    expect(res.headers.get('access-control-allow-origin')).toBe(`${lab.origins.app}, *`);
    expect(await res.text()).toBe(`hello ${lab.origins.api}`);
  });

  it('writes header lines exactly: case, order, repeats and spacing', async () => {
    const r = await raw(`${lab.origins.api}/s/t-repeated/n2/r?x=1`);
    expect(lines(r)).toEqual([
      ['access-control-allow-origin', lab.origins.app],
      ['X-Odd', 'spaced'], // the HTTP parser strips surrounding whitespace on reading, as browsers do
      ['ACCESS-CONTROL-ALLOW-ORIGIN', '*'],
    ]);
    const sock = await new Promise<string>((resolve, reject) => {
      const port = Number(new URL(lab.origins.api).port);
      const c = connect(port, '127.0.0.1', () => c.write('GET /s/t-repeated/n3/r HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let got = '';
      c.on('data', (d) => { got += d.toString('latin1'); });
      c.on('end', () => resolve(got));
      c.on('error', reject);
    });
    expect(sock).toContain('\r\nX-Odd:  spaced \r\n');
  });

  it('serves custom and lower-case methods that node:http would refuse', async () => {
    const port = Number(new URL(lab.origins.api).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const c = connect(port, '127.0.0.1', () => c.write('patch /s/t-repeated/n4/r HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi'));
      let got = '';
      c.on('data', (d) => { got += d.toString('latin1'); });
      c.on('end', () => resolve(got));
      c.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const entry = lab.requestsFor('t-repeated', 'n4')[0];
    expect(entry?.method).toBe('patch');
    expect(entry?.body).toBe('hi');
  });

  it('answers preflights in sequence, the last answer repeating, and logs them', async () => {
    const first = await raw(`${lab.origins.api}/s/t-sequence/n5/r`, 'OPTIONS', { Origin: lab.origins.app, 'Access-Control-Request-Method': 'PUT' });
    const second = await raw(`${lab.origins.api}/s/t-sequence/n5/r`, 'OPTIONS');
    const third = await raw(`${lab.origins.api}/s/t-sequence/n5/r`, 'OPTIONS');
    const otherRun = await raw(`${lab.origins.api}/s/t-sequence/n6/r`, 'OPTIONS');
    expect([first.status, second.status, third.status, otherRun.status]).toEqual([204, 404, 404, 204]);
    const log = lab.requestsFor('t-sequence', 'n5');
    expect(log.map((e) => e.role)).toEqual(['preflight', 'preflight', 'preflight']);
    expect(log[0]?.headers).toContainEqual(['Access-Control-Request-Method', 'PUT']);
    expect(log[0]?.answer.headers).toContainEqual(['Access-Control-Allow-Origin', lab.origins.app]);
  });

  it('defaults an unspecified preflight to 404 without CORS headers', async () => {
    const r = await raw(`${lab.origins.api}/s/t-repeated/n7/r`, 'OPTIONS');
    expect(r.status).toBe(404);
    expect(lines(r)).toEqual([]);
  });

  it('chains redirects across origins with userinfo and relative Locations', async () => {
    const hop0 = await raw(`${lab.origins.api}/s/t-redirect/n8/r`);
    expect(hop0.status).toBe(302);
    const thirdUrl = new URL(lab.origins.third);
    expect(lines(hop0)).toEqual([
      ['Access-Control-Allow-Origin', lab.origins.app],
      ['Location', `http://user:pass@${thirdUrl.host}/s/t-redirect/n8/hop/1`],
    ]);
    const hop1 = await raw(`${lab.origins.third}/s/t-redirect/n8/hop/1`);
    expect(hop1.status).toBe(307);
    expect(lines(hop1)).toEqual([['Location', '/s/t-redirect/n8/hop/2']]);
    const fin = await raw(`${lab.origins.third}/s/t-redirect/n8/hop/2`);
    expect([fin.status, fin.body]).toEqual([200, 'final']);
    expect(lab.requestsFor('t-redirect', 'n8').map((e) => [e.origin, e.role, e.hop])).toEqual([
      ['api', 'hop', 0], ['third', 'hop', 1], ['third', 'actual', 2],
    ]);
  });

  it('varies on Origin and answers revalidations with the conditional answer', async () => {
    expect((await raw(`${lab.origins.api}/s/t-vary/n9/r`)).body).toBe('without origin');
    expect((await raw(`${lab.origins.api}/s/t-vary/n9/r`, 'GET', { Origin: lab.origins.app })).body).toBe('with origin');
    const reval = await raw(`${lab.origins.api}/s/t-vary/n9/r`, 'GET', { 'If-None-Match': '"v1"' });
    expect(reval.status).toBe(304);
  });

  it('serves the page and its script only on the app origin', async () => {
    const page = await raw(`${lab.origins.app}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-scenario="t-vary"');
    expect((await raw(`${lab.origins.app}/lab.js`)).body).toContain('window.corsLab');
    expect((await raw(`${lab.origins.api}/`)).status).toBe(404);
    expect((await raw(`${lab.origins.app}/s/unknown/n/r`)).status).toBe(404);
  });

  it('routes on the path alone: a base path (a stage) before /s/ and any Host header reach the scenario', async () => {
    const staged = await raw(`${lab.origins.api}/prod/v2/s/t-repeated/n11/r/items`, 'GET', { Host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com' });
    expect(staged.status).toBe(200);
    expect(staged.body).toBe(`hello ${lab.origins.api}`);
    expect(lab.requestsFor('t-repeated', 'n11').map((e) => [e.role, e.url])).toEqual([['actual', '/prod/v2/s/t-repeated/n11/r/items']]);
    expect((await raw(`${lab.origins.api}/prod/x/t-repeated/n12/r`)).status).toBe(404);
  });

  it('answers malformed requests with 400 and stays up', async () => {
    const port = Number(new URL(lab.origins.api).port);
    const reply = await new Promise<string>((resolve) => {
      const c = connect(port, '127.0.0.1', () => c.write('NOT A REQUEST\r\n\r\n'));
      let got = '';
      c.on('data', (d) => { got += d.toString('latin1'); });
      c.on('end', () => resolve(got));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await raw(`${lab.origins.api}/s/t-repeated/n10/r`)).status).toBe(200);
  });
});

describe('lab lifecycle', () => {
  it('starts with the full registry and refuses connections after close()', async () => {
    const lab = await startLab();
    expect(lab.scenarios).toBe(SCENARIOS);
    const r = await raw(`${lab.origins.api}/s/seed-apigw-rest-options-not-configured/n/r/items`, 'OPTIONS');
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({ message: 'Missing Authentication Token' });
    expect(lines(r).map(([n]) => n)).toEqual(['Content-Type', 'x-amzn-RequestId', 'x-amz-apigw-id', 'x-amzn-ErrorType']);
    await lab.close();
    await expect(raw(`${lab.origins.api}/`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses invalid scenario data at start', async () => {
    const bad = { ...TEST_SCENARIOS[0], id: 'Bad Id' } as Scenario;
    await expect(startLab({ scenarios: [bad] })).rejects.toThrow(/kebab/);
  });
});
