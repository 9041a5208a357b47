/** PHP's detection where its signals meet other servers', and what only a body shows (HAR, probe, Re-check). */
import { describe, expect, it } from 'vitest';
import { buildExchange } from '../cors/test-support';
import { diagnose } from '../diagnose';

const url = 'https://api.example.net/api/items';

describe('PHP', () => {
  it('is named by X-Powered-By: PHP, not by Express\'s X-Powered-By', () => {
    expect(diagnose(buildExchange({ url, response: { headers: { 'X-Powered-By': 'PHP/8.3.4' } } })).platform.id).toBe('php');
    expect(diagnose(buildExchange({ url, response: { headers: { 'X-Powered-By': 'Express' } } })).platform.id).toBe('express');
  });

  it('is the app behind nginx (PHP-FPM) or Apache (mod_php)', () => {
    for (const server of ['nginx/1.22.1', 'Apache/2.4.62 (Debian)']) {
      const d = diagnose(buildExchange({ url, response: { headers: { Server: server, 'X-Powered-By': 'PHP/8.2.36' } } }));
      expect(d.platform.id).toBe('php');
      expect(d.cdn?.id).toBe(server.startsWith('nginx') ? 'nginx' : 'apache');
    }
  });

  it('is named by its session headers when expose_php is off', () => {
    const d = diagnose(buildExchange({ url, response: { headers: { Expires: 'Thu, 19 Nov 1981 08:52:00 GMT', 'Cache-Control': 'no-store, no-cache, must-revalidate' } } }));
    expect(d.platform.id).toBe('php');
    const laravel = diagnose(buildExchange({ url, response: { headers: { 'Set-Cookie': 'laravel_session=eyJpdiI6; path=/; httponly; samesite=lax' } } }));
    expect(laravel.platform.id).toBe('php');
    expect(laravel.platform.evidence.join(' ')).toContain('Laravel');
  });

  it('is not named by its default Content-type spelling alone (Python\'s http.server writes it too)', () => {
    expect(diagnose(buildExchange({ url, response: { headers: [['Content-type', 'text/html; charset=UTF-8']] } })).platform.id).toBe('unknown');
  });

  it('reads "headers already sent" in the CLI\'s plain-text form too', () => {
    const body = 'PHP Warning:  Cannot modify header information - headers already sent by (output started at /var/www/api/config.php:12) in /var/www/api/items.php on line 3\n{"ok":true}';
    const d = diagnose(buildExchange({ url, response: { status: 200, headers: { 'Content-Type': 'application/json' }, body } }));
    expect(d.platform.id).toBe('unknown');
    const php = diagnose(buildExchange({ url, response: { status: 200, headers: { 'X-Powered-By': 'PHP/8.2.36' }, body } }));
    const f = php.findings.find((x) => x.id === 'php-headers-already-sent');
    expect(f?.explanation).toContain('headers already sent by (output started at /var/www/api/config.php:12) in /var/www/api/items.php on line 3');
    expect(f?.fixes.map((x) => x.stack)).toContain('php');
    // Headers that did arrive: PHP's warning is about some other header, not the cause.
    const withCors = diagnose(buildExchange({ url, response: { status: 200, headers: { 'X-Powered-By': 'PHP/8.2.36', 'Access-Control-Allow-Origin': 'https://app.example.com' }, body } }));
    expect(withCors.findings.map((x) => x.id)).not.toContain('php-headers-already-sent');
  });

  it('says what a 500 with PHP\'s fatal error page means', () => {
    const body = '<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function db_connect() in /var/www/api/items.php:4';
    const d = diagnose(buildExchange({ url, response: { status: 500, headers: { 'X-Powered-By': 'PHP/8.2.36' }, body } }));
    expect(d.findings[0]?.id).toBe('error-response-missing-cors');
    expect(d.findings[0]?.explanation).toContain('Call to undefined function db_connect()');
  });
});
