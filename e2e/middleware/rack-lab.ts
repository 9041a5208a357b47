/**
 * Ruby's Rack with rack-cors (rack_lab.rb: a Rack app per case on WEBrick, Debian's Ruby; see
 * web-server.ts), and the app a Rack fix snippet is checked in: the snippet as config.ru, built as rackup
 * builds it, in front of an app answering {"ok":true}.
 */
import { resolve } from 'node:path';
import type { MiddlewareCase } from './servers';
import { startWebServer, type WebServer } from './web-server';

export interface RackCase {
  /** rack-cors's `allow` block for the case, or null: no rack-cors. */
  cors: { origins: readonly string[]; resource?: string; headers: 'any' | readonly string[]; methods: readonly string[]; credentials?: boolean } | null;
}

export interface RackLab {
  config: Record<string, RackCase>;
  cases: MiddlewareCase[];
}

const SCRIPT = resolve(import.meta.dirname, 'rack_lab.rb');

/** The cases, each at `/rb/<id>/r`. */
export function rackLab(page: string): RackLab {
  const all = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head'];
  const defs: ReadonlyArray<readonly [string, string, RackCase]> = [
    ['star-get-post', "origins '*'; resource '*', headers: :any, methods: [:get, :post]", { cors: { origins: ['*'], headers: 'any', methods: ['get', 'post'] } }],
    ['credentials', 'origins page; resource \'*\', headers: :any, methods: [every method], credentials: true', { cors: { origins: [page], headers: 'any', methods: all, credentials: true } }],
    ['methods', 'origins page; resource \'*\', headers: :any, methods: [:get, :post], credentials: true', { cors: { origins: [page], headers: 'any', methods: ['get', 'post'], credentials: true } }],
    ['headers', "origins page; resource '*', headers: ['Content-Type'], methods: [every method], credentials: true", { cors: { origins: [page], headers: ['Content-Type'], methods: all, credentials: true } }],
    ['other-origin', "origins 'https://other.example'; resource '*', headers: :any, methods: [every method]", { cors: { origins: ['https://other.example'], headers: 'any', methods: all } }],
    ['resource-miss', "origins page; resource '/api/*', … (this path is outside it)", { cors: { origins: [page], resource: '/api/*', headers: 'any', methods: all, credentials: true } }],
    ['none', 'no rack-cors (the app answers OPTIONS)', { cors: null }],
  ];
  const config: Record<string, RackCase> = {};
  const cases: MiddlewareCase[] = [];
  for (const [id, text, c] of defs) {
    config[id] = c;
    // Ruby shows itself only through the server (WEBrick here; Puma names none) and rack-cors's own headers.
    cases.push({ id: `rack-${id}`, framework: 'rack', path: `/rb/${id}/r`, config: text });
  }
  return { config, cases };
}

/** `configRu` (a fix): the text every path is served through, as rackup builds config.ru. */
export function startRackLab(cases: Record<string, RackCase>, configRu?: string): Promise<WebServer> {
  return startWebServer({
    server: 'rack',
    config: (_dir, port) => JSON.stringify({ port, cases, ...(configRu === undefined ? {} : { config_ru: configRu }) }),
    args: (_dir, conf) => [SCRIPT, conf],
  });
}
