// A HAR written by a real Firefox (fixtures/har/record-firefox.ts): imported as Firefox writes it, and
// every verdict matches what Firefox let the page do with the request (recorded by the page itself).
// Firefox's HAR does not say whether CORS blocked a response, so where the unrecorded credentials
// mode decides, the verdict must name Firefox's outcome as its alternative.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importHar, NO_OUTCOME_WARNING } from '../src/har';
import { importHarText } from '../src/panel/data/import-har';
import type { Exchange } from '../src/model';
import { evaluate } from '../src/rules';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/har/${name}`, import.meta.url), 'utf8');
const { exchanges, stats, creator, warnings } = importHar(fixture('firefox-real.har'));
const outcomes = JSON.parse(fixture('firefox-real.outcomes.json')) as {
  firefox: string;
  requests: Array<{ url: string; method: string; outcome: 'allowed' | 'blocked' }>;
};

/** The n-th exchange (in start order) of a URL and method. */
function nth(url: string, method: string, n: number): Exchange | undefined {
  return exchanges.filter((x) => x.request.url === url && x.request.method === method).sort((a, b) => a.startedAt - b.startedAt)[n];
}

describe(`a real Firefox ${outcomes.firefox} HAR`, () => {
  it('is read as Firefox wrote it: every cross-origin request, the preflights paired, the redirect followed', () => {
    expect(creator).toBe(`Firefox ${outcomes.firefox}`);
    expect(exchanges).toHaveLength(outcomes.requests.length);
    expect(stats.pairedPreflights).toBe(outcomes.requests.filter((r) => !['GET', 'HEAD', 'POST'].includes(r.method) || /header-not-allowed/.test(r.url)).length);
    const redirected = nth('http://127.0.0.1:4802/redirect-third', 'GET', 0);
    expect(redirected?.redirects.map((h) => h.location)).toEqual(['http://127.0.0.1:4803/final']);
    expect(redirected?.response?.status).toBe(200);
  });

  it('says once that the file records no outcome (CLI report head, panel import notice); a Chrome HAR does not get that', () => {
    expect(warnings).toContain(NO_OUTCOME_WARNING);
    expect(importHarText(fixture('firefox-real.har'), 'ff.har').note).toMatch(/does not record which requests the browser blocked/);
    expect(importHar(fixture('chrome-devtools.har')).warnings).not.toContain(NO_OUTCOME_WARNING);
    expect(importHarText(fixture('chrome-devtools.har'), 'c.har').note ?? '').not.toMatch(/does not record/);
  });

  const seen = new Map<string, number>();
  for (const r of outcomes.requests) {
    const key = `${r.method} ${r.url}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    it(`${key}${n ? ` (#${n + 1})` : ''}: Firefox ${r.outcome} it, and so does the verdict (or its credentials alternative)`, () => {
      const x = nth(r.url, r.method, n);
      expect(x).toBeDefined();
      const v = evaluate(x!);
      const blocked = r.outcome === 'blocked';
      if (v.blocked === blocked) return;
      // Only the unrecorded credentials mode may stand between the verdict and Firefox's outcome.
      expect(v.credentials.inferred).toBe(true);
      expect(v.alternatives?.some((a) => a.blocked === blocked && /credentials/.test(a.condition))).toBe(true);
    });
  }

  it('names the alternative where only credentials: "include" explains Firefox\'s block (ACAO * on a credentialed fetch)', () => {
    const v = evaluate(nth('http://127.0.0.1:4802/star-credentials', 'GET', 0)!);
    expect(v.blocked).toBe(false);
    expect(v.alternatives).toEqual([expect.objectContaining({ blocked: true, corsError: 'WildcardOriginNotAllowed' })]);
  });
});
