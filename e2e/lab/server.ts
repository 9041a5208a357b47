/**
 * The CORS lab's servers: three origins on 127.0.0.1 (app = the page, api and third = cross-origin targets).
 *
 *   const lab = await startLab();            // ports 0: OS-assigned, parallel runs never collide
 *   const lab = await startLab({ ports: { app: 4310, api: 4311, third: 4312 } });
 *   lab.origins.app                          // "http://127.0.0.1:4310"; open it for the page
 *   lab.log                                  // every request received, with what was answered
 *   await lab.close();
 *
 * Routes (all three origins): `[<basePath>]/s/<scenarioId>/<nonce>/r<suffix>` is the scenario's resource and
 * `/s/<scenarioId>/<nonce>/hop/<n>` its redirect hops. OPTIONS gets the scenario's preflight answer
 * (default 404 without CORS headers); any other method gets the redirect hop or the actual answer.
 * App origin only: `/` the lab page, `/lab.js` its script. Any origin: `/frame?fetch=<url>`, a page for an iframe that fetches <url>. The servers are a minimal HTTP/1.1 on node:net
 * (http1.ts; node:http refuses methods such as `patch` or `FOO`), so header case, order, repeated lines and
 * odd values reach the browser exactly as the data says. Date, Connection and Content-Length are added.
 * Routing reads the path only, never the Host header: scenarios with a realistic host name (hosts.ts)
 * reach the same servers through Chromium's --host-resolver-rules.
 */
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRawServer, type RawRequest, type RawResponse, type RawServer } from './http1';
import { isAnswerList, validateRegistry, type Answer, type LabOriginName, type Scenario } from './scenario';
import { expand, expandLines, type LabOrigins } from './template';
import { renderPage } from './page';
import { SCENARIOS } from './scenarios';

export type { LabOrigins } from './template';

/** What kind of route a request hit. */
export type LogRole = 'page' | 'asset' | 'preflight' | 'actual' | 'hop' | 'not-found';

export interface ServerLogEntry {
  /** Arrival order across all three origins. */
  seq: number;
  /** Epoch ms of arrival. */
  time: number;
  origin: LabOriginName;
  method: string;
  /** Path and query as received. */
  url: string;
  /** Request header lines in raw order (repeated lines kept), as [name, value]. */
  headers: [string, string][];
  /** Request body as text (UTF-8). */
  body: string;
  scenarioId: string | null;
  nonce: string | null;
  role: LogRole;
  /** For role 'hop' / 'actual': the hop index (0 = the initial URL). */
  hop?: number;
  answer: { status: number; headers: [string, string][]; body: string };
}

export interface Lab {
  origins: LabOrigins;
  scenarios: readonly Scenario[];
  log: ServerLogEntry[];
  /** Log entries of one scenario, optionally of one run (nonce). */
  requestsFor(scenarioId: string, nonce?: string): ServerLogEntry[];
  close(): Promise<void>;
}

export interface StartLabOptions {
  /** Ports per origin; 0 or absent = OS-assigned. */
  ports?: Partial<Record<LabOriginName, number>>;
  /** Scenario list to serve; default the full registry. */
  scenarios?: readonly Scenario[];
}

const HOST = '127.0.0.1';
const NAMES: readonly LabOriginName[] = ['app', 'api', 'third'];
const CLIENT_JS = readFileSync(fileURLToPath(new URL('./page/client.js', import.meta.url)), 'utf8');
const FRAME_PAGE = `<!doctype html><meta charset="utf-8"><title>lab frame</title><script>
const target = new URL(location.href).searchParams.get('fetch');
fetch(target).then((r) => r.text().then(() => ({ ok: true, status: r.status })), (e) => ({ ok: false, error: String(e) }))
  .then((result) => parent.postMessage({ labFrame: true, url: target, ...result }, '*'));
</script>`;
// Optional leading segments (a scenario's basePath, e.g. an API Gateway stage) come before /s/.
const ROUTE = /^(?:\/[A-Za-z0-9._~-]+)*?\/s\/([a-z0-9-]+)\/([A-Za-z0-9_-]+)\/(?:hop\/(\d+)(?:[/?#]|$)|r)/;

function pick(a: Answer | readonly Answer[], n: number): Answer {
  if (!isAnswerList(a)) return a;
  const last = a[a.length - 1];
  const chosen = a[Math.min(n, a.length - 1)] ?? last;
  if (!chosen) throw new Error('empty answer list');
  return chosen;
}

function listen(raw: RawServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    raw.server.once('error', reject);
    raw.server.listen(port, HOST, () => resolve((raw.server.address() as AddressInfo).port));
  });
}

export async function startLab(options: StartLabOptions = {}): Promise<Lab> {
  const scenarios = options.scenarios ?? SCENARIOS;
  const problems = validateRegistry(scenarios);
  if (problems.length) throw new Error(`invalid lab scenarios:\n${problems.join('\n')}`);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const log: ServerLogEntry[] = [];
  const counters = new Map<string, number>();
  const origins = { app: '', api: '', third: '' } as Record<LabOriginName, string>;
  let seq = 0;
  let page: string | undefined;

  function bump(key: string): number {
    const n = counters.get(key) ?? 0;
    counters.set(key, n + 1);
    return n;
  }

  const entries = new WeakMap<RawRequest, ServerLogEntry>();

  function handle(self: LabOriginName, req: RawRequest): RawResponse {
    const { method, url } = req;
    const entry: ServerLogEntry = {
      seq: seq++, time: Date.now(), origin: self, method, url, headers: req.headers, body: req.body.toString('utf8'),
      scenarioId: null, nonce: null, role: 'not-found', answer: { status: 0, headers: [], body: '' },
    };
    log.push(entry);
    entries.set(req, entry);
    const answer = (a: Answer, body = a.body ?? ''): RawResponse => ({
      status: a.status,
      ...(a.statusText !== undefined ? { statusText: a.statusText } : {}),
      headers: expandLines(a.headers, origins, self),
      body,
    });

    const m = ROUTE.exec(url);
    const scenario = m ? byId.get(m[1] ?? '') : undefined;
    if (!m || !scenario) {
      if (self === 'app' && (url === '/' || url.startsWith('/?'))) {
        entry.role = 'page';
        page ??= renderPage(origins, scenarios);
        return { status: 200, headers: [['Content-Type', 'text/html; charset=utf-8'], ['Cache-Control', 'no-store']], body: page };
      }
      if (self === 'app' && url === '/lab.js') {
        entry.role = 'asset';
        return { status: 200, headers: [['Content-Type', 'text/javascript; charset=utf-8'], ['Cache-Control', 'no-store']], body: CLIENT_JS };
      }
      if (url.startsWith('/frame?')) {
        // A page of this origin to embed in an <iframe>: it fetches `?fetch=<url>` (a lab URL) and posts
        // the outcome to its parent. Lets tests show requests made by a cross-origin frame of the tab.
        entry.role = 'page';
        return { status: 200, headers: [['Content-Type', 'text/html; charset=utf-8'], ['Cache-Control', 'no-store']], body: FRAME_PAGE };
      }
      return { status: 404, headers: [['Content-Type', 'text/plain']], body: 'not found' };
    }
    const nonce = m[2] ?? '';
    const hop = m[3] === undefined ? 0 : Number(m[3]);
    entry.scenarioId = scenario.id;
    entry.nonce = nonce;
    entry.hop = hop;
    const run = `${scenario.id}/${nonce}`;

    if (method === 'OPTIONS') {
      entry.role = 'preflight';
      const n = bump(`${run}/preflight`);
      return answer(scenario.preflight === undefined ? { status: 404, headers: [] } : pick(scenario.preflight, n));
    }
    const redirect = scenario.redirects?.[hop];
    if (redirect) {
      entry.role = 'hop';
      const next = `/s/${scenario.id}/${nonce}/hop/${hop + 1}`;
      const target = new URL(next, origins[redirect.to]);
      if (redirect.userinfo !== undefined) {
        const [user, pass] = redirect.userinfo.split(':');
        target.username = user ?? '';
        if (pass !== undefined) target.password = pass;
      }
      const location = redirect.relative ? next : target.href;
      return { status: redirect.status, headers: [...expandLines(redirect.headers, origins, self), ...(redirect.emptyLocationFirst ? [['Location', ''] as [string, string]] : []), ['Location', location]], body: redirect.body ?? '' };
    }
    entry.role = 'actual';
    const n = bump(`${run}/actual`);
    const has = (name: string): boolean => req.headers.some(([h]) => h.toLowerCase() === name);
    const a = scenario.actualConditional && (has('if-none-match') || has('if-modified-since'))
      ? scenario.actualConditional
      : !has('origin') && scenario.actualWithoutOrigin ? scenario.actualWithoutOrigin : pick(scenario.actual, n);
    return answer(a, a.body === undefined ? '' : expand(a.body, origins, self));
  }

  const servers = NAMES.map((name) => [name, createRawServer(
    (req) => handle(name, req),
    (req, written) => {
      const entry = entries.get(req);
      if (entry) entry.answer = written;
    },
  )] as const);
  try {
    for (const [name, raw] of servers) {
      const port = await listen(raw, options.ports?.[name] ?? 0);
      origins[name] = `http://${HOST}:${port}`;
    }
  } catch (err) {
    await Promise.all(servers.map(([, raw]) => raw.close()));
    throw err;
  }

  return {
    origins,
    scenarios,
    log,
    requestsFor: (id, nonce) => log.filter((e) => e.scenarioId === id && (nonce === undefined || e.nonce === nonce)),
    close: async () => {
      await Promise.all(servers.map(([, raw]) => raw.close()));
    },
  };
}
