/**
 * Properties of evaluate() over generated exchanges (fast-check): facts that must hold for every
 * input, not just the hand-picked cases of evaluate.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CredentialsMode, Exchange, Header } from '../model';
import { evaluate } from './evaluate';
import { buildExchange, corsHeaders } from './cors/test-support';

const ORIGINS = ['https://app.example', 'http://127.0.0.1:4310', 'https://app.example:8443', 'null'];
const URLS = ['https://api.example/items', 'http://127.0.0.1:4311/x?y=1', 'https://api.example:8443/v1/things'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch', 'OPTIONS'];
const CUSTOM_HEADERS = ['X-Api-Key', 'Authorization', 'X-Requested-With', 'X-Amz-Date', 'Content-Type', 'If-Match', 'X-Trace-Id'];
const CREDENTIALS: CredentialsMode[] = ['omit', 'same-origin', 'include'];

const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/);

/** A request and a server that allows exactly what it asks for (a preflight only when needed). */
const allowedExchange = fc.record({
  origin: fc.constantFrom(...ORIGINS),
  url: fc.constantFrom(...URLS),
  method: fc.constantFrom(...METHODS),
  headerNames: fc.uniqueArray(fc.constantFrom(...CUSTOM_HEADERS), { maxLength: 4, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  credentials: fc.constantFrom<CredentialsMode | undefined>(...CREDENTIALS, undefined),
  extraMethods: fc.array(token, { maxLength: 3 }),
  extraHeaders: fc.array(token, { maxLength: 3 }),
  wildcard: fc.boolean(),
  preflightStatus: fc.constantFrom(200, 204),
}).map((p) => {
  const include = p.credentials === 'include';
  const headers: [string, string][] = p.headerNames.map((n) => [n, n === 'Content-Type' ? 'application/json' : 'v']);
  const allowOrigin = p.wildcard && !include ? '*' : p.origin;
  const allowCredentials = include ? true : undefined;
  const methods = [...p.extraMethods, p.method].join(', ');
  const allowHeaders = [...p.extraHeaders, ...p.headerNames.map((n) => n.toLowerCase())].join(', ');
  const needsPreflight = !['GET', 'HEAD', 'POST'].includes(p.method.toUpperCase()) || headers.length > 0;
  return buildExchange({
    origin: p.origin, url: p.url, method: p.method, headers, ...(p.credentials ? { credentials: p.credentials } : {}),
    ...(needsPreflight ? { preflight: { status: p.preflightStatus, headers: corsHeaders({ origin: allowOrigin, credentials: allowCredentials, methods, headers: allowHeaders }) } } : {}),
    response: { status: 200, headers: corsHeaders({ origin: allowOrigin, credentials: allowCredentials }) },
  });
});

/** Any exchange: random CORS headers that may or may not allow the request. */
const anyExchange = fc.record({
  origin: fc.constantFrom(...ORIGINS),
  url: fc.constantFrom(...URLS),
  method: fc.constantFrom(...METHODS),
  headerNames: fc.uniqueArray(fc.constantFrom(...CUSTOM_HEADERS), { maxLength: 4, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  credentials: fc.constantFrom<CredentialsMode | undefined>(...CREDENTIALS, undefined),
  acao: fc.constantFrom(undefined, '*', 'null', 'https://app.example', 'http://127.0.0.1:4310', 'https://app.example/'),
  acac: fc.constantFrom(undefined, 'true', 'TRUE'),
  acam: fc.option(fc.array(fc.oneof(token, fc.constantFrom(...METHODS, '*')), { maxLength: 5 }), { nil: undefined }),
  acah: fc.option(fc.array(fc.oneof(token, fc.constantFrom(...CUSTOM_HEADERS, '*')), { maxLength: 5 }), { nil: undefined }),
  preflightStatus: fc.constantFrom(200, 204, 403, 404, 500),
  responseAcao: fc.constantFrom(undefined, '*', 'https://app.example', 'null'),
  observed: fc.constantFrom<Exchange['observed']>({}, { failed: false }, { failed: true, errorText: 'net::ERR_FAILED' }),
}).map((p) => buildExchange({
  origin: p.origin, url: p.url, method: p.method, headers: p.headerNames.map((n): [string, string] => [n, 'v']),
  ...(p.credentials ? { credentials: p.credentials } : {}),
  preflight: { status: p.preflightStatus, headers: corsHeaders({ origin: p.acao, credentials: p.acac, methods: p.acam?.join(', '), headers: p.acah?.join(', ') }) },
  response: { status: 200, headers: corsHeaders({ origin: p.responseAcao, credentials: p.acac }) },
  observed: p.observed,
}));

/** Response headers that have nothing to do with CORS. */
const noise = fc.array(fc.record({
  name: fc.oneof(fc.constantFrom('Content-Type', 'Cache-Control', 'Vary', 'Server', 'Set-Cookie', 'ETag', 'X-Amzn-RequestId', 'Access-Control-Expose-Headers', 'Via'), token.filter((t) => !t.toLowerCase().startsWith('access-control-allow') && t.toLowerCase() !== 'location')),
  value: fc.string({ maxLength: 20 }),
}), { maxLength: 6 });

function withResponseNoise(ex: Exchange, extra: Header[]): Exchange {
  const copy = structuredClone(ex);
  copy.response?.headers.push(...extra);
  copy.preflight?.response?.headers.push(...extra);
  return copy;
}

function editPreflightHeader(ex: Exchange, name: string, edit: (value: string | undefined) => string | undefined): Exchange {
  const copy = structuredClone(ex);
  const headers = copy.preflight?.response?.headers;
  if (!headers) return copy;
  const i = headers.findIndex((h) => h.name.toLowerCase() === name.toLowerCase());
  const next = edit(i === -1 ? undefined : headers[i]?.value);
  if (i !== -1) headers.splice(i, 1);
  if (next !== undefined) headers.push({ name, value: next });
  return copy;
}

const outcome = (ex: Exchange) => {
  const v = evaluate(ex);
  return { blocked: v.blocked, corsError: v.corsError, failedParameter: v.failedParameter, phase: v.phase, mode: v.credentials.mode };
};

describe('evaluate() properties', () => {
  it('a server that allows exactly what is asked is allowed', () => {
    fc.assert(fc.property(allowedExchange, (ex) => {
      const v = evaluate(ex);
      expect(v.blocked).toBe(false);
      expect(v.corsError).toBeNull();
      expect(v.checks.some((c) => c.result === 'fail')).toBe(false);
    }), { numRuns: 300 });
  });

  it('an allowed exchange stays allowed under irrelevant response-header noise', () => {
    fc.assert(fc.property(allowedExchange, noise, (ex, extra) => {
      expect(evaluate(withResponseNoise(ex, extra)).blocked).toBe(false);
    }), { numRuns: 300 });
  });

  it('noise never changes any verdict', () => {
    fc.assert(fc.property(anyExchange, noise, (ex, extra) => {
      expect(outcome(withResponseNoise(ex, extra))).toEqual(outcome(ex));
    }), { numRuns: 300 });
  });

  it('adding a name to Access-Control-Allow-Headers never turns allowed into blocked', () => {
    fc.assert(fc.property(anyExchange, fc.oneof(token, fc.constantFrom(...CUSTOM_HEADERS)), (ex, name) => {
      fc.pre(!evaluate(ex).blocked);
      const more = editPreflightHeader(ex, 'Access-Control-Allow-Headers', (v) => (v === undefined ? name : `${v}, ${name}`));
      expect(evaluate(more).blocked).toBe(false);
    }), { numRuns: 400 });
  });

  it('the order of Access-Control-Allow-Methods / -Headers items is irrelevant', () => {
    fc.assert(fc.property(anyExchange, fc.nat(), (ex, seed) => {
      const shuffle = (v: string | undefined) => {
        if (v === undefined) return v;
        const items = v.split(',');
        const out: string[] = [];
        let s = seed;
        while (items.length) {
          s = (s * 1103515245 + 12345) % 2147483648;
          out.push(...items.splice(s % items.length, 1));
        }
        return out.join(',');
      };
      const shuffled = editPreflightHeader(editPreflightHeader(ex, 'Access-Control-Allow-Methods', shuffle), 'Access-Control-Allow-Headers', shuffle);
      expect(outcome(shuffled)).toEqual(outcome(ex));
    }), { numRuns: 300 });
  });

  it('is deterministic and JSON-serializable', () => {
    fc.assert(fc.property(anyExchange, (ex) => {
      const a = evaluate(ex);
      const b = evaluate(structuredClone(ex));
      expect(b).toEqual(a);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    }), { numRuns: 200 });
  });

  it('agrees with the observed outcome whenever one is known', () => {
    fc.assert(fc.property(anyExchange, (ex) => {
      const v = evaluate(ex);
      if (ex.observed.failed === false) expect(v.blocked).toBe(false);
      if (ex.observed.failed === true) expect(v.blocked).toBe(true);
      if (!v.blocked) {
        expect(v.corsError).toBeNull();
        expect(v.failedParameter).toBeNull();
      }
    }), { numRuns: 300 });
  });

  it('a failure with a network error other than net::ERR_FAILED is never called a CORS block', () => {
    const netError = fc.constantFrom('net::ERR_ABORTED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_TOO_MANY_REDIRECTS', 'net::ERR_NAME_NOT_RESOLVED');
    fc.assert(fc.property(anyExchange, netError, fc.boolean(), (ex, errorText, withResponse) => {
      const copy: Exchange = { ...structuredClone(ex), observed: { failed: true, errorText } };
      if (!withResponse) delete copy.response;
      const v = evaluate(copy);
      expect(v).toMatchObject({ blocked: false, corsError: null, failedParameter: null });
      expect(v.notes.join(' ')).toContain(errorText);
    }), { numRuns: 200 });
  });

  it('a blocked verdict names a failing check of the same phase (unless the observation overrode the rules)', () => {
    fc.assert(fc.property(anyExchange, (ex) => {
      const v = evaluate(ex);
      fc.pre(v.blocked && v.corsError !== null && !v.inconsistent);
      const first = v.checks.find((c) => c.result === 'fail');
      expect(first?.corsError).toBe(v.corsError);
      expect(first?.phase).toBe(v.phase);
    }), { numRuns: 300 });
  });
});
