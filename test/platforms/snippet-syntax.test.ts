/**
 * Syntax of the snippets in languages Node cannot parse itself, checked with the real tools:
 * Python (ast), HCL (terraform fmt), shell (bash -n), nginx (nginx -t, inside a
 * server block), Apache httpd (httpd -t, in the main server), Caddy (caddy validate, in a site block), Go
 * (gofmt), Ruby (ruby -c), PHP (php -l), XML (ElementTree; a web.xml part inside a root element); Java gets a balance check. Inputs: the platform fixtures plus hostile exchanges (once more as
 * answered by nginx, httpd, Caddy, uvicorn, Werkzeug, Django, WEBrick, PHP, Tomcat, Jetty and Go, so that their snippets quote hostile
 * values too).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { requireServer } from '../../scripts/servers.mjs';
import { apacheConfig } from '../../e2e/middleware/apache-config';
import { caddyConfig, caddyEnv } from '../../e2e/middleware/caddy';
import { nginxConfig } from '../../e2e/middleware/nginx-config';
import type { Exchange, Fix, ResponseRecord } from '../../src/model';
import { diagnose } from '../../src/rules/diagnose';
import { hostileExchange, hostileInput } from '../../src/rules/platforms/testing';

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-snippets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A whole document (with its declaration) parses as it is; a part of one (web.xml elements) inside a root element. */
const XML_CHECK = [
  'import sys,xml.etree.ElementTree as ET',
  'for p in sys.argv[1:]:',
  '  text = open(p).read()',
  '  ET.parse(p) if text.startswith("<?xml") else ET.fromstring("<part>" + text + "</part>")',
].join('\n');

function collect(): Map<string, Fix[]> {
  const byLanguage = new Map<string, Fix[]>();
  const seen = new Set<string>();
  const add = (exchange: Exchange, related: Exchange[] = []): void => {
    for (const f of diagnose(exchange, { related }).findings) {
      for (const fix of f.fixes) {
        const key = `${fix.language}\u0000${fix.snippet}`;
        if (seen.has(key)) continue;
        seen.add(key);
        byLanguage.set(fix.language, [...(byLanguage.get(fix.language) ?? []), fix]);
      }
    }
  };
  const fixtureDir = new URL('../fixtures/platforms/', import.meta.url);
  for (const name of readdirSync(fixtureDir)) {
    const file = JSON.parse(readFileSync(new URL(name, fixtureDir), 'utf8')) as { cases: Array<{ exchange: Exchange; related?: Exchange[] }> };
    for (const c of file.cases) add(c.exchange, c.related);
  }
  const via = (server: string, more: Array<[string, string]> = []) => (r: ResponseRecord): ResponseRecord =>
    ({ ...r, headers: [...r.headers, { name: 'Server', value: server }, ...more.map(([name, value]) => ({ name, value }))] });
  const django: Array<[string, string]> = [['Referrer-Policy', 'same-origin'], ['X-Content-Type-Options', 'nosniff'], ['X-Frame-Options', 'DENY']];
  for (const input of fc.sample(hostileInput, { numRuns: 300, seed: 20251118 })) {
    const x = hostileExchange(input);
    add(x);
    // Go's net/http shows itself in its own error page only.
    const goPage = (r: ResponseRecord): ResponseRecord => ({ ...r, body: '404 page not found\n' });
    const phpAnswer = (r: ResponseRecord): ResponseRecord => ({ ...r, headers: [...r.headers, { name: 'X-Powered-By', value: 'PHP/8.2.36' }] });
    // Tomcat's CorsFilter shows itself by its Vary.
    const tomcatAnswer = (r: ResponseRecord): ResponseRecord => ({ ...r, headers: [...r.headers, { name: 'vary', value: 'origin,access-control-request-method,Access-Control-Request-Headers' }] });
    for (const server of [via('nginx/1.22.1'), via('Apache/2.4.71 (Debian)'), via('Caddy'), via('uvicorn'), via('Werkzeug/2.2.2 Python/3.11.2'), via('WSGIServer/0.2 CPython/3.11.2', django), via('WEBrick/1.8.1 (Ruby/3.1.2/2022-04-12)'), phpAnswer, tomcatAnswer, via('Jetty(9.4.57.v20241219)'), goPage]) {
      add({
        ...x,
        ...(x.response ? { response: server(x.response) } : {}),
        ...(x.preflight?.response ? { preflight: { ...x.preflight, response: server(x.preflight.response) } } : {}),
      });
    }
  }
  return byLanguage;
}

// Collected once; diagnosing a few hundred exchanges takes a few seconds on two cores.
const snippets = collect();

function writeAll(language: string, ext: string): string[] {
  const sub = join(dir, language);
  mkdirSync(sub, { recursive: true });
  return (snippets.get(language) ?? []).map((fix, i) => {
    const path = join(sub, `${i}.${ext}`);
    writeFileSync(path, fix.snippet);
    return path;
  });
}

function balanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '"') quote = ch;
    else if (ch === open) depth++;
    else if (ch === close && --depth < 0) return false;
  }
  return depth === 0 && quote === null;
}

/**
 * The server's own config test on the snippet — nginx: inside a server block, with the `backend` upstream
 * the snippets name; httpd: in the main server, mod_headers and mod_rewrite loaded; Caddy: in a site block
 * (`caddy validate` adapts the Caddyfile and provisions every handler). [] when valid.
 */
function configTest(server: 'nginx' | 'apache' | 'caddy', name: string, snippet: string): string[] {
  const sub = join(dir, server, name);
  mkdirSync(sub, { recursive: true });
  const conf = join(sub, `${server}.conf`);
  writeFileSync(conf, server === 'nginx'
    ? nginxConfig(sub, 1, snippet, '  upstream backend { server 127.0.0.1:9; }')
    : server === 'apache' ? apacheConfig(sub, 1, snippet) : caddyConfig(1, `${snippet}\nreverse_proxy 127.0.0.1:9`));
  const args = server === 'nginx' ? ['-t', '-q', '-p', sub, '-c', conf]
    : server === 'apache' ? ['-t', '-f', conf] : ['validate', '--config', conf, '--adapter', 'caddyfile'];
  try {
    execFileSync(requireServer(server), args, { stdio: 'pipe', env: { ...process.env, ...(server === 'caddy' ? caddyEnv(sub) : {}) } });
    return [];
  } catch (e) {
    return [`${(e as { stderr?: Buffer }).stderr?.toString() ?? String(e)}\n${snippet}`];
  }
}

describe('snippet syntax (external tools)', () => {
  it('covers the languages the fix stacks produce', () => {
    expect([...snippets.keys()].sort()).toEqual(['apache', 'caddy', 'go', 'hcl', 'java', 'javascript', 'json', 'nginx', 'php', 'python', 'ruby', 'shell', 'text', 'typescript', 'xml', 'yaml']);
  });

  it('Python snippets parse (python3 -m ast)', () => {
    const files = writeAll('python', 'py');
    expect(files.length).toBeGreaterThan(0);
    const script = 'import ast,sys\nbad=[]\nfor p in sys.argv[1:]:\n  try: ast.parse(open(p).read(), p)\n  except SyntaxError as e: bad.append(f"{p}: {e}")\nprint("\\n".join(bad)); sys.exit(1 if bad else 0)';
    execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8' });
  });

  it('Terraform snippets parse (terraform fmt)', () => {
    const files = writeAll('hcl', 'tf');
    expect(files.length).toBeGreaterThan(0);
    // One run over the directory; fmt exits non-zero only on syntax errors when it neither writes nor lists.
    execFileSync('terraform', ['fmt', '-write=false', '-list=false', join(dir, 'hcl')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }, 60_000);

  it('Go snippets parse (gofmt -e)', () => {
    const files = writeAll('go', 'go');
    expect(files.length).toBeGreaterThan(20);
    // gofmt -l -e lists files and exits 2 on any syntax error.
    execFileSync(join(dirname(requireServer('go')), 'gofmt'), ['-l', '-e', join(dir, 'go')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  });

  it('Ruby snippets parse (ruby -c)', () => {
    const files = writeAll('ruby', 'rb');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) execFileSync(requireServer('rack'), ['-c', file], { stdio: 'pipe' });
  }, 60_000);

  it('PHP snippets parse (php -l)', () => {
    const files = writeAll('php', 'php');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) execFileSync(requireServer('php'), ['-n', '-l', file], { stdio: 'pipe' });
  }, 60_000);

  it('XML snippets parse (ElementTree)', () => {
    const files = writeAll('xml', 'xml');
    expect(files.length).toBeGreaterThan(0);
    execFileSync('python3', ['-c', XML_CHECK, ...files]);
  });

  it('shell snippets parse (bash -n)', () => {
    const files = writeAll('shell', 'sh');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) execFileSync('bash', ['-n', file]);
  }, 60_000);

  for (const [server, label] of [
    ['nginx', 'nginx snippets are valid inside a server block (nginx -t)'],
    ['apache', 'Apache httpd snippets are valid in the main server (httpd -t)'],
    ['caddy', 'Caddy snippets are valid in a site block (caddy validate)'],
  ] as const) {
    it(label, () => {
      const fixes = snippets.get(server) ?? [];
      expect(fixes.length).toBeGreaterThan(20);
      const bad: string[] = [];
      fixes.forEach((fix, i) => bad.push(...configTest(server, `ok-${i}`, fix.snippet)));
      expect(bad).toEqual([]);
    }, 120_000);
  }

  it('Java snippets have balanced braces and quotes', () => {
    const fixes = snippets.get('java') ?? [];
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes) expect(balanced(fix.snippet, '{', '}'), fix.snippet).toBe(true);
  });

  it('the tools reject broken input (the checks can fail)', () => {
    const bad = join(dir, 'bad.tf');
    writeFileSync(bad, 'resource "a" "b" { x = ');
    expect(() => execFileSync('terraform', ['fmt', '-write=false', '-list=false', bad], { stdio: 'pipe' })).toThrow();
    const badPy = join(dir, 'bad.py');
    writeFileSync(badPy, 'def f(:\n  pass');
    expect(() => execFileSync('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', badPy], { stdio: 'pipe' })).toThrow();
    expect(balanced('a { "b }', '{', '}')).toBe(false);
    // A directive an nginx snippet might get wrong: an unquoted value with a space, a lost semicolon.
    expect(configTest('nginx', 'bad-1', 'location / { add_header Access-Control-Allow-Origin https://a.example, https://b.example; }')).not.toEqual([]);
    expect(configTest('nginx', 'bad-2', 'location / { add_header Vary Origin }')).not.toEqual([]);
    expect(configTest('apache', 'bad-1', '<Location "/">\nHeader always set Vary\n</Location>')).not.toEqual([]);
    expect(configTest('apache', 'bad-2', '<Location "/">\nHeader always set Vary "Origin"')).not.toEqual([]);
    // Caddy: a quote left open, a directive that does not exist.
    expect(configTest('caddy', 'bad-1', 'header Access-Control-Allow-Origin "https://a.example')).not.toEqual([]);
    expect(configTest('caddy', 'bad-2', 'respnd 204')).not.toEqual([]);
    const badRb = join(dir, 'bad.rb');
    writeFileSync(badRb, 'use Rack::Cors do\n  allow do\nend\n');
    expect(() => execFileSync(requireServer('rack'), ['-c', badRb], { stdio: 'pipe' })).toThrow();
    const badPhp = join(dir, 'bad.php');
    writeFileSync(badPhp, "<?php\n$allowed = ['https://a.example';\n");
    expect(() => execFileSync(requireServer('php'), ['-n', '-l', badPhp], { stdio: 'pipe' })).toThrow();
    const badXml = join(dir, 'bad.xml');
    writeFileSync(badXml, '<filter>\n    <filter-name>CorsFilter</filter-name>\n<filter-mapping>\n');
    expect(() => execFileSync('python3', ['-c', XML_CHECK, badXml], { stdio: 'pipe' })).toThrow();
    const badGo = join(dir, 'bad.go');
    writeFileSync(badGo, 'package main\nfunc withCORS( {\n}\n');
    expect(() => execFileSync(join(dirname(requireServer('go')), 'gofmt'), ['-l', '-e', badGo], { stdio: 'pipe' })).toThrow();
  });
});
