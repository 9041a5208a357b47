/**
 * A real nginx on loopback, started as a plain foreground process with a config of the caller's own
 * (`server {}` body), in a temporary prefix. Used by the middleware lab (nginx's own CORS traps) and to
 * check that CORS Lens's nginx fix, pasted into a real nginx, makes Chromium allow the request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireNginx } from '../../scripts/nginx-path.mjs';
import { freePort } from '../support/launch';
import { nginxConfig } from './nginx-config';

export interface Nginx {
  origin: string;
  /** The prefix directory: static files for `root`/`alias` go here. */
  dir: string;
  close(): Promise<void>;
}

/** Resolves once something accepts connections on the port; rejects when nginx exits first. */
function listening(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const onExit = (code: number | null): void => {
      if (!done) { done = true; reject(new Error(`nginx exited (${code}): ${stderr()}`)); }
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
        if (Date.now() > deadline) { done = true; reject(new Error(`nginx did not listen on ${port}: ${stderr()}`)); }
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

/** Starts nginx with `server` as its server block's body; `files` are written into the prefix first. */
export async function startNginx(server: (dir: string) => string, options: { http?: string; files?: Record<string, string> } = {}): Promise<Nginx> {
  const binary = requireNginx();
  const dir = await mkdtemp(join(tmpdir(), 'cors-lens-nginx-'));
  // As root, nginx's worker runs as `nobody`: it must be able to read the static files.
  await chmod(dir, 0o755);
  for (const [name, body] of Object.entries(options.files ?? {})) await writeFile(join(dir, name), body, { mode: 0o644 });
  let lastError: unknown;
  // A port chosen free can be taken before nginx binds it: try again on another.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    await writeFile(conf, nginxConfig(dir, port, server(dir), options.http));
    const child = spawn(binary, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => { err += d.toString(); });
    try {
      await listening(port, child, () => err.trim());
    } catch (e) {
      lastError = e;
      child.kill('SIGKILL');
      continue;
    }
    return {
      origin: `http://127.0.0.1:${port}`,
      dir,
      async close() {
        if (child.exitCode === null) {
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGTERM'); // fast shutdown of master and worker
          await exited;
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
