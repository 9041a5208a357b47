/** Tomcat's detection where its signals meet other servers' (Spring's Vary, Django's Allow, Node's lowercase names), and its answers. */
import { describe, expect, it } from 'vitest';
import { buildExchange } from '../cors/test-support';
import { diagnose } from '../diagnose';

const url = 'https://api.example.net/api/items';
const page = 'https://app.example.com';
const preflightTo = (headers: Array<[string, string]>, status = 200) => buildExchange({
  url, origin: page, method: 'PUT', headers: { 'Content-Type': 'application/json' },
  preflight: { status, headers },
});

describe('Apache Tomcat', () => {
  it('is named by CorsFilter\'s Vary, which holds the three names Spring\'s processor varies on too', () => {
    const tomcat = preflightTo([['vary', 'origin,access-control-request-method,Access-Control-Request-Headers'], ['Access-Control-Allow-Origin', page]]);
    expect(diagnose(tomcat).platform.id).toBe('tomcat');
    const spring = preflightTo([['Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'], ['Access-Control-Allow-Origin', page]]);
    expect(diagnose(spring).platform.id).toBe('spring');
  });

  it('is named by CorsFilter\'s refusal (an empty text/plain 403) and says what its defaults allow', () => {
    const refused = preflightTo([['Content-Type', 'text/plain'], ['Content-Length', '0']], 403);
    const d = diagnose(refused);
    expect(d.platform.id).toBe('tomcat');
    expect(d.findings[0]?.explanation).toContain('Its defaults allow no origin at all');
    expect(d.findings[0]?.fixes.map((f) => f.stack)).toContain('tomcat');
    // A 403 with a body is someone else's refusal.
    expect(diagnose(preflightTo([['Content-Type', 'text/plain'], ['Content-Length', '9']], 403)).platform.id).not.toBe('tomcat');
  });

  it('is named by HttpServlet\'s Allow, but not by "GET, HEAD, OPTIONS", which Django writes too', () => {
    expect(diagnose(preflightTo([['Allow', 'GET, HEAD, POST, PUT, DELETE, OPTIONS'], ['Content-Length', '0']])).platform.id).toBe('tomcat');
    expect(diagnose(preflightTo([['Allow', 'GET, HEAD, OPTIONS'], ['Content-Length', '0']])).platform.id).not.toBe('tomcat');
  });

  it('is not named by a lowercase vary among capitalised names (Node writes them so too)', () => {
    const koa = buildExchange({ url, origin: page, response: { status: 500, headers: [['vary', 'Origin'], ['Content-Type', 'text/plain; charset=utf-8'], ['Access-Control-Allow-Origin', page]] } });
    expect(diagnose(koa).platform.id).not.toBe('tomcat');
  });

  it('says a security constraint\'s 401 comes before any filter, and gives the OPTIONS constraint', () => {
    const d = diagnose(preflightTo([['Cache-Control', 'private'], ['WWW-Authenticate', 'Basic realm="api"'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Language', 'en']], 401));
    expect(d.platform.id).toBe('tomcat');
    const f = d.findings.find((x) => x.id === 'preflight-auth-required');
    expect(f?.explanation).toContain('Tomcat\'s authenticator answered 401 before any filter ran');
    expect(f?.fixes.find((x) => x.stack === 'tomcat')?.snippet).toContain('<http-method>OPTIONS</http-method>');
  });

  it('is the app behind nginx or Apache httpd (a reverse proxy or mod_jk)', () => {
    for (const server of ['nginx/1.22.1', 'Apache/2.4.62 (Debian)']) {
      const d = diagnose(buildExchange({ url, response: { headers: [['Server', server], ['Content-Type', 'application/json;charset=ISO-8859-1']] } }));
      expect(d.platform.id).toBe('tomcat');
      expect(d.cdn?.id).toBe(server.startsWith('nginx') ? 'nginx' : 'apache');
    }
  });

  it('never lists a wildcard origin in the CorsFilter it gives (Tomcat would not start the application)', () => {
    const d = diagnose(buildExchange({ url, origin: page, credentials: 'include', response: { headers: [['Access-Control-Allow-Origin', '*'], ['Content-Type', 'application/json;charset=ISO-8859-1']] } }));
    const snippet = d.findings.flatMap((f) => f.fixes).find((f) => f.stack === 'tomcat')?.snippet ?? '';
    expect(snippet).toContain('<param-name>cors.support.credentials</param-name>');
    expect(snippet).not.toMatch(/<param-value>[^<]*\*[^<]*<\/param-value>/);
  });
});
