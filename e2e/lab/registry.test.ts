import { describe, expect, it } from 'vitest';
import { SCENARIOS, countByDimension, scenarioById } from './scenarios';
import { DIMENSIONS, validateRegistry, validateScenario, type Scenario } from './scenario';
import { renderPage } from './page';
import { expand } from './template';
import { LAB_HOST_SUFFIXES, hostProblems, hostResolverArg } from './hosts';

const origins = { app: 'http://127.0.0.1:4310', api: 'http://127.0.0.1:4311', third: 'http://127.0.0.1:4312' };

describe('scenario registry', () => {
  it('is valid data with unique ids', () => {
    expect(validateRegistry(SCENARIOS)).toEqual([]);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  it('holds at least 250 scenarios, with every dimension present', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(250);
    const counts = countByDimension();
    for (const d of DIMENSIONS) expect(counts.get(d) ?? 0, d).toBeGreaterThan(0);
  });

  it('never states a Chromium verdict in the data', () => {
    for (const s of SCENARIOS) {
      const keys = Object.keys(s);
      expect(keys.filter((k) => /cors.?error|verdict|failedParameter/i.test(k)), s.id).toEqual([]);
    }
  });

  it('gives every seed cause a platform expectation and a human note', () => {
    const seeds = SCENARIOS.filter((s) => s.dimension === 'seed');
    expect(seeds.length).toBeGreaterThanOrEqual(8);
    for (const s of seeds) {
      expect(s.platform, s.id).toBeDefined();
      expect(typeof s.expectBlocked, s.id).toBe('boolean');
    }
    expect(seeds.some((s) => s.expectBlocked === false)).toBe(true);
  });

  it('looks scenarios up by id', () => {
    expect(scenarioById('seed-works')?.dimension).toBe('seed');
    expect(scenarioById('no-such-scenario')).toBeUndefined();
  });
});

describe('validateScenario', () => {
  const good: Scenario = {
    id: 'x-ok', title: 't', dimension: 'headers', description: 'd',
    request: { target: 'api', method: 'GET', credentials: 'omit' },
    actual: { status: 200, headers: [['Access-Control-Allow-Origin', '{app}']] },
  };

  it('accepts a valid scenario', () => {
    expect(validateScenario(good)).toEqual([]);
    expect(validateScenario({ ...good, request: { ...good.request, host: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com', basePath: '/prod' } })).toEqual([]);
  });

  it.each([
    ['a non-kebab id', { ...good, id: 'Not_Kebab' }, /kebab/],
    ['a forbidden method', { ...good, request: { ...good.request, method: 'TRACE' } }, /forbidden method/],
    ['a GET with a body', { ...good, request: { ...good.request, body: 'x' } }, /body/],
    ['a header value with CR/LF', { ...good, actual: { status: 200, headers: [['X-A', 'a\r\nb']] } }, /cannot write/],
    ['a request header name with a space', { ...good, request: { ...good.request, headers: [['X A', '1']] } }, /not a token/],
    ['a status outside 200–599', { ...good, actual: { status: 101, headers: [] } }, /status/],
    ['a Content-Length in the data', { ...good, actual: { status: 200, headers: [['Content-Length', '3']] } }, /written by the server/],
    ['a Location in a redirect hop', { ...good, redirects: [{ status: 302, to: 'api', headers: [['Location', '/x']] }] }, /Location/],
    ['a relative hop that changes origin', { ...good, redirects: [{ status: 302, to: 'third', relative: true, headers: [] }] }, /relative/],
    ['a seed without platform', { ...good, dimension: 'seed' }, /platform/],
    ['a host Chromium does not map to the lab', { ...good, request: { ...good.request, host: 'api.example.com' } }, /not under a suffix/],
    ['a host on an HSTS-preloaded TLD', { ...good, request: { ...good.request, host: 'svc-abc-uc.a.run.app' } }, /HSTS/],
    ['a host with upper-case letters', { ...good, request: { ...good.request, host: 'X.execute-api.us-east-1.amazonaws.com' } }, /DNS name/],
    ['a base path with an "s" segment', { ...good, request: { ...good.request, basePath: '/prod/s' } }, /basePath/],
  ] as const)('refuses %s', (_what, scenario, problem) => {
    expect(validateScenario(scenario as Scenario).join('\n')).toMatch(problem);
  });

  it('reports duplicate ids', () => {
    expect(validateRegistry([good, good])).toContain('duplicate id x-ok');
  });
});

describe('templates', () => {
  it('expands origin, host, port and self tokens and leaves other braces alone', () => {
    expect(expand('{app}|{api.host}|{third.port}|{self}|{other}|{"a":1}', origins, 'api'))
      .toBe('http://127.0.0.1:4310|127.0.0.1:4311|4312|http://127.0.0.1:4311|{other}|{"a":1}');
  });
});

describe('realistic hosts', () => {
  it('maps every suffix a scenario may use, and nothing else, to 127.0.0.1', () => {
    const arg = hostResolverArg();
    expect(arg.startsWith('--host-resolver-rules=')).toBe(true);
    const rules = arg.slice('--host-resolver-rules='.length).split(', ');
    expect(rules).toEqual(LAB_HOST_SUFFIXES.map((s) => `MAP *.${s} 127.0.0.1`));
    for (const s of SCENARIOS) if (s.request.host) expect(hostProblems(s.request.host), s.id).toEqual([]);
  });
});

describe('lab page', () => {
  it('has a button per scenario, grouped by dimension', () => {
    const html = renderPage(origins, SCENARIOS);
    for (const s of SCENARIOS) expect(html).toContain(`data-scenario="${s.id}"`);
    for (const d of DIMENSIONS) expect(html).toContain(`data-dimension="${d}"`);
  });

  it('escapes hostile scenario text and keeps the embedded JSON inert', () => {
    const hostile: Scenario = {
      id: 'hostile', title: '<img src=x onerror=alert(1)>', dimension: 'headers', description: '"quoted" & </script><script>alert(2)</script>',
      request: { target: 'api', method: 'GET', credentials: 'omit', headers: [['X-A', '</script><b>']] },
      actual: { status: 200, headers: [] },
    };
    const html = renderPage(origins, [hostile]);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<\/script>/g)?.length).toBe(2); // only the page's own two script elements close
    const json = /<script id="lab-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(json).scenarios[0].request.headers).toEqual([['X-A', '</script><b>']]);
  });
});
