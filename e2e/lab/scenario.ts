/**
 * The lab's declarative scenario: what the page asks and what the servers answer, as plain data.
 *
 * A scenario NEVER states Chromium's verdict: ground truth is measured live (chromium-verdicts.ts).
 * `platform` and `expectBlocked` are expectations of OUR product / human notes, not referee answers.
 *
 * Templates: header values, request header values and `rawLocation` may contain these tokens, which the
 * server (and the page) replace with the running lab's values, so data stays independent of ports:
 *   {app} {api} {third}                    serialized origins, e.g. "http://127.0.0.1:4310"
 *   {app.host} {api.host} {third.host}     host:port, e.g. "127.0.0.1:4310"
 *   {app.port} {api.port} {third.port}     port number
 *   {self}                                  the origin that is answering
 * Any other brace text is written as is.
 *
 * URLs: the request goes to `<target origin>/s/<id>/<nonce>/r<path>` (or, with `request.host`, to that host on the
 * target origin's port: the servers route on the path alone, never on Host); redirect hop n (n ≥ 1) lives at
 * `/s/<id>/<nonce>/hop/<n>` on the origin hop n-1 pointed at. The nonce is chosen per run so runs never
 * share browser caches; setup steps reuse the run's nonce (that is how cache scenarios share an entry).
 */
import type { CredentialsMode, PlatformId } from '../../src/model';
import { hostProblems } from './hosts';

export const DIMENSIONS = [
  'seed',
  'acao-form',
  'credentials',
  'methods',
  'headers',
  'safelist',
  'content-type',
  'range',
  'mode',
  'preflight-status',
  'preflight-redirect',
  'redirect-chain',
  'preflight-cache',
  'http-cache',
  'error-status',
] as const;

export type Dimension = (typeof DIMENSIONS)[number];

/** One header line, in wire order. Repeated names are separate lines. */
export type HeaderLine = readonly [name: string, value: string];

export type LabOriginName = 'app' | 'api' | 'third';

/** What a server answers: status, header lines exactly as written (case, order, repeats), body. */
export interface Answer {
  status: number;
  /** Reason phrase; Node's default for the status when absent. */
  statusText?: string;
  headers: readonly HeaderLine[];
  body?: string;
}

/**
 * A step the page performs before the measured fetch, against the same URL (same nonce).
 * - `no-cors-img`: an `<img src>` load (no-cors, credentials included, no Origin header): warms the HTTP cache.
 * - `no-cors-fetch`: `fetch(url, { mode: 'no-cors' })`: same purpose.
 * - `cors-fetch`: an earlier CORS fetch, identical to the measured one unless overridden (preflight cache).
 */
export type SetupStep =
  | { kind: 'no-cors-img' }
  | { kind: 'no-cors-fetch'; credentials?: CredentialsMode }
  | {
      kind: 'cors-fetch';
      method?: string;
      headers?: readonly HeaderLine[];
      credentials?: CredentialsMode;
    };

/** The request the page makes (with `fetch`). */
export interface LabRequest {
  target: 'api' | 'third';
  /**
   * The host name the target is called under, e.g. 'abcdefghij.lambda-url.us-east-1.on.aws' (see hosts.ts):
   * the URL becomes `http://<host>:<target origin's port>/s/…` and Chromium resolves the name to 127.0.0.1.
   * Absent: the target origin itself (127.0.0.1). Template tokens such as {api} in answers still name the
   * lab origins, and redirect hops still point at them.
   */
  host?: string;
  /**
   * Path segments before the lab's route, e.g. '/prod' for an API Gateway REST stage: the URL becomes
   * `…/prod/s/<id>/<nonce>/r<path>`, so the rules read the stage from the first segment as on AWS.
   */
  basePath?: string;
  method: string;
  /** Appended to `/s/<id>/<nonce>/r`, e.g. "?page=2". */
  path?: string;
  headers?: readonly HeaderLine[];
  credentials: CredentialsMode;
  body?: string;
  /** fetch `mode`; default 'cors'. */
  mode?: 'cors' | 'same-origin';
  /** fetch `cache`; default 'default'. */
  cache?: 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache';
  /** fetch `redirect`; default 'follow'. */
  redirect?: 'follow' | 'error' | 'manual';
  setup?: readonly SetupStep[];
}

/** One redirect answered to the actual request. Hop 0 answers the initial URL. */
export interface RedirectHop {
  status: 301 | 302 | 303 | 307 | 308;
  /** Where Location points: hop n+1 (or the final resource) on this origin. */
  to: LabOriginName;
  /** user:pass written into the Location URL, e.g. "user:pass". */
  userinfo?: string;
  /** Location as a path only ("/s/…/hop/n") instead of an absolute URL; `to` must then be the answering origin. */
  relative?: boolean;
  /** An empty Location line before the real one (Chromium follows the first non-empty Location). */
  emptyLocationFirst?: boolean;
  /** Other header lines of the redirect response (ACAO etc.). Location is added by the server. */
  headers: readonly HeaderLine[];
  body?: string;
}

/** Expectations of OUR product for the seed causes (later tests), never Chromium's verdict. */
export interface PlatformExpectation {
  id: PlatformId;
  /** Finding ids the diagnosis should contain, e.g. "options-not-configured". */
  findings: readonly string[];
  /** CDN in front, when any. */
  cdn?: PlatformId;
}

export interface Scenario {
  /** kebab-case, unique. */
  id: string;
  title: string;
  dimension: Dimension;
  description: string;
  request: LabRequest;
  /**
   * Answer to OPTIONS. Default: 404 with no CORS headers. An array answers the n-th preflight of a run
   * with the n-th element, the last one repeating (preflight-cache scenarios change their answer).
   */
  preflight?: Answer | readonly Answer[];
  /** Answer to the actual request (the final one after redirects). Array: as for `preflight`. */
  actual: Answer | readonly Answer[];
  /**
   * Answer to a non-OPTIONS request that carries no Origin header (an `<img>` or no-cors warm-up), when
   * the server varies on Origin (S3 and CloudFront do). Default: `actual`.
   */
  actualWithoutOrigin?: Answer;
  /**
   * Answer to a non-OPTIONS request carrying If-None-Match or If-Modified-Since (an HTTP-cache
   * revalidation), e.g. a 304. Default: the usual answer.
   */
  actualConditional?: Answer;
  redirects?: readonly RedirectHop[];
  platform?: PlatformExpectation;
  /** Human note for the simple seed e2e; the differential corpus never reads it. */
  expectBlocked?: boolean;
}

// ---- validation (used by the registry's unit test and at lab start) ----

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Node refuses to write these bytes in a header value; fetch refuses them in request headers. */
const BAD_VALUE_BYTES = /[\0\r\n]/;
// eslint-disable-next-line no-control-regex -- exactly the bytes Node's http refuses in a header value
const NODE_BAD_VALUE = /[\x00-\x08\x0a-\x1f\x7f]|[^\x00-\xff]/;
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** Framing headers the lab server computes itself (http1.ts). */
const SERVER_OWNED = new Set(['content-length', 'connection', 'transfer-encoding', 'keep-alive']);

function checkLines(where: string, lines: readonly HeaderLine[] | undefined, problems: string[]): void {
  for (const [name, value] of lines ?? []) {
    if (!TOKEN.test(name)) problems.push(`${where}: header name ${JSON.stringify(name)} is not a token`);
    if (BAD_VALUE_BYTES.test(value) || NODE_BAD_VALUE.test(value))
      problems.push(`${where}: header ${name} has a value Node cannot write`);
  }
}

function checkAnswer(where: string, a: Answer, problems: string[]): void {
  if (!Number.isInteger(a.status) || a.status < 200 || a.status > 599) problems.push(`${where}: status ${a.status}`);
  checkLines(where, a.headers, problems);
  for (const [n] of a.headers) {
    if (SERVER_OWNED.has(n.toLowerCase())) problems.push(`${where}: ${n} is written by the server`);
  }
}

function answers(a: Answer | readonly Answer[] | undefined): readonly Answer[] {
  if (a === undefined) return [];
  return isAnswerList(a) ? a : [a];
}

export function isAnswerList(a: Answer | readonly Answer[]): a is readonly Answer[] {
  return Array.isArray(a);
}

/** Problems with one scenario as data; empty when it is valid. */
export function validateScenario(s: Scenario): string[] {
  const problems: string[] = [];
  const at = s.id || '(no id)';
  if (!KEBAB.test(s.id)) problems.push(`${at}: id is not kebab-case`);
  if (!s.title.trim()) problems.push(`${at}: empty title`);
  if (!s.description.trim()) problems.push(`${at}: empty description`);
  if (!(DIMENSIONS as readonly string[]).includes(s.dimension)) problems.push(`${at}: unknown dimension`);
  const r = s.request;
  if (!TOKEN.test(r.method)) problems.push(`${at}: method is not a token`);
  if (FORBIDDEN_METHODS.has(r.method.toUpperCase())) problems.push(`${at}: forbidden method (fetch throws)`);
  if (r.body !== undefined && ['GET', 'HEAD'].includes(r.method.toUpperCase()))
    problems.push(`${at}: GET/HEAD with a body (fetch throws)`);
  if (!['omit', 'same-origin', 'include'].includes(r.credentials)) problems.push(`${at}: credentials mode`);
  if (r.path !== undefined && !/^[?/#]?[\x21-\x7e]*$/.test(r.path)) problems.push(`${at}: path suffix`);
  if (r.host !== undefined) problems.push(...hostProblems(r.host).map((p) => `${at}: ${p}`));
  if (r.basePath !== undefined && (!/^(\/[A-Za-z0-9._~-]+)+$/.test(r.basePath) || r.basePath.split('/').includes('s')))
    problems.push(`${at}: basePath must be /segment[/segment…] without a segment "s"`);
  checkLines(`${at} request`, r.headers, problems);
  for (const step of r.setup ?? []) if (step.kind === 'cors-fetch') checkLines(`${at} setup`, step.headers, problems);
  const pre = answers(s.preflight);
  const act = answers(s.actual);
  if (act.length === 0) problems.push(`${at}: no actual answer`);
  pre.forEach((a, i) => checkAnswer(`${at} preflight[${i}]`, a, problems));
  act.forEach((a, i) => checkAnswer(`${at} actual[${i}]`, a, problems));
  if (s.actualWithoutOrigin) checkAnswer(`${at} actualWithoutOrigin`, s.actualWithoutOrigin, problems);
  if (s.actualConditional) checkAnswer(`${at} actualConditional`, s.actualConditional, problems);
  let answering: LabOriginName = r.target;
  (s.redirects ?? []).forEach((h, i) => {
    checkLines(`${at} hop ${i}`, h.headers, problems);
    for (const [n] of h.headers) if (SERVER_OWNED.has(n.toLowerCase())) problems.push(`${at} hop ${i}: ${n} is written by the server`);
    if (h.headers.some(([n]) => n.toLowerCase() === 'location')) problems.push(`${at} hop ${i}: Location is added by the server`);
    if (h.relative && h.to !== answering) problems.push(`${at} hop ${i}: relative Location must stay on ${answering}`);
    if (h.userinfo !== undefined && !/^[A-Za-z0-9%._~-]*(?::[A-Za-z0-9%._~-]*)?$/.test(h.userinfo))
      problems.push(`${at} hop ${i}: userinfo`);
    answering = h.to;
  });
  if (s.dimension === 'seed' && !s.platform) problems.push(`${at}: seed scenario without platform expectation`);
  return problems;
}

/** Problems with a whole registry: each scenario's, plus duplicate ids. */
export function validateRegistry(list: readonly Scenario[]): string[] {
  const problems = list.flatMap(validateScenario);
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s.id)) problems.push(`duplicate id ${s.id}`);
    seen.add(s.id);
  }
  return problems;
}
