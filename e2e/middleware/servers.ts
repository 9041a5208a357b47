/**
 * Real CORS middleware, configured the ways people configure it (and get it wrong), each case on its
 * own path: Express 5 + `cors`, Fastify 5 + `@fastify/cors`, Koa 3 + `@koa/cors`, FastAPI + Starlette's
 * CORSMiddleware, Flask + Flask-CORS, Django + django-cors-headers, Rack + rack-cors, Go with rs/cors or
 * gorilla/handlers, plain PHP scripts under PHP's built-in server, Java servlets on Tomcat (its CorsFilter) and Jetty (its CrossOriginFilter), and a real nginx, Apache httpd and Caddy (nginx-cases.ts, apache-cases.ts, caddy-cases.ts,
 * fastapi-cases.ts, flask-cases.ts, django-cases.ts, rack-lab.ts, go-lab.ts, php-lab.ts, tomcat-lab.ts, jetty-lab.ts). Their answers are whatever the packages write — nothing here states a
 * verdict; Chromium is the referee (e2e/middleware.spec.ts). Loopback only.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import cors from 'cors';
import express, { type Express } from 'express';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import koaCors from '@koa/cors';
import Koa from 'koa';
import { nginxLab } from './nginx-cases';
import { apacheLab } from './apache-cases';
import { startApache } from './apache';
import { caddyLab } from './caddy-cases';
import { startCaddy } from './caddy';
import { fastapiLab } from './fastapi-cases';
import { flaskLab } from './flask-cases';
import { djangoLab } from './django-cases';
import { goLab, startGoLab } from './go-lab';
import { phpLab, startPhpLab, type PhpCase } from './php-lab';
import { rackLab, startRackLab } from './rack-lab';
import { jettyLab, startJettyLab } from './jetty-lab';
import type { ServletCase } from './servlet-lab';
import { startTomcatLab, tomcatLab } from './tomcat-lab';
import { startPythonLab, type PythonCase } from './python-lab';
import { startNginx } from './nginx';
import type { WebServer } from './web-server';

export type Framework = 'express' | 'fastify' | 'koa' | 'nginx' | 'apache' | 'caddy' | 'fastapi' | 'flask' | 'django' | 'rack' | 'go' | 'php' | 'tomcat' | 'jetty';

/** One configured endpoint: the page fetches `<framework origin><path>`. */
export interface MiddlewareCase {
  id: string;
  framework: Framework;
  path: string;
  /** The configuration, in the framework's words, for failure messages. */
  config: string;
  /** Platforms the rules may name for it, when not the framework (nginx in front of Express). */
  platforms?: readonly string[];
  /** nginx, httpd and Caddy cases: the app behind the server (what it proxies to, or would), for a fix checked in a fresh server. */
  upstream?: string;
  /** The route handler throws (a 500 after the CORS middleware ran): so does the app a fix is checked in. */
  fails?: boolean;
  /** Django cases: the case as django_lab.py runs it, the settings a fix is appended to. */
  django?: PythonCase;
  /** PHP cases: the case's script, whose CORS lines a fix replaces. */
  php?: PhpCase;
  /** Tomcat and Jetty cases: the case's web.xml, whose CORS part a fix replaces. */
  servlet?: ServletCase;
}

export interface MiddlewareLab {
  /** The page's origin (a blank page) and each framework's origin, all on 127.0.0.1. */
  app: string;
  origins: Record<Framework, string>;

  cases: MiddlewareCase[];
  close(): Promise<void>;
}

const ok = { ok: true };

/** Express: one cors() configuration per path, mounted the usual ways (app.use, per route). */
function expressCases(app: Express, page: string): MiddlewareCase[] {
  const cases: MiddlewareCase[] = [];
  const add = (id: string, config: string, mount: (path: string) => void, fails = false): void => {
    const path = `/e/${id}`;
    mount(path);
    cases.push({ id: `express-${id}`, framework: 'express', path, config, ...(fails ? { fails } : {}) });
  };
  const handler = (_req: express.Request, res: express.Response): void => { res.json(ok); };
  const used = (id: string, config: string, options: cors.CorsOptions | undefined): void =>
    add(id, config, (path) => { app.use(path, cors(options)); app.all(path, handler); });

  used('default', 'app.use(cors())', undefined);
  used('other-origin', "cors({ origin: 'https://other.example' })", { origin: 'https://other.example' });
  used('list-credentials', 'cors({ origin: [page, …], credentials: true })', { origin: [page, 'https://admin.example'], credentials: true });
  used('allowed-headers', "cors({ origin: page, allowedHeaders: ['Content-Type'] })", { origin: page, allowedHeaders: ['Content-Type'] });
  used('methods', "cors({ origin: page, methods: ['GET', 'POST'] })", { origin: page, methods: ['GET', 'POST'] });
  used('no-credentials', 'cors({ origin: page })', { origin: page });
  used('regexp', 'cors({ origin: /\\.example\\.com$/ })', { origin: /\.example\.com$/ });
  used('dynamic-deny', 'cors({ origin: (o, cb) => cb(null, false) })', { origin: (_o, cb) => cb(null, false) });
  used('reflect-max-age', 'cors({ origin: true, credentials: true, maxAge: 600, exposedHeaders: [X-Request-Id] })', { origin: true, credentials: true, maxAge: 600, exposedHeaders: ['X-Request-Id'] });
  // cors() on the routes only: nothing answers the preflight but Express's automatic OPTIONS.
  add('route-only', 'app.get/put(path, cors({ origin: page }), handler) — no app.options', (path) => {
    app.get(path, cors({ origin: page }), handler);
    app.put(path, cors({ origin: page }), handler);
  });
  // The handler fails: Express's final handler answers 500 after cors() set its headers.
  add('handler-error', 'app.use(cors({ origin: page })); handler throws', (path) => {
    app.use(path, cors({ origin: page }));
    app.all(path, () => { throw new Error('database down'); });
  }, true);
  // cors() registered after the route: it never runs for it (the route answers OPTIONS too).
  add('late-cors', 'app.all(path, handler); app.use(path, cors()) afterwards', (path) => { app.all(path, handler); app.use(path, cors()); });
  return cases;
}

/** Fastify: one @fastify/cors registration per encapsulated prefix. */
async function fastifyCases(app: FastifyInstance, page: string): Promise<MiddlewareCase[]> {
  const cases: MiddlewareCase[] = [];
  const add = async (id: string, config: string, options: Parameters<typeof fastifyCors>[1] | null): Promise<void> => {
    const prefix = `/f/${id}`;
    await app.register(async (scope: FastifyInstance) => {
      if (options) await scope.register(fastifyCors, options);
      scope.all('/r', async () => ok);
    }, { prefix });
    cases.push({ id: `fastify-${id}`, framework: 'fastify', path: `${prefix}/r`, config });
  };
  await add('default', 'register(fastifyCors)', {});
  await add('reflect-credentials', 'register(fastifyCors, { origin: true, credentials: true })', { origin: true, credentials: true });
  await add('other-origin', "register(fastifyCors, { origin: 'https://other.example' })", { origin: 'https://other.example' });
  await add('methods', "register(fastifyCors, { origin: page, methods: ['GET', 'PUT'] })", { origin: page, methods: ['GET', 'PUT'] });
  await add('allowed-headers', "register(fastifyCors, { origin: page, methods: ['GET','PUT'], allowedHeaders: ['content-type'] })", { origin: page, methods: ['GET', 'PUT'], allowedHeaders: ['content-type'] });
  await add('none', 'no CORS plugin', null);
  return cases;
}

/** Koa: @koa/cors per path (the middleware chain is picked by path). */
function koaCases(app: Koa, page: string): MiddlewareCase[] {
  const chains = new Map<string, Koa.Middleware>();
  const cases: MiddlewareCase[] = [];
  const add = (id: string, config: string, mw: Koa.Middleware, fails = false): void => {
    const path = `/k/${id}`;
    chains.set(path, mw);
    cases.push({ id: `koa-${id}`, framework: 'koa', path, config, ...(fails ? { fails } : {}) });
  };
  const body: Koa.Middleware = async (ctx) => { ctx.body = ok; };
  const fails: Koa.Middleware = async (ctx) => { ctx.throw(500, 'database down'); };
  const chain = (...mws: Koa.Middleware[]): Koa.Middleware => async (ctx, next) => {
    const run = async (i: number): Promise<void> => { if (i < mws.length) await mws[i]!(ctx, () => run(i + 1)); else await next(); };
    await run(0);
  };
  add('default', 'app.use(cors())', chain(koaCors(), body));
  add('credentials', 'cors({ credentials: true })', chain(koaCors({ credentials: true }), body));
  add('origin-page', 'cors({ origin: page })', chain(koaCors({ origin: page }), body));
  add('error-keep', 'cors({ origin: page }); handler throws (keepHeadersOnError default)', chain(koaCors({ origin: page }), fails), true);
  add('error-drop', 'cors({ origin: page, keepHeadersOnError: false }); handler throws', chain(koaCors({ origin: page, keepHeadersOnError: false }), fails), true);
  app.use(async (ctx, next) => {
    const mw = chains.get(ctx.path);
    if (mw) await mw(ctx, next);
    else await next();
  });
  return cases;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Whether connecting to the loopback port is refused (nothing listens there). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', (e: NodeJS.ErrnoException) => { socket.destroy(); resolve(e.code === 'ECONNREFUSED'); });
  });
}

/**
 * A port nothing listens on: the upstream that is down. Below the kernel's ephemeral range, which every
 * server of the tests listens in (port 0): a port of that range, freed, was handed to a server started
 * later (then "down" answered, through the fix's nginx, with the app's own headers).
 */
async function closedPort(): Promise<number> {
  let low = 32768;
  try {
    low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
  } catch {
    // not Linux: its usual range
  }
  const start = Math.max(1024, low - 8000) + Math.floor(Math.random() * 4000);
  for (let port = start; port < low; port++) if (await refused(port)) return port;
  throw new Error(`no closed port below ${low}`);
}

export async function startMiddlewareLab(): Promise<MiddlewareLab> {
  const pageServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>CORS Lens middleware lab</title><p>app');
  });
  const app = await listen(pageServer);
  // Apps behind nginx and httpd: one without CORS of its own, one whose auth refuses everything, and
  // Express with app.use(cors()) on every path.
  const answer = (status: number, body: unknown) => createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  const backendServer = answer(200, ok);
  const unauthorizedServer = answer(401, { message: 'Unauthorized' });
  const corsApp = express();
  corsApp.use(cors());
  corsApp.use((_req: express.Request, res: express.Response) => { res.json(ok); });
  const corsAppServer = createServer(corsApp);
  const apps = {
    backend: await listen(backendServer),
    unauthorized: await listen(unauthorizedServer),
    corsApp: await listen(corsAppServer),
    down: `http://127.0.0.1:${await closedPort()}`,
  };

  const e = express();
  e.set('env', 'test'); // the 'handler-error' case throws on purpose: Express logs errors outside 'test'
  const expressList = expressCases(e, app);
  const expressServer = createServer(e);

  const f = Fastify({ logger: false });
  const fastifyList = await fastifyCases(f, app);
  await f.listen({ port: 0, host: '127.0.0.1' });

  const k = new Koa();
  k.silent = true; // the 'error' cases throw on purpose
  const koaList = koaCases(k, app);
  const koaServer = createServer(k.callback());

  const expressOrigin = await listen(expressServer);
  const n = nginxLab(apps);
  const servers = [pageServer, backendServer, unauthorizedServer, corsAppServer, expressServer, koaServer];
  const a = apacheLab(app, apps);
  const c = caddyLab(app, apps);
  const p = fastapiLab(app);
  const fl = flaskLab(app);
  const dj = djangoLab(app);
  const g = goLab(app);
  const rb = rackLab(app);
  const ph = phpLab(app);
  const tc = tomcatLab(app);
  const jt = jettyLab(app);
  // The real servers start side by side (the Python ones take a second each to import).
  const starting: Record<Exclude<Framework, 'express' | 'fastify' | 'koa'>, Promise<WebServer>> = {
    nginx: startNginx(n.server, { http: n.http, files: n.files }),
    apache: startApache(a.body, { files: a.files }),
    caddy: startCaddy(c.site, { files: c.files }),
    fastapi: startPythonLab('fastapi', p.config),
    flask: startPythonLab('flask', fl.config),
    django: startPythonLab('django', dj.config),
    go: startGoLab(g.config),
    rack: startRackLab(rb.config),
    php: startPhpLab(ph.config),
    tomcat: startTomcatLab(tc.config),
    jetty: startJettyLab(jt.config),
  };
  const names = Object.keys(starting) as Array<keyof typeof starting>;
  const results = await Promise.allSettled(names.map((name) => starting[name]));
  const started: WebServer[] = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all([...started.map((s) => s.close()), ...servers.map(close), f.close()]);
    throw failed.reason;
  }
  // Every one started (none failed): in the order of `names`.
  const real = Object.fromEntries(names.map((name, i) => [name, started[i]!.origin])) as Record<keyof typeof starting, string>;

  const origins: Record<Framework, string> = {
    express: expressOrigin,
    fastify: `http://127.0.0.1:${(f.server.address() as AddressInfo).port}`,
    koa: await listen(koaServer),
    ...real,
  };
  return {
    app,
    origins,
    cases: [...expressList, ...fastifyList, ...koaList, ...n.cases, ...a.cases, ...c.cases, ...p.cases, ...fl.cases, ...dj.cases, ...g.cases, ...rb.cases, ...ph.cases, ...tc.cases, ...jt.cases],
    async close() {
      await Promise.all([...servers.map(close), f.close(), ...started.map((s) => s.close())]);
    },
  };
}
