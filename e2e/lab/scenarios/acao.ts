/**
 * Forms of Access-Control-Allow-Origin, each tried twice: on the response to a simple GET, and on the
 * preflight of a PUT (whose actual response then allows the origin plainly).
 */
import type { HeaderLine, Scenario } from '../scenario';
import { ACAM, ACAO, APP, get, okFor, put, showLines, text } from './build';

interface AcaoCase {
  slug: string;
  what: string;
  lines: readonly HeaderLine[];
}

const one = (value: string): readonly HeaderLine[] => [[ACAO, value]];

export const ACAO_CASES: readonly AcaoCase[] = [
  { slug: 'exact', what: 'the exact page origin', lines: one(APP) },
  { slug: 'star', what: 'the wildcard *', lines: one('*') },
  { slug: 'null', what: 'null', lines: one('null') },
  { slug: 'null-capital', what: 'Null (wrong case)', lines: one('Null') },
  { slug: 'empty', what: 'an empty value', lines: one('') },
  { slug: 'absent', what: 'no Access-Control-Allow-Origin at all', lines: [] },
  { slug: 'trailing-slash', what: 'the origin with a trailing slash', lines: one(`${APP}/`) },
  { slug: 'with-path', what: 'the origin plus a path', lines: one(`${APP}/index.html`) },
  { slug: 'with-query', what: 'the origin plus an empty query', lines: one(`${APP}?`) },
  { slug: 'with-fragment', what: 'the origin plus an empty fragment', lines: one(`${APP}#`) },
  { slug: 'scheme-upper', what: 'the scheme in capitals', lines: one('HTTP://{app.host}') },
  { slug: 'scheme-mixed', what: 'the scheme in mixed case', lines: one('Http://{app.host}') },
  { slug: 'localhost', what: 'localhost instead of 127.0.0.1', lines: one('http://localhost:{app.port}') },
  { slug: 'other-port', what: "another origin's port (the api's)", lines: one('{api}') },
  { slug: 'no-port', what: 'the host without the port', lines: one('http://127.0.0.1') },
  { slug: 'port-80', what: 'the host with port 80', lines: one('http://127.0.0.1:80') },
  { slug: 'https', what: 'https instead of http', lines: one('https://{app.host}') },
  { slug: 'bare-host', what: 'host:port without a scheme', lines: one('{app.host}') },
  { slug: 'bare-ip', what: 'the bare IP address', lines: one('127.0.0.1') },
  { slug: 'ip-zero-padded', what: 'the IP written 127.000.000.001 (same host once parsed)', lines: one('http://127.000.000.001:{app.port}') },
  { slug: 'ip-decimal', what: 'the IP written as one decimal number', lines: one('http://2130706433:{app.port}') },
  { slug: 'userinfo', what: 'the origin with a user name', lines: one('http://user@{app.host}') },
  { slug: 'ws-scheme', what: 'a ws:// origin', lines: one('ws://{app.host}') },
  { slug: 'scheme-only', what: 'just "http://"', lines: one('http://') },
  { slug: 'garbage', what: 'text that is not a URL', lines: one('not a url') },
  { slug: 'pattern-subdomain', what: 'a pattern *.example.com', lines: one('*.example.com') },
  { slug: 'pattern-host', what: 'a pattern http://*.0.0.1:port', lines: one('http://*.0.0.1:{app.port}') },
  { slug: 'pattern-port', what: 'a port wildcard http://127.0.0.1:*', lines: one('http://127.0.0.1:*') },
  { slug: 'list-comma-space', what: 'a list "page, api"', lines: one(`${APP}, {api}`) },
  { slug: 'list-comma', what: 'a list "page,api"', lines: one(`${APP},{api}`) },
  { slug: 'list-space', what: 'a space-separated list', lines: one(`${APP} {api}`) },
  { slug: 'list-other-first', what: 'a list "api, page"', lines: one(`{api}, ${APP}`) },
  { slug: 'list-trailing-comma', what: 'the origin followed by a comma', lines: one(`${APP},`) },
  { slug: 'list-star-star', what: '"*, *"', lines: one('*, *') },
  { slug: 'list-star-origin', what: '"*, page"', lines: one(`*, ${APP}`) },
  { slug: 'list-null-origin', what: '"null, page"', lines: one(`null, ${APP}`) },
  { slug: 'list-same-twice', what: 'the origin twice in one line', lines: one(`${APP}, ${APP}`) },
  { slug: 'lines-same-twice', what: 'two header lines with the page origin', lines: [[ACAO, APP], [ACAO, APP]] },
  { slug: 'lines-star-twice', what: 'two header lines with *', lines: [[ACAO, '*'], [ACAO, '*']] },
  { slug: 'lines-other-then-page', what: 'two lines: api origin, then page origin', lines: [[ACAO, '{api}'], [ACAO, APP]] },
  { slug: 'lines-page-then-empty', what: 'two lines: page origin, then empty', lines: [[ACAO, APP], [ACAO, '']] },
  { slug: 'leading-space', what: 'the origin with a leading space', lines: one(` ${APP}`) },
  { slug: 'trailing-space', what: 'the origin with a trailing space', lines: one(`${APP} `) },
  { slug: 'trailing-tab', what: 'the origin with a trailing tab', lines: one(`${APP}\t`) },
  { slug: 'quoted', what: 'the origin in double quotes', lines: one(`"${APP}"`) },
  { slug: 'star-trailing-space', what: '"* " with a trailing space', lines: one('* ') },
  { slug: 'star-quoted', what: '"*" in quotes', lines: one('"*"') },
  { slug: 'name-lowercase', what: 'the header name in lower case', lines: [['access-control-allow-origin', APP]] },
  { slug: 'name-uppercase', what: 'the header name in capitals', lines: [['ACCESS-CONTROL-ALLOW-ORIGIN', APP]] },
  { slug: 'name-typo', what: 'a misspelt header name (Access-Control-Allow-Origins)', lines: [['Access-Control-Allow-Origins', APP]] },
];

const simple = ACAO_CASES.map((c): Scenario => ({
  id: `acao-${c.slug}`,
  title: `ACAO: ${c.what}`,
  dimension: 'acao-form',
  description: `A simple GET; the response carries ${showLines(c.lines)}.`,
  request: get(),
  actual: text(200, c.lines),
}));

const onPreflight = ACAO_CASES.map((c): Scenario => ({
  id: `acao-preflight-${c.slug}`,
  title: `Preflight ACAO: ${c.what}`,
  dimension: 'acao-form',
  description: `A PUT; its preflight answers 204 with Access-Control-Allow-Methods: PUT and ${showLines(c.lines)}. The actual response allows the page origin.`,
  request: put(),
  preflight: { status: 204, headers: [...c.lines, [ACAM, 'PUT']] },
  actual: okFor(),
}));

export const ACAO_FORMS: readonly Scenario[] = [...simple, ...onPreflight];
