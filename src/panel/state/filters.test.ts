import { describe, expect, it } from 'vitest';
import { fixtureDiagnose, sampleSet } from '../fixtures/sample';
import { DEFAULT_FILTERS, matchesFilters, parseFilterText, type Filters } from './filters';
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
