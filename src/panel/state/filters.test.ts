import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureDiagnose, sampleSet } from '../fixtures/sample';
import { DEFAULT_FILTERS, SCOPES, matchesFilters, matchesWithoutDiagnosis, parseFilterText, type Filters } from './filters';
import { rowModel } from './row-model';

const samples = sampleSet();
const diagnose = fixtureDiagnose(samples);

function matching(f: Partial<Filters>): string[] {
  const filters = { ...DEFAULT_FILTERS, ...f };
  const terms = parseFilterText(filters.text);
  return samples.filter(({ exchange: e }) => matchesFilters(filters, terms, rowModel(e, diagnose(e)), e, diagnose(e))).map((s) => s.exchange.id);
}

describe('parseFilterText', () => {
  it('splits words, negations and known keys; unknown keys are plain words', () => {
    expect(parseFilterText('  api  -status:200 method:PUT https://x ')).toEqual([
      { negate: false, key: null, value: 'api' },
      { negate: true, key: 'status', value: '200' },
      { negate: false, key: 'method', value: 'put' },
      { negate: false, key: null, value: 'https://x' },
    ]);
    expect(parseFilterText('-')).toEqual([]);
    expect(parseFilterText('method:')).toEqual([{ negate: false, key: null, value: 'method:' }]);
  });
});

describe('matchesFilters', () => {
  it('scope blocked keeps exactly the blocked ones', () => {
    const blocked = samples.filter((s) => s.diagnosis.verdict.blocked).map((s) => s.exchange.id);
    expect(matching({ scope: 'blocked' })).toEqual(blocked);
    expect(blocked.length).toBeGreaterThan(0);
  });

  it('scope cross-origin drops same-origin requests', () => {
    const ids = matching({ scope: 'cross-origin' });
    expect(ids).not.toContain('same-origin');
    expect(ids).toHaveLength(samples.length - 1);
  });

  it('platform filter matches the platform or the CDN in front of it', () => {
    expect(matching({ platform: 'aws-cloudfront' })).toEqual(['cf-warning']);
    expect(matching({ platform: 'aws-apigateway-rest' })).toEqual(['rest-403']);
  });

  it('text terms: words, keys and negation all apply', () => {
    expect(matching({ text: 'lambda-url' })).toEqual(['lambda-dup']);
    expect(matching({ text: 'method:delete' })).toEqual(['nginx-method']);
    expect(matching({ text: 'status:403' })).toEqual(['rest-403']);
    expect(matching({ text: 'error:wildcard' })).toEqual(['express-creds']);
    expect(matching({ text: 'is:cached' })).toEqual(['cached-put']);
    expect(matching({ text: 'is:redirect' })).toEqual(['redirect-blocked']);
    expect(matching({ text: 'is:blocked -host:example.test' })).toEqual(['rest-403', 'lambda-dup', 'express-creds']);
    expect(matching({ text: 'ALLOWED' })).toEqual(expect.arrayContaining(['http-ok', 'cf-warning', 'cached-put']));
  });
});

describe('matchesWithoutDiagnosis', () => {
  const fields = samples.flatMap(({ exchange: e }) => {
    const d = diagnose(e);
    const row = rowModel(e, d);
    return [row.method, row.url, row.host, row.pageOrigin, row.codes, row.summary, row.corsError ?? '', row.platform.name, row.platform.id, d.verdict.failedParameter ?? '', row.status];
  });
  /** Words cut from what rows show (so terms hit and miss), in every key, negated or not. */
  const word = fc.oneof(
    fc.tuple(fc.constantFrom(...fields), fc.nat(), fc.nat({ max: 12 })).map(([f, at, len]) => f.slice(at % Math.max(1, f.length), (at % Math.max(1, f.length)) + len + 1).replace(/\s+/g, '')),
    fc.constantFrom('İ', 'ǅ', 'Σ', 'preflight', 'cached', 'redirect', 'failed', 'blocked', 'warning', '→', '—', 'GET', 'put', '403'),
    fc.string({ maxLength: 6 }),
  );
  const term = fc.tuple(fc.boolean(), fc.constantFrom('', 'method:', 'status:', 'status-code:', 'error:', 'platform:', 'origin:', 'host:', 'domain:', 'is:', 'other:'), word)
    .map(([neg, key, w]) => `${neg ? '-' : ''}${key}${w}`);
  const filtersArb = fc.record({
    text: fc.array(term, { maxLength: 3 }).map((ts) => ts.join(' ')),
    scope: fc.constantFrom(...SCOPES),
    platform: fc.constantFrom('all', 'aws-cloudfront', 'unknown'),
  });

  it('never disagrees with matchesFilters when it decides', () => {
    fc.assert(fc.property(filtersArb, (filters) => {
      const terms = parseFilterText(filters.text);
      for (const { exchange: e } of samples) {
        const quick = matchesWithoutDiagnosis(filters, terms, e);
        if (quick !== null) expect(quick).toBe(matchesFilters(filters, terms, rowModel(e, diagnose(e)), e, diagnose(e)));
      }
    }), { numRuns: 400 });
  });

  it('decides from the URL, method, page origin, host, status codes and exchange facts; waits for the diagnosis otherwise', () => {
    const decide = (text: string) => samples.map(({ exchange: e }) => matchesWithoutDiagnosis({ ...DEFAULT_FILTERS, text }, parseFilterText(text), e));
    expect(decide('execute-api')).toContain(true);
    expect(decide('method:put -status:500 host:example origin:http is:preflight').every((m) => m !== null)).toBe(true);
    expect(decide('Allowed').some((m) => m === null)).toBe(true); // only the summary says so
    expect(decide('is:blocked').every((m) => m === null)).toBe(true);
    expect(decide('is:no-such-fact').every((m) => m === false)).toBe(true);
    expect(samples.map(({ exchange: e }) => matchesWithoutDiagnosis({ ...DEFAULT_FILTERS, scope: 'blocked' }, [], e)).every((m) => m === null)).toBe(true);
  });
});
