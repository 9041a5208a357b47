/** Jetty's detection and what its CrossOriginFilter's silence means. */
import { describe, expect, it } from 'vitest';
import { buildExchange } from '../cors/test-support';
import { diagnose } from '../diagnose';

const url = 'https://api.example.net/api/items';
const page = 'https://app.example.com';
const JETTY = ['Server', 'Jetty(9.4.57.v20241219)'] as [string, string];

describe('Eclipse Jetty', () => {
  it('is named by its Server header, also where HttpServlet\'s Allow looks like Tomcat', () => {
    const preflight = buildExchange({ url, origin: page, method: 'PUT', preflight: { status: 200, headers: [JETTY, ['Allow', 'GET, HEAD, POST, PUT, DELETE, TRACE, OPTIONS'], ['Content-Length', '0']] } });
    expect(diagnose(preflight).platform.id).toBe('jetty');
  });

  it('says that CrossOriginFilter refuses by adding nothing and hands the preflight to the servlet', () => {
    const d = diagnose(buildExchange({ url, origin: page, method: 'PUT', preflight: { status: 200, headers: [JETTY, ['Allow', 'GET, HEAD, POST, PUT, DELETE, TRACE, OPTIONS'], ['Content-Length', '0']] } }));
    const text = d.findings.map((f) => f.explanation).join(' ');
    expect(text).toContain('passes the preflight on to the servlet (chainPreflight)');
    expect(text).toContain('Its defaults allow every origin');
    const snippet = d.findings.flatMap((f) => f.fixes).find((f) => f.stack === 'jetty')?.snippet ?? '';
    expect(snippet).toContain('<param-value>false</param-value>');
    expect(snippet).toContain('org.eclipse.jetty.servlets.CrossOriginFilter');
  });

  it('lists the origin in the filter it gives, never its any-origin default', () => {
    const d = diagnose(buildExchange({ url, origin: page, response: { headers: [JETTY] } }));
    const snippet = d.findings.flatMap((f) => f.fixes).find((f) => f.stack === 'jetty')?.snippet ?? '';
    expect(snippet).toContain(`<param-value>${page}</param-value>`);
    expect(snippet).not.toMatch(/<param-value>\*<\/param-value>/);
  });
});
