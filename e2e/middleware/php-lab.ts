/**
 * Plain PHP (php_lab.php: one script per case under PHP's built-in server, Debian's php-cli), CORS written
 * by hand with header() the ways people write it, and its traps: a wildcard and nothing for preflights, an
 * OPTIONS branch that exits before the headers are set, output flushed before them ("headers already
 * sent"), a fatal error or an authentication check before them, a wildcard with credentials, an allow-list
 * origin with a trailing slash sent as the fallback. And the app a PHP fix snippet is checked in: the
 * snippet as cors.php, required by the first line of the case's script, which loses its own CORS lines.
 */
import { resolve } from 'node:path';
import { phpStr } from '../../src/rules/findings/fixes/quote';
import type { MiddlewareCase } from './servers';
import { startWebServer, type WebServer } from './web-server';

export interface PhpCase {
  /** display_errors for the script: on in development, off in production (php.ini-production). */
  displayErrors: boolean;
  /** PHP statements the script runs first (output flushed, a database connection, an authentication check). */
  before: string;
  /** The script's CORS lines (PHP statements): what a fix replaces. */
  cors: string;
}

export interface PhpLab {
  config: Record<string, PhpCase>;
  cases: MiddlewareCase[];
}

const ROUTER = resolve(import.meta.dirname, 'php_lab.php');

/** What every script answers once past its CORS lines. */
const APP = "header('Content-Type: application/json');\necho json_encode(['ok' => true]);";

/** The cases, each at `/php/<id>/r`. */
export function phpLab(page: string): PhpLab {
  const isOptions = "$_SERVER['REQUEST_METHOD'] === 'OPTIONS'";
  // Everything the page sends, answered the way tutorials write it: reflect a listed origin, then answer OPTIONS.
  const answerOptions = [
    `if (${isOptions}) {`,
    "    header('Access-Control-Allow-Methods: GET, POST, PUT, OPTIONS');",
    "    header('Access-Control-Allow-Headers: Content-Type, Authorization, X-Api-Key');",
    '    http_response_code(204);',
    '    exit;',
    '}',
  ].join('\n');
  const complete = [
    `$allowed = [${phpStr(page)}];`,
    "$origin = $_SERVER['HTTP_ORIGIN'] ?? '';",
    'if (in_array($origin, $allowed, true)) {',
    "    header('Access-Control-Allow-Origin: ' . $origin);",
    "    header('Access-Control-Allow-Credentials: true');",
    '}',
    answerOptions,
  ].join('\n');
  const defs: ReadonlyArray<readonly [string, string, PhpCase]> = [
    ['star-only', "header('Access-Control-Allow-Origin: *'); nothing for OPTIONS", { displayErrors: false, before: '', cors: "header('Access-Control-Allow-Origin: *');" }],
    ['options-exit-first', 'if (OPTIONS) { http_response_code(204); exit; } before the header() calls', {
      displayErrors: false, before: '',
      cors: [`if (${isOptions}) {`, '    http_response_code(204);', '    exit;', '}', complete].join('\n'),
    }],
    ['complete', 'allow-list + credentials + OPTIONS answered after the headers; session_start(), expose_php = Off', {
      displayErrors: false, before: "header_remove('X-Powered-By');\nsession_start();", cors: complete,
    }],
    ['flush-first', 'echo + flush() before the header() calls (display_errors = On)', { displayErrors: true, before: "echo \"\\n\";\nflush();", cors: complete }],
    ['flush-first-quiet', 'echo + flush() before the header() calls (display_errors = Off)', { displayErrors: false, before: "echo \"\\n\";\nflush();", cors: complete }],
    ['fatal', 'the database connection throws before the header() calls (display_errors = On)', {
      displayErrors: true, before: "throw new RuntimeException('SQLSTATE[HY000] [2002] Connection refused');", cors: complete,
    }],
    ['fatal-quiet', 'the database connection throws before the header() calls (display_errors = Off)', {
      displayErrors: false, before: "throw new RuntimeException('SQLSTATE[HY000] [2002] Connection refused');", cors: complete,
    }],
    ['auth-first', 'an Authorization check (401) before the header() calls', {
      displayErrors: false,
      before: ["if (!isset($_SERVER['HTTP_AUTHORIZATION'])) {", '    http_response_code(401);', "    header('Content-Type: application/json');", "    echo json_encode(['error' => 'Unauthorized']);", '    exit;', '}'].join('\n'),
      cors: complete,
    }],
    ['wildcard-credentials', "Allow-Origin: * with Allow-Credentials: true (and the methods and headers)", {
      displayErrors: false, before: '',
      cors: ["header('Access-Control-Allow-Origin: *');", "header('Access-Control-Allow-Credentials: true');", answerOptions].join('\n'),
    }],
    ['fallback-slash', 'the allow-list holds page + "/" and its first entry is sent when the origin is not listed', {
      displayErrors: false, before: '',
      cors: [
        `$allowed = [${phpStr(`${page}/`)}];`,
        "$origin = $_SERVER['HTTP_ORIGIN'] ?? '';",
        "header('Access-Control-Allow-Origin: ' . (in_array($origin, $allowed, true) ? $origin : $allowed[0]));",
        answerOptions,
      ].join('\n'),
    }],
    ['none', 'no CORS lines (the script answers OPTIONS like GET)', { displayErrors: false, before: '', cors: '' }],
  ];
  const config: Record<string, PhpCase> = {};
  const cases: MiddlewareCase[] = [];
  for (const [id, text, c] of defs) {
    config[id] = c;
    cases.push({ id: `php-${id}`, framework: 'php', path: `/php/${id}/r`, config: text, php: c });
  }
  return { config, cases };
}

/** The case's script; `fixed`: without its CORS lines, requiring a fix's cors.php first instead, as the fix says. */
function script(c: PhpCase, fixed: boolean): string {
  const lines = fixed ? ["require __DIR__ . '/cors.php';", c.before] : [c.before, c.cors];
  return ['<?php', `ini_set('display_errors', '${c.displayErrors ? '1' : '0'}');`, ...lines, APP, ''].filter((s) => s !== '').join('\n');
}

/**
 * PHP's built-in server without the machine's php.ini (-n): PHP's defaults but php.ini's output_buffering
 * (4096, in both the production and the development file). `fix` (a fix's cors.php): every script requires
 * it first and loses its own CORS lines. (auto_prepend_file, the fix's other way in, does not reach the
 * built-in server's router script.)
 */
export function startPhpLab(cases: Record<string, PhpCase>, fix?: string): Promise<WebServer> {
  return startWebServer({
    server: 'php',
    config: () => '',
    args: (_dir, _conf, port) => [
      '-n', '-d', 'output_buffering=4096', '-d', 'log_errors=0', '-S', `127.0.0.1:${port}`, ROUTER,
    ],
    env: (dir) => ({ PHP_LAB_DIR: dir }),
    files: {
      ...Object.fromEntries(Object.entries(cases).map(([id, c]) => [`case-${id}.php`, script(c, fix !== undefined)])),
      ...(fix === undefined ? {} : { 'cors.php': fix }),
    },
  });
}
