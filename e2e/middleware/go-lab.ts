/**
 * Go's net/http with rs/cors or gorilla/handlers' CORS (go_lab.go), built with Debian's Go in GOPATH mode
 * (scripts/servers.mjs GO_ENV) and run as a plain process on loopback (web-server.ts); and the programs a
 * Go fix snippet is checked in: the snippet as one file of package main, a main that serves the case's
 * route through it as another.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { GO_ENV, requireServer } from '../../scripts/servers.mjs';
import type { MiddlewareCase } from './servers';
import { startWebServer, type WebServer } from './web-server';

export interface GoCase {
  lib: 'rs' | 'gorilla' | 'none';
  origins?: readonly string[];
  methods?: readonly string[];
  headers?: readonly string[];
  credentials?: boolean;
  /** rs/cors OptionsPassthrough: preflights go on to the handler. */
  passthrough?: boolean;
}

export interface GoLab {
  config: Record<string, GoCase>;
  cases: MiddlewareCase[];
}

/** The cases, each at `/g/<id>/r`: [id, configuration in Go's words, case]. */
export function goLab(page: string): GoLab {
  // [id, configuration, case, platforms the rules may name (net/http alone shows nothing of Go)]
  const defs: ReadonlyArray<readonly [string, string, GoCase, (readonly string[])?]> = [
    ['rs-default', 'cors.Default().Handler(mux)', { lib: 'rs' }],
    ['rs-origins', 'cors.New(cors.Options{AllowedOrigins: page, AllowCredentials: true}) (default methods GET, POST, HEAD)', { lib: 'rs', origins: [page], credentials: true }],
    ['rs-methods', 'cors.New(cors.Options{AllowedOrigins: page, AllowedMethods: GET, PUT, POST, AllowCredentials: true}) (default headers)', { lib: 'rs', origins: [page], methods: ['GET', 'PUT', 'POST'], credentials: true }],
    ['rs-full', 'cors.New(cors.Options{…every method and header the page sends…, AllowCredentials: true})', { lib: 'rs', origins: [page], methods: ['GET', 'PUT', 'POST'], headers: ['Content-Type', 'Authorization', 'X-Api-Key'], credentials: true }],
    ['rs-other-origin', 'cors.New(cors.Options{AllowedOrigins: ["https://other.example"]})', { lib: 'rs', origins: ['https://other.example'] }],
    ['rs-passthrough', 'cors.New(cors.Options{AllowedOrigins: page, …, OptionsPassthrough: true})', { lib: 'rs', origins: [page], methods: ['GET', 'PUT', 'POST'], headers: ['Content-Type', 'Authorization', 'X-Api-Key'], credentials: true, passthrough: true }],
    ['gorilla-default', 'handlers.CORS()(mux)', { lib: 'gorilla' }],
    ['gorilla-origins', 'handlers.CORS(AllowedOrigins(page), AllowCredentials()) (default methods and headers)', { lib: 'gorilla', origins: [page], credentials: true }],
    ['gorilla-other-origin', 'handlers.CORS(AllowedOrigins(["https://other.example"]))', { lib: 'gorilla', origins: ['https://other.example'] }],
    ['none', 'http.ListenAndServe(addr, mux) (no CORS package)', { lib: 'none' }, ['unknown']],
  ];
  const config: Record<string, GoCase> = {};
  const cases: MiddlewareCase[] = [];
  for (const [id, text, c, platforms] of defs) {
    config[id] = c;
    cases.push({ id: `go-${id}`, framework: 'go', path: `/g/${id}/r`, config: text, ...(platforms ? { platforms } : {}) });
  }
  return { config, cases };
}

const run = promisify(execFile);

/** Build directories (a binary of ~6 MB each), removed at exit. */
const builds = new Set<string>();
process.once('exit', () => { for (const dir of builds) rmSync(dir, { recursive: true, force: true }); });

/** Builds a Go program from its files (package main) and returns the binary's path; the directory goes when the process exits. */
export async function buildGo(name: string, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `cors-lens-go-${name}-`));
  builds.add(dir);
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  const cache = join(tmpdir(), 'cors-lens-go-cache');
  await mkdir(cache, { recursive: true });
  const out = join(dir, name);
  try {
    await run(requireServer('go'), ['build', '-o', out, '.'], { cwd: dir, env: { ...process.env, ...GO_ENV, GOCACHE: cache } });
  } catch (e) {
    throw new Error(`go build ${name} failed: ${(e as { stderr?: string }).stderr ?? String(e)}`);
  }
  return out;
}

let lab: Promise<string> | undefined;

export async function startGoLab(cases: Record<string, GoCase>): Promise<WebServer> {
  lab ??= readFile(resolve(import.meta.dirname, 'go_lab.go'), 'utf8').then((src) => buildGo('go_lab', { 'main.go': src }));
  const binary = await lab;
  return startWebServer({
    server: 'go',
    command: binary,
    config: (_dir, port) => JSON.stringify({ port, cases }),
    args: (_dir, conf) => [conf],
  });
}

/** What the fixed program serves the case's route with: the snippet's withCORS around a handler answering {"ok":true}. */
const FIX_MAIN = `package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, \`{"ok":true}\`)
	})
	if err := http.ListenAndServe("127.0.0.1:"+os.Args[1], withCORS(mux)); err != nil {
		panic(err)
	}
}
`;

/** A Go fix snippet (a file of package main defining withCORS) built with a main that serves every path through it. */
export async function startGoFix(snippet: string): Promise<WebServer> {
  const binary = await buildGo('fixed', { 'cors.go': snippet, 'main.go': FIX_MAIN });
  return startWebServer({ server: 'go', command: binary, config: () => '', args: (_dir, _conf, port) => [String(port)] });
}
