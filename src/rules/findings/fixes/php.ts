/**
 * Fix stack for PHP: a cors.php every request runs first (required by each entry script, or PHP's
 * auto_prepend_file), so that the headers are set before any output, authentication or error, and
 * preflights are answered there (checked in e2e/fixes.spec.ts under PHP 8.2's built-in server, before the
 * case's own script); and Laravel's config/cors.php, for its HandleCors middleware (from Laravel's
 * documentation: no Laravel in the lab).
 */
import type { Fix } from '../../../model';
import { pathPrefix, type CorsSpec } from '../spec';
import { phpStr } from './quote';
import { stack } from './types';

const list = (xs: readonly string[]): string => `[${xs.map(phpStr).join(', ')}]`;

function plain(s: CorsSpec): Fix {
  const methods = [...new Set([...s.methods, 'OPTIONS'])];
  return {
    stack: 'php',
    title: 'PHP: a cors.php that runs before everything else',
    language: 'php',
    snippet: [
      '<?php',
      '// cors.php. Run it first, before any output, session or authentication, so that every answer',
      '// carries the headers (errors and refusals included) and preflights are answered here:',
      "//   require __DIR__ . '/cors.php';  as the first line of each entry script (index.php), or",
      '//   auto_prepend_file = /path/to/cors.php  in php.ini (.user.ini under PHP-FPM).',
      '// PHP drops a header() call made after output was sent ("headers already sent").',
      `$allowed = ${list(s.origins)};`,
      "$origin = $_SERVER['HTTP_ORIGIN'] ?? '';",
      'if (in_array($origin, $allowed, true)) {',
      "    header('Access-Control-Allow-Origin: ' . $origin);",
      ...(s.credentials ? ["    header('Access-Control-Allow-Credentials: true');"] : []),
      ...(s.exposeHeaders.length > 0 ? [`    header(${phpStr(`Access-Control-Expose-Headers: ${s.exposeHeaders.join(', ')}`)});`] : []),
      '}',
      "header('Vary: Origin', false);",
      "if ($_SERVER['REQUEST_METHOD'] === 'OPTIONS' && isset($_SERVER['HTTP_ACCESS_CONTROL_REQUEST_METHOD'])) {",
      `    header(${phpStr(`Access-Control-Allow-Methods: ${methods.join(', ')}`)});`,
      ...(s.headers.length > 0 ? [`    header(${phpStr(`Access-Control-Allow-Headers: ${s.headers.join(', ')}`)});`] : []),
      `    header('Access-Control-Max-Age: ${s.maxAge}');`,
      '    http_response_code(204);',
      '    exit;',
      '}',
    ].join('\n'),
  };
}

function laravel(s: CorsSpec): Fix {
  const first = pathPrefix(s);
  return {
    stack: 'php',
    title: 'Laravel: config/cors.php (the HandleCors middleware)',
    language: 'php',
    snippet: [
      '<?php',
      '// config/cors.php (Laravel 11: php artisan config:publish cors). HandleCors is global middleware: it',
      '// answers preflights before any route or auth middleware. Then: php artisan config:clear',
      'return [',
      `    'paths' => [${phpStr(first ? `${first}/*` : '*')}],`,
      `    'allowed_methods' => ${list(s.methods)},`,
      `    'allowed_origins' => ${list(s.origins)},`,
      "    'allowed_origins_patterns' => [],",
      `    'allowed_headers' => ${list(s.headers)},`,
      `    'exposed_headers' => ${list(s.exposeHeaders)},`,
      `    'max_age' => ${s.maxAge},`,
      `    'supports_credentials' => ${s.credentials ? 'true' : 'false'},`,
      '];',
    ].join('\n'),
  };
}

const both = (s: CorsSpec): Fix[] => [plain(s), laravel(s)];

export const phpStack = stack('php', {
  allow: both,
  'preflight-no-auth': both,
  errors: both,
  backend: both,
  vary: both,
});
