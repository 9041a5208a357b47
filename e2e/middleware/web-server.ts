/**
 * A real web server (nginx, Apache httpd, Caddy, a Python, Ruby or Go app, PHP's built-in server, embedded Tomcat) on loopback, started as a plain foreground
 * process with a config of the caller's own, in a temporary prefix directory: the middleware lab's servers,
 * and the fresh servers a fix snippet is checked in (e2e/fixes.spec.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { requireServer, type ServerName } from '../../scripts/servers.mjs';
import { freePort } from '../support/launch';

export interface WebServer {
  origin: string;
  /** The prefix directory: static files go here. */
  dir: string;
  close(): Promise<void>;
}

export interface WebServerSpec {
  server: ServerName;
  /** The whole config file, for the prefix directory and the port. */
  config(dir: string, port: number): string;
  /** Command-line arguments that run it in the foreground with that config (on that port). */
  args(dir: string, conf: string, port: number): string[];
  /** A program to run instead of the server's own binary (one built with it: Go). */
  command?: string;
  /** Files written into the prefix directory first (their directories made as needed). */
  files?: Record<string, string>;
  /** Environment added for the process, given the prefix directory (Caddy's HOME and XDG directories). */
  env?(dir: string): Record<string, string>;
}

/**
 * The servers still running. A test that times out ends its worker without running `finally`: they go
 * down with it (TERM: nginx and httpd stop their workers on it). One listener for all of them.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => { for (const child of running) child.kill('SIGTERM'); });

/**
 * Ports handed to the servers this process starts. A port found free is closed again before its server
 * binds it, and the next search (a server starting side by side) may find the same one: then both would
 * start on it and the waiting below could take the other's answer for its own.
 */
const handedOut = new Set<number>();

async function portForServer(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free port that was not handed out already');
}

/** Resolves once something accepts connections on the port; rejects when the server exits first. */
function listening(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const onExit = (code: number | null): void => {
      if (!done) { done = true; reject(new Error(`exited (${code}): ${stderr()}`)); }
    };
    child.once('exit', onExit);
    const deadline = Date.now() + 10_000;
    const attempt = (): void => {
      if (done) return;
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done = true;
        child.off('exit', onExit);
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) { done = true; reject(new Error(`did not listen on ${port}: ${stderr()}`)); }
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

export async function startWebServer(spec: WebServerSpec): Promise<WebServer> {
  const binary = spec.command ?? requireServer(spec.server);
  const dir = await mkdtemp(join(tmpdir(), `cors-lens-${spec.server}-`));
  // As root, the servers' workers run as `nobody`: they must be able to read the static files.
  await chmod(dir, 0o755);
  for (const [name, body] of Object.entries(spec.files ?? {})) {
    const file = join(dir, name);
    await mkdir(dirname(file), { recursive: true, mode: 0o755 });
    await writeFile(file, body, { mode: 0o644 });
  }
  let lastError: unknown;
  // A port chosen free can be taken before the server binds it: try again on another.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await portForServer();
    const conf = join(dir, `${spec.server}.conf`);
    await writeFile(conf, spec.config(dir, port));
    const child = spawn(binary, spec.args(dir, conf, port), { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...spec.env?.(dir) } });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let err = '';
    child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
    try {
      await listening(port, child, () => err.trim());
    } catch (e) {
      lastError = new Error(`${spec.server}: ${e instanceof Error ? e.message : String(e)}`);
      child.kill('SIGKILL');
      continue;
    }
    return {
      origin: `http://127.0.0.1:${port}`,
      dir,
      async close() {
        if (child.exitCode === null) {
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGTERM'); // nginx and httpd shut down master and workers on TERM
          await exited;
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
