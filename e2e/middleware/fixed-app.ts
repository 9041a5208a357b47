/**
 * Runs a fix snippet CORS Lens gave, as it is: nginx, Apache httpd and Caddy snippets in a fresh server in
 * front of the app (httpd and Caddy keep a ProxyPass or reverse_proxy of the user's, appended here); Express / Fastify / Koa snippets (a
 * whole app up to "routes after this line") as a Node program, and FastAPI / Flask ones as a Python
 * program on Debian's Python, with the case's route appended — answering { ok: true }, or throwing when
 * the case's handler throws; Django ones (settings appended to settings.py) at the end of the case's own
 * settings in the lab's Django app; Go ones (a file defining withCORS) built with a main that serves the
 * route through it; Rack ones (config.ru) built as rackup builds them, in front of the case's app; PHP ones as
 * cors.php, required first by the case's own script without its CORS lines; Tomcat and Jetty ones (a web.xml
 * part) in the case's own web.xml, in place of its CORS part. Node programs live under e2e/artifacts so that they import the project's
 * own express, fastify, koa and CORS packages.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Fix } from '../../src/model';
import { startApache } from './apache';
import { startCaddy } from './caddy';
import { startGoFix } from './go-lab';
import { startPythonLab } from './python-lab';
import { startPhpLab } from './php-lab';
import { startRackLab } from './rack-lab';
import { startJettyLab } from './jetty-lab';
import { startTomcatLab } from './tomcat-lab';
import { startWebServer } from './web-server';
import { startNginx } from './nginx';
import type { Framework, MiddlewareCase } from './servers';

export interface FixedApp {
  origin: string;
  close(): Promise<void>;
}

/** The route and the listening code each framework's snippet is completed with. */
type NodeFramework = Exclude<Framework, 'nginx' | 'apache' | 'caddy' | 'fastapi' | 'flask' | 'django' | 'rack' | 'go' | 'php' | 'tomcat' | 'jetty'>;

const TAIL: Record<NodeFramework, (fails: boolean) => string> = {
  express: (fails) => `
app.use(${fails ? '() => { throw new Error("database down"); }' : '(req, res) => { res.json({ ok: true }); }'});
const server = app.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));`,
  fastify: (fails) => `
app.route({ method: ["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"], url: "/*", handler: async () => { ${fails ? 'throw new Error("database down");' : 'return { ok: true };'} } });
await app.listen({ port: 0, host: "127.0.0.1" });
console.log("listening " + app.server.address().port);`,
  koa: (fails) => `
app.silent = true;
app.use(async (ctx) => { ${fails ? 'ctx.throw(500, "database down");' : 'ctx.body = { ok: true };'} });
const server = app.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));`,
};

/** Whether the snippet is a whole app this module can run (not a one-line hint or a fragment). */
export function runnable(framework: Framework, fix: Fix): boolean {
  return fix.stack === framework && WHOLE[framework].test(fix.snippet);
}

/** The line that marks each framework's whole, runnable snippet. */
const WHOLE: Record<Framework, RegExp> = {
  express: /^const app = /m,
  fastify: /^const app = /m,
  koa: /^const app = /m,
  nginx: /^location\b/m,
  apache: /^<Location\b/m,
  caddy: /^@cors_preflight method OPTIONS$/m,
  fastapi: /^app = FastAPI\(\)$/m,
  flask: /^app = Flask\(__name__\)$/m,
  django: /^CORS_ALLOWED_ORIGINS = /m,
  rack: /^use Rack::Cors do$/m,
  go: /^func withCORS\(/m,
  php: /^\$allowed = \[/m,
  tomcat: /^\s*<filter-class>org\.apache\.catalina\.filters\.CorsFilter<\/filter-class>$/m,
  jetty: /^\s*<filter-class>org\.eclipse\.jetty\.servlets\.CrossOriginFilter<\/filter-class>$/m,
};

/** The route and the server start each Python framework's snippet is completed with. */
const PY_TAIL: Record<'fastapi' | 'flask', (body: string, port: number) => string> = {
  fastapi: (body, port) => `@app.api_route("/{path:path}", methods=["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"])
async def route(path: str):
    ${body}


import uvicorn  # noqa: E402
uvicorn.run(app, host="127.0.0.1", port=${port}, log_level="critical")`,
  flask: (body, port) => `@app.route("/<path:path>", methods=["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"])
def route(path):
    ${body}


app.run(host="127.0.0.1", port=${port}, threaded=True)`,
};

/** A FastAPI or Flask snippet as a Python program on Debian's Python: the case's route appended, then its server. */
function startPythonProgram(server: 'fastapi' | 'flask', fix: Fix, c: MiddlewareCase): Promise<FixedApp> {
  const body = c.fails ? 'raise RuntimeError("database down")' : 'return {"ok": True}';
  return startWebServer({
    server,
    config: (_dir, port) => `${fix.snippet}\n\n\n${PY_TAIL[server](body, port)}\n`,
    args: (_dir, conf) => [conf],
  });
}

let serial = 0;

async function startNode(framework: NodeFramework, fix: Fix, c: MiddlewareCase): Promise<FixedApp> {
  const dir = resolve(import.meta.dirname, '../artifacts/fixed-apps');
  await mkdir(dir, { recursive: true });
  const file = resolve(dir, `${c.id}-${++serial}.mjs`);
  await writeFile(file, `${fix.snippet}\n${TAIL[framework](c.fails === true)}\n`);
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const port = await new Promise<number>((res, rej) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const m = /^listening (\d+)$/.exec(line);
      if (m) res(Number(m[1]));
    });
    child.once('exit', (code) => rej(new Error(`${file} exited (${code}) before listening: ${stderr.trim()}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((res) => child.once('exit', () => res()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Starts the app the fix describes, for the case's framework. */
export async function startFixedApp(fix: Fix, c: MiddlewareCase): Promise<FixedApp> {
  if (c.framework === 'nginx') {
    const app = new URL(c.upstream!).host;
    return startNginx(() => fix.snippet, { http: `  upstream backend { server ${app}; }` });
  }
  // The snippet has no ProxyPass of its own: the user's stays, here to the case's app.
  if (c.framework === 'apache') return startApache(() => `${fix.snippet}\nProxyPass / ${c.upstream}/`);
  // Likewise the user's reverse_proxy, in the site block the snippet goes into.
  if (c.framework === 'caddy') return startCaddy(() => `${fix.snippet}\nreverse_proxy ${new URL(c.upstream!).host}`);
  if (c.framework === 'fastapi' || c.framework === 'flask') return startPythonProgram(c.framework, fix, c);
  if (c.framework === 'go') return startGoFix(fix.snippet);
  if (c.framework === 'rack') return startRackLab({}, fix.snippet);
  if (c.framework === 'php') return startPhpLab({ [c.id.replace(/^php-/, '')]: c.php! }, fix.snippet);
  if (c.framework === 'tomcat') return startTomcatLab({ [c.id.replace(/^tomcat-/, '')]: c.servlet! }, fix.snippet);
  if (c.framework === 'jetty') return startJettyLab({ [c.id.replace(/^jetty-/, '')]: c.servlet! }, fix.snippet);
  if (c.framework === 'django') return startPythonLab('django', { [c.id.replace(/^django-/, '')]: c.django! }, fix.snippet);
  return startNode(c.framework, fix, c);
}
