/**
 * Seeded random lab scenarios for the differential corpus (`npm run corpus -- --random=<seed>:<count>`):
 * the fixed scenarios vary one dimension at a time; these combine them — methods (lowercase and custom
 * ones too), request headers (page-set Cache-Control, Range, odd Accept values …), credentials modes,
 * fetch cache, redirect and request modes, preflight and final answers with odd Allow-* spellings and
 * statuses, cacheable answers (Cache-Control, Vary), redirect chains across the three origins, and an
 * earlier load of the same URL (a CORS fetch: preflight cache; an <img> or no-cors fetch: HTTP cache). Chromium stays the referee: a scenario never states a verdict.
 * Never part of the registry (SCENARIOS): a run names its seed, so a disagreement can be replayed.
 */
import type { CredentialsMode } from '../../../src/model';
import type { Answer, Dimension, HeaderLine, LabRequest, RedirectHop, Scenario } from '../scenario';
import { ACAC, ACAH, ACAO } from './build';

/** mulberry32: small, seeded, good enough to spread choices (a disagreement can be replayed from its seed). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = ['GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch', 'put', 'OPTIONS', 'FOO'];
const REQUEST_HEADERS: readonly HeaderLine[] = [
  ['Content-Type', 'text/plain'], ['Content-Type', 'application/json'], ['Content-Type', 'application/x-www-form-urlencoded;charset=utf-8'],
  ['Content-Type', 'multipart/form-data; boundary=x'], ['X-Api-Key', 'k1'], ['Authorization', 'Bearer t'], ['Accept', 'a(b'],
  ['Accept', 'application/json'], ['Accept-Language', 'en-US'], ['Content-Language', 'a(b'], ['Range', 'bytes=0-10'], ['Range', 'bytes=1-2,3-4'],
  ['X-Requested-With', 'XMLHttpRequest'], ['X-Custom', '1'], ['Cache-Control', 'no-cache'], ['Pragma', 'no-cache'], ['If-Match', 'x'],
];
const ACAO_VALUES = ['{app}', '{app}', '*', '*', 'null', '{api}', '{app}/', '{app}, {app}', ' {app} ', 'HTTP://{app.host}', undefined, undefined];
const ACAC_VALUES = ['true', 'true', 'TRUE', 'false', ' true', undefined, undefined];

const upperOf = (m: string): string => m.toUpperCase();

export function randomScenarios(seed: number, count: number): Scenario[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const cors = (extra: HeaderLine[] = []): HeaderLine[] => {
    const lines: HeaderLine[] = [];
    const acao = pick(ACAO_VALUES);
    if (acao !== undefined) lines.push([ACAO, acao]);
    if (chance(0.05) && acao !== undefined) lines.push([ACAO, acao]);
    const acac = pick(ACAC_VALUES);
    if (acac !== undefined) lines.push([ACAC, acac]);
    return [...lines, ...extra];
  };
  const answer = (statuses: readonly number[], extra: HeaderLine[] = []): Answer => ({ status: pick(statuses), headers: cors(extra), body: 'ok' });
  /** Sometimes cacheable, sometimes varying on Origin: what the HTTP cache scenarios need. */
  const caching = (): HeaderLine[] => {
    const lines: HeaderLine[] = [];
    if (chance(0.3)) lines.push(['Cache-Control', pick(['max-age=600', 'no-store', 'no-cache', 'private, max-age=60'])]);
    if (chance(0.3)) lines.push(['Vary', pick(['Origin', 'Accept-Encoding', 'Origin, Accept'])]);
    return lines;
  };

  const out: Scenario[] = [];
  for (let i = 0; i < count; i++) {
    const method = pick(METHODS);
    const headers: HeaderLine[] = [];
    const n = Math.floor(rnd() * 4);
    while (headers.length < n) {
      const h = pick(REQUEST_HEADERS);
      if (!headers.some(([name]) => name.toLowerCase() === h[0].toLowerCase())) headers.push(h);
    }
    const credentials = pick<CredentialsMode>(['omit', 'same-origin', 'include', 'include']);
    const request: LabRequest = { target: pick(['api', 'api', 'third'] as const), method, headers, credentials };
    if (!['GET', 'HEAD'].includes(method.toUpperCase()) && chance(0.7)) request.body = '{"a":1}';
    if (chance(0.2)) request.cache = pick(['no-store', 'reload', 'no-cache'] as const);
    if (chance(0.08)) request.redirect = pick(['error', 'manual'] as const);
    // Earlier loads of the same URL: a CORS fetch (preflight cache) or a no-cors load (HTTP cache).
    // A no-cors load accepts only a simple GET (fetch throws otherwise, and nothing reaches the network).
    const simpleGet = upperOf(method) === 'GET' && headers.length === 0;
    if (chance(0.2)) {
      request.setup = [pick([
        { kind: 'cors-fetch' as const },
        { kind: 'cors-fetch' as const, headers: [pick(REQUEST_HEADERS)] },
        { kind: 'cors-fetch' as const, credentials: pick<CredentialsMode>(['omit', 'include']) },
        ...(simpleGet ? [{ kind: 'no-cors-img' as const }, { kind: 'no-cors-fetch' as const }, { kind: 'no-cors-img' as const }] : []),
      ])];
    } else if (chance(0.03)) {
      // Not with a setup step: a same-origin-mode fetch to another origin never reaches the network.
      request.mode = 'same-origin';
    }

    const upper = method.toUpperCase();
    const allowMethods = pick(['*', method, upper, method.toLowerCase(), 'GET, POST', 'PUT,PATCH,DELETE', `${method}, OPTIONS`, 'GET,,PUT', 'PUT PATCH', undefined, undefined]);
    const names = headers.map(([name]) => name.toLowerCase());
    const allowHeaders = pick(['*', names.join(', '), headers.map(([name]) => name).join(','), names.slice(1).join(', '), 'content-type', 'x-api-key, authorization', 'a b', `${names.join(',')},`, undefined, undefined]);
    const preflightExtra: HeaderLine[] = [];
    if (allowMethods !== undefined) preflightExtra.push(['Access-Control-Allow-Methods', allowMethods]);
    if (allowHeaders !== undefined) preflightExtra.push([ACAH, allowHeaders]);
    if (chance(0.2)) preflightExtra.push(['Access-Control-Max-Age', pick(['0', '600', '-1', 'x'])]);

    const redirects: RedirectHop[] = [];
    if (chance(0.25)) {
      const hops = 1 + Math.floor(rnd() * 2);
      for (let k = 0; k < hops; k++) {
        const hop: RedirectHop = { status: pick([301, 302, 303, 307, 308] as const), to: pick(['api', 'third', 'app'] as const), headers: cors() };
        if (chance(0.05)) hop.userinfo = 'user:pass';
        redirects.push(hop);
      }
    }
    const dimension: Dimension = request.setup?.some((x) => x.kind !== 'cors-fetch') ? 'http-cache' : request.setup ? 'preflight-cache'
      : redirects.length ? 'redirect-chain' : headers.length ? 'headers' : upper !== 'GET' && upper !== 'HEAD' && upper !== 'POST' ? 'methods' : 'credentials';
    const s: Scenario = {
      id: `random-${seed}-${i}`,
      title: `random ${seed}/${i}`,
      dimension,
      description: `Random scenario ${i} of seed ${seed}: ${method} with ${headers.map(([k, v]) => `${k}: ${v}`).join(', ') || 'no extra headers'}, credentials ${credentials}.`,
      request,
      preflight: answer([200, 204, 204, 299, 400, 403, 404, 500], preflightExtra),
      actual: answer([200, 200, 204, 404, 500], caching()),
    };
    if (redirects.length) s.redirects = redirects;
    out.push(s);
  }
  return out;
}
