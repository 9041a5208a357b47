// The CLI: exit codes, formats, colour/progress decisions and redaction through main(argv, io) in
// process; `probe` against a local server; one real spawn of bin/cors-lens.js on the built bundle.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import type { CliIO } from '../src/cli/io';
import type { Report } from '../src/report';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = (name: string): string => join(ROOT, 'test/fixtures/har', name);

interface Run { code: number; stdout: string; stderr: string }

async function cli(argv: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => void (stdout += s), isTTY: opts.tty === true },
    stderr: { write: (s: string) => void (stderr += s), isTTY: opts.tty === true },
    env: opts.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'cors-lens-cli-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function harWith(entries: object[]): string {
  const file = join(tmp, `h${Math.random().toString(36).slice(2)}.har`);
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }));
  return file;
}
const allowedEntry = {
  _resourceType: 'fetch', startedDateTime: '2025-01-01T00:00:00.000Z', time: 5,
  request: { method: 'GET', url: 'https://api.example.com/x', headers: [{ name: 'Origin', value: 'https://app.example.com' }] },
  response: { status: 200, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }], _error: null },
};

describe('cors-lens (in process)', () => {
  it('--help and --version exit 0', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage:') });
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `${__CORS_LENS_VERSION__}\n` });
    expect((await cli([])).code).toBe(0);
  });

  it('exits 2 on bad usage, with the reason and the usage on stderr', async () => {
    for (const argv of [['frobnicate'], ['analyze'], ['analyze', 'a.har', 'b.har'], ['analyze', 'x.har', '--format', 'pdf'], ['analyze', 'x.har', '--bogus'],
      ['probe', 'https://api.example.com/'], ['probe', 'ftp://x/', '--origin', 'https://a.example'], ['probe', 'https://api.example.com/', '--origin', 'https://a.example/path'],
      ['probe', 'https://api.example.com/', '--origin', 'https://a.example', '--header', 'NoColon'], ['probe', 'https://api.example.com/', '--origin', 'https://a.example', '--method', 'TRACE']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^cors-lens: .+\n\nUsage:/);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 on unreadable or invalid input, naming the problem', async () => {
    const notJson = join(tmp, 'not.har');
    writeFileSync(notJson, '{"log": [');
    const notHar = join(tmp, 'nothar.har');
    writeFileSync(notHar, '{"hello": 1}');
    expect(await cli(['analyze', join(tmp, 'missing.har')])).toMatchObject({ code: 2, stderr: expect.stringContaining('ENOENT') });
    expect(await cli(['analyze', tmp])).toMatchObject({ code: 2 });
    expect(await cli(['analyze', notJson])).toMatchObject({ code: 2, stderr: expect.stringContaining('not JSON') });
    expect(await cli(['analyze', notHar])).toMatchObject({ code: 2, stderr: expect.stringContaining('not a HAR file') });
  });

  it('exits 1 when a request was blocked, 0 when none was', async () => {
    const blocked = await cli(['analyze', FIXTURE('chrome-devtools.har')]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/Summary: 14 cross-origin requests: \d+ blocked/);
    const fine = await cli(['analyze', harWith([allowedEntry])]);
    expect(fine.stdout).toContain('1 cross-origin request: 0 blocked, 1 allowed.');
    expect(fine.code).toBe(0);
    const empty = await cli(['analyze', harWith([])]);
    expect(empty.code).toBe(0);
  });

  it('--only-blocked lists only blocked requests but counts all', async () => {
    const r = await cli(['analyze', FIXTURE('chrome-devtools.har'), '--format', 'json', '--only-blocked']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.exchanges.length).toBe(report.summary.blocked);
    expect(report.exchanges.every((x) => x.blocked)).toBe(true);
    expect(report.summary.shown).toBe(report.summary.blocked);
    expect(report.summary.exchanges).toBe(14);
  });

  it('writes every format; JSON is the report model', async () => {
    const json = JSON.parse((await cli(['analyze', FIXTURE('firefox.har'), '--format', 'json'])).stdout) as Report;
    expect(json).toMatchObject({ schemaVersion: 1, source: { kind: 'har', name: 'firefox.har', creator: 'Firefox 128.0' } });
    expect((await cli(['analyze', FIXTURE('firefox.har'), '--format', 'markdown'])).stdout).toMatch(/^# CORS Lens report/);
    expect((await cli(['analyze', FIXTURE('firefox.har'), '-f', 'html'])).stdout).toMatch(/^<!doctype html>/);
  });

  it('redacts unless --include-sensitive, which warns on stderr and in the output', async () => {
    const secret = 'fake-api-key-1234567890';
    const plain = await cli(['analyze', FIXTURE('chrome-devtools.har'), '--format', 'markdown']);
    expect(plain.stdout).not.toContain(secret);
    const sensitive = await cli(['analyze', FIXTURE('chrome-devtools.har'), '--format', 'markdown', '--include-sensitive']);
    expect(sensitive.stdout).toContain(secret);
    expect(sensitive.stdout).toContain('WARNING');
    expect(sensitive.stderr).toContain('WARNING');
  });

  it('colours text only on a TTY, unless NO_COLOR; FORCE_COLOR forces it', async () => {
    const file = FIXTURE('firefox.har');
    const ESC = '\u001b[';
    expect((await cli(['analyze', file])).stdout).not.toContain(ESC);
    expect((await cli(['analyze', file], { tty: true })).stdout).toContain(ESC);
    expect((await cli(['analyze', file], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(['analyze', file], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await cli(['analyze', file, '--format', 'json'], { tty: true })).stdout).not.toContain(ESC);
  });

  it('shows progress on stderr on a TTY, and nothing for a small file on a pipe', async () => {
    expect((await cli(['analyze', FIXTURE('firefox.har')])).stderr).toBe('');
    expect((await cli(['analyze', FIXTURE('firefox.har')], { tty: true })).stderr).toMatch(/cors-lens: reading .*firefox\.har[\s\S]*diagnosing 3 cross-origin requests/);
  });
});

describe('cors-lens probe (against a local server)', () => {
  interface Seen { method: string; path: string; headers: [string, string][] }
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  const ORIGIN = 'http://app.test:8080';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const headers: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      const path = req.url ?? '/';
      seen.push({ method: req.method ?? '', path, headers });
      const origin = req.headers.origin ?? '';
      const route = path.split('?')[0];
      if (route === '/ok') {
        if (req.method === 'OPTIONS') res.writeHead(204, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type, x-custom' });
        else res.writeHead(200, { 'Access-Control-Allow-Origin': origin, 'Content-Type': 'application/json' });
        res.end(req.method === 'OPTIONS' ? '' : '{"ok":true}');
      } else if (route === '/deny-preflight') {
        res.writeHead(req.method === 'OPTIONS' ? 403 : 200, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' });
        res.end('{"message":"Missing Authentication Token"}');
      } else if (route === '/simple') {
        res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
        res.end('x'.repeat(100_000));
      } else if (route === '/noacao') {
        res.writeHead(200, {});
        res.end('{}');
      } else if (route === '/redirect') {
        res.writeHead(302, { Location: '/simple', 'Access-Control-Allow-Origin': '*' });
        res.end();
      } else if (route === '/redirect-cross') {
        const port = (server.address() as AddressInfo).port;
        res.writeHead(307, { Location: `http://localhost:${port}/simple`, 'Access-Control-Allow-Origin': '*' });
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const since = (n: number): Seen[] => seen.slice(n);
  const names = (s: Seen): string[] => s.headers.map(([n]) => n.toLowerCase());
  const value = (s: Seen, name: string): string | undefined => s.headers.find(([n]) => n.toLowerCase() === name)?.[1];

  it('sends Chromium\'s preflight, then the request, and exits 0 when allowed', async () => {
    const mark = seen.length;
    const r = await cli(['probe', `${base}/ok`, '--origin', ORIGIN, '--method', 'put', '--header', 'X-Custom: 1', '--header', 'Content-Type: application/json', '--format', 'json']);
    expect(r.stderr).toBe('');
    const [pre, act] = since(mark);
    expect(since(mark)).toHaveLength(2);
    expect(pre!.method).toBe('OPTIONS');
    expect(value(pre!, 'origin')).toBe(ORIGIN);
    expect(value(pre!, 'access-control-request-method')).toBe('PUT');
    expect(value(pre!, 'access-control-request-headers')).toBe('content-type,x-custom');
    expect(value(pre!, 'accept')).toBe('*/*');
    expect(value(pre!, 'sec-fetch-mode')).toBe('cors');
    expect(names(pre!)).not.toContain('x-custom');
    expect(names(pre!)).not.toContain('content-type');
    expect(act!.method).toBe('PUT');
    expect(value(act!, 'origin')).toBe(ORIGIN);
    expect(value(act!, 'x-custom')).toBe('1');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.source.kind).toBe('probe');
    expect(report.exchanges[0]!.preflight?.response?.status).toBe(204);
    expect(report.exchanges[0]!.blocked).toBe(false);
    expect(r.code).toBe(0);
  });

  it('does not send the request when the preflight fails, and exits 1', async () => {
    const mark = seen.length;
    const r = await cli(['probe', `${base}/deny-preflight`, '--origin', ORIGIN, '--method', 'DELETE']);
    expect(since(mark).map((s) => s.method)).toEqual(['OPTIONS']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PreflightMissingAllowOriginHeader');
  });

  it('sends no preflight for a simple request; keeps a bounded body snippet', async () => {
    const mark = seen.length;
    const r = await cli(['probe', `${base}/simple`, '--origin', ORIGIN, '--format', 'json', '--include-sensitive']);
    expect(since(mark).map((s) => s.method)).toEqual(['GET']);
    expect(value(since(mark)[0]!, 'origin')).toBe(ORIGIN);
    const x = (JSON.parse(r.stdout) as Report).exchanges[0]!;
    expect(x.response?.body?.length).toBe(2048);
    expect(r.code).toBe(0);
  });

  it('exits 1 when the response lacks Access-Control-Allow-Origin, or * meets credentials', async () => {
    expect((await cli(['probe', `${base}/noacao`, '--origin', ORIGIN])).code).toBe(1);
    const creds = await cli(['probe', `${base}/simple`, '--origin', ORIGIN, '--credentials']);
    expect(creds.stdout).toContain('WildcardOriginNotAllowed');
    expect(creds.code).toBe(1);
  });

  it('follows redirects hop by hop, recording each; Origin becomes "null" after a cross-origin hop', async () => {
    let mark = seen.length;
    const same = JSON.parse((await cli(['probe', `${base}/redirect`, '--origin', ORIGIN, '--format', 'json'])).stdout) as Report;
    expect(same.exchanges[0]!.redirects).toMatchObject([{ status: 302, location: `${base}/simple` }]);
    expect(since(mark).map((s) => [s.path, value(s, 'origin')])).toEqual([['/redirect', ORIGIN], ['/simple', ORIGIN]]);
    mark = seen.length;
    await cli(['probe', `${base}/redirect-cross`, '--origin', ORIGIN]);
    expect(since(mark).map((s) => [s.path, value(s, 'origin')])).toEqual([['/redirect-cross', ORIGIN], ['/simple', 'null']]);
  });

  it('exits 3 when the target cannot be reached', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const r = await cli(['probe', `http://127.0.0.1:${port}/x`, '--origin', ORIGIN]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('net::ERR_CONNECTION_REFUSED');
  });
});

describe('bin/cors-lens.js (spawned, on the built bundle)', () => {
  beforeAll(async () => {
    await build({ configFile: join(ROOT, 'vite.cli.config.ts'), root: ROOT, logLevel: 'silent' });
  }, 60_000);

  it('runs analyze with the right exit code', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/cors-lens.js'), 'analyze', FIXTURE('firefox.har'), '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Report).summary.exchanges).toBe(3);
    const v = spawnSync(process.execPath, [join(ROOT, 'bin/cors-lens.js'), '--version'], { encoding: 'utf8' });
    expect(v.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('says to build first when the bundle is missing', () => {
    const dir = join(tmp, 'bin');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(ROOT, 'bin/cors-lens.js'), join(dir, 'cors-lens.js'));
    const r = spawnSync(process.execPath, [join(dir, 'cors-lens.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('npm run build');
  });
});
