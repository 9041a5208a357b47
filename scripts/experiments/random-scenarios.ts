/**
 * Random CORS scenarios for the differential harness: a seeded mix of methods (lowercase and custom
 * ones too), request headers, credentials modes, clients (fetch, XHR) and preflight/actual answers
 * (odd Allow-Origin spellings, Allow-Credentials casing, Allow-Methods/Headers lists and typos, statuses).
 *
 *   npx tsx scripts/experiments/random-scenarios.ts <seed> <count> > /tmp/random.json   (seed ≥ 100: redirects, no-cors too)
 *   WITH_CREDENTIALS=1 npx tsx scripts/experiments/cors-probe.ts /tmp/random.json --compare | grep ^DIFF
 *
 * Harness limits (not rule disagreements): node:http rejects lowercase and custom methods (`patch`,
 * `FOO`) with its own 400, which the probe does not record; an unread 204/HEAD body can end in
 * net::ERR_ABORTED after the page already had the response. Without WITH_CREDENTIALS the rules infer
 * the credentials mode, as for a HAR, and name the other reading in a note.
 */
import { seededRandom } from '../../e2e/lab/scenarios/random';
import type { Scenario } from './cors-probe';

type Reply = NonNullable<Scenario['actual']>;
const [seed = 1, count = 300] = process.argv.slice(2).map(Number);
const rnd = seededRandom(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const maybe = (p: number, f: () => void): void => {
  if (rnd() < p) f();
};
const PAGE = 'http://127.0.0.1:4640';
const METHODS = ['GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch', 'put', 'delete', 'OPTIONS', 'FOO'];
const HEADERS: [string, string][] = [
  ['Content-Type', 'text/plain'], ['Content-Type', 'application/json'], ['Content-Type', 'application/x-www-form-urlencoded;charset=utf-8'],
  ['Content-Type', 'multipart/form-data; boundary=x'], ['Content-Type', 'text/plain; a="{"'], ['X-Api-Key', 'k1'], ['Authorization', 'Bearer t'],
  ['Accept', '*/*'], ['Accept', 'a'.repeat(140)], ['Accept-Language', 'en-US'], ['Content-Language', 'a(b'], ['Range', 'bytes=0-10'], ['Range', 'bytes=5-'],
  ['Range', 'bytes=1-2,3-4'], ['X-Requested-With', 'XMLHttpRequest'], ['x-custom', '1'], ['Cache-Control', 'no-cache'],
];
const ACAO = [PAGE, PAGE, '*', '*', 'null', 'http://127.0.0.1:4641', `${PAGE}/`, `${PAGE}, ${PAGE}`, ` ${PAGE} `, 'HTTP://127.0.0.1:4640', undefined, undefined];
const ACAC = ['true', 'true', 'TRUE', 'false', ' true', undefined, undefined];
const STATUS_PF = [200, 204, 204, 299, 400, 403, 404, 500];
const STATUS = [200, 200, 204, 404, 500];
function methodsFor(m: string): string | undefined {
  return pick(['*', m, m.toLowerCase(), m.toUpperCase(), 'GET, POST', 'PUT,PATCH,DELETE', `${m}, OPTIONS`, 'GET,,PUT', 'PUT PATCH', undefined, undefined]);
}
function headersFor(names: string[]): string | undefined {
  const lower = names.map((n) => n.toLowerCase());
  return pick(['*', lower.join(', '), names.join(','), lower.slice(1).join(', '), 'content-type', 'x-api-key, authorization', 'a b', `${lower.join(',')},`, undefined, undefined]);
}
function reply(status: number, acao: string | undefined, acac: string | undefined, extra: [string, string][] = []): Reply {
  const h: [string, string][] = [];
  if (acao !== undefined) h.push(['Access-Control-Allow-Origin', acao]);
  if (acac !== undefined) h.push(['Access-Control-Allow-Credentials', acac]);
  return { status, headers: [...h, ...extra] };
}
const out: Scenario[] = [];
for (let i = 0; i < count; i++) {
  const method = pick(METHODS);
  const n = Math.floor(rnd() * 3);
  const headers: [string, string][] = [];
  for (let k = 0; k < n; k++) { const hh = pick(HEADERS); if (!headers.some((x) => x[0].toLowerCase() === hh[0].toLowerCase())) headers.push(hh); }
  const credentials = pick(['omit', 'same-origin', 'include', 'include'] as const);
  const client: Scenario['client'] = rnd() < 0.25 ? 'xhr' : 'fetch';
  const sc: Scenario = { name: `fz${seed}-${i}`, client, method, headers, credentials };
  const pfExtra: [string, string][] = [];
  const am = methodsFor(method.toUpperCase()); if (am !== undefined) pfExtra.push(['Access-Control-Allow-Methods', am]);
  const ah = headersFor(headers.map((x) => x[0])); if (ah !== undefined) pfExtra.push(['Access-Control-Allow-Headers', ah]);
  maybe(0.2, () => pfExtra.push(['Access-Control-Allow-Private-Network', 'true']));
  sc.preflight = reply(pick(STATUS_PF), pick(ACAO), pick(ACAC), pfExtra);
  sc.actual = reply(pick(STATUS), pick(ACAO), pick(ACAC));
  // From seed 100 on: redirects too (same or other origin, with or without CORS headers on the hop), and redirected preflights.
  if (seed >= 100) {
    maybe(0.3, () => {
      const hops = 1 + Math.floor(rnd() * 2);
      sc.redirects = Array.from({ length: hops }, () => reply(pick([301, 302, 303, 307, 308]), pick(ACAO), pick(ACAC), [['Location', pick(['{next}', '{next:4642}', '{next:4642:u:p}'])]]));
    });
    maybe(0.05, () => {
      sc.preflight = reply(pick([301, 302, 307]), pick(ACAO), pick(ACAC), [['Location', '{next}']]);
    });
    // XHR has no mode: no-cors is for fetch only.
    if (client === 'fetch') {
      maybe(0.1, () => {
        sc.mode = 'no-cors';
      });
    }
  }
  if (method === 'POST' || method === 'PUT' || method === 'patch') sc.body = 'x';
  if (client === 'xhr' && credentials === 'same-origin') sc.credentials = 'omit';
  out.push(sc);
}
process.stdout.write(JSON.stringify(out));
