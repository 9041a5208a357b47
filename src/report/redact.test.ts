import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../model';
import { collectSecrets, createRedactor, redactExchange, redactFreeText, redactHeader, redactUrl, REDACTED } from './redact';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('redactUrl', () => {
  it('redacts sensitive query parameters and keeps the rest verbatim', () => {
    expect(redactUrl('https://api.example.com/a/b?page=2&token=abc123&X-Amz-Signature=deadbeef&q=x%20y'))
      .toBe('https://api.example.com/a/b?page=2&token=REDACTED&X-Amz-Signature=REDACTED&q=x%20y');
  });

  it('matches names case-insensitively, percent-decoded, and by contained word', () => {
    expect(redactUrl('https://x/?ACCESS_TOKEN=1&my%5Ftoken=2&userPassword=3&ok=4')).toBe('https://x/?ACCESS_TOKEN=REDACTED&my%5Ftoken=REDACTED&userPassword=REDACTED&ok=4');
  });

  it('redacts user:pass and tokens in fragments and paths', () => {
    expect(redactUrl('https://bob:hunter2@host.example/p#access_token=abc&x=1')).toBe('https://REDACTED:REDACTED@host.example/p#access_token=REDACTED&x=1');
    expect(redactUrl('https://bob@host.example/')).toBe('https://REDACTED@host.example/');
    expect(redactUrl(`https://host.example/verify/${JWT}`)).toBe('https://host.example/verify/REDACTED');
  });

  it('leaves a URL without secrets unchanged (property)', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: false, withFragments: false }), (url) => {
      fc.pre(!/@/.test(url) && !/eyJ|AKIA|ASIA/.test(url));
      expect(redactUrl(url)).toBe(url);
    }));
  });

  it('never leaves the value of a sensitive parameter (property)', () => {
    fc.assert(fc.property(fc.constantFrom('token', 'code', 'Signature', 'X-Amz-Credential', 'api_key', 'client_secret'),
      fc.stringMatching(/^[A-Za-z0-9._~-]{8,30}$/), (name, value) => {
        expect(redactUrl(`https://h.example/p?a=1&${name}=${value}&b=2`)).not.toContain(value);
      }));
  });
});

describe('redactHeader', () => {
  it('keeps the auth scheme, cookie names and Set-Cookie attributes', () => {
    expect(redactHeader({ name: 'Authorization', value: `Bearer ${JWT}` }).value).toBe(`Bearer ${REDACTED}`);
    expect(redactHeader({ name: 'authorization', value: 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/x, Signature=ab' }).value).toBe(`AWS4-HMAC-SHA256 ${REDACTED}`);
    expect(redactHeader({ name: 'Cookie', value: 'sid=abc; theme=dark' }).value).toBe(`sid=${REDACTED}; theme=${REDACTED}`);
    expect(redactHeader({ name: 'Set-Cookie', value: 'sid=abc; Path=/; SameSite=None; Secure' }).value).toBe(`sid=${REDACTED}; Path=/; SameSite=None; Secure`);
    expect(redactHeader({ name: 'X-Api-Key', value: 'k-123456' }).value).toBe(REDACTED);
    expect(redactHeader({ name: 'X-Session-Token', value: 'zzz' }).value).toBe(REDACTED);
  });

  it('never touches CORS headers and Origin', () => {
    for (const name of ['Origin', 'Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Headers', 'Vary']) {
      const value = 'https://app.example.com, authorization, x-api-key, token=1';
      expect(redactHeader({ name, value })).toEqual({ name, value });
    }
  });

  it('redacts URLs and JWTs inside other headers', () => {
    expect(redactHeader({ name: 'Referer', value: 'https://app.example/cb?code=xyz123' }).value).toBe('https://app.example/cb?code=REDACTED');
    expect(redactHeader({ name: 'X-Debug', value: `user ${JWT}` }).value).toBe(`user ${REDACTED}`);
    expect(redactHeader({ name: 'Content-Type', value: 'application/json; charset=utf-8' }).value).toBe('application/json; charset=utf-8');
  });
});

describe('redactFreeText', () => {
  it('scrubs known secrets, header lines, pairs and patterns', () => {
    const text = `Sent Authorization: Bearer abc.def\nbody {"password": "hunter22", "ok": "yes"} and token=t0k3n and key AKIAIOSFODNN7EXAMPLE and ${JWT}`;
    const out = redactFreeText(text, new Set(['s3cr3t-value']));
    expect(out).not.toMatch(/abc\.def|hunter22|t0k3n|AKIAIOSFODNN7EXAMPLE|eyJ/);
    expect(out).toContain('"ok": "yes"');
    expect(redactFreeText('the value s3cr3t-value leaked', new Set(['s3cr3t-value']))).toBe(`the value ${REDACTED} leaked`);
    expect(out).toContain(`Authorization: Bearer ${REDACTED}`);
  });

  it('keeps prose that merely names a sensitive header', () => {
    const prose = 'The request sends Authorization: add it to Access-Control-Allow-Headers, or set x-api-key: in the console.';
    expect(redactFreeText(prose)).toBe(prose);
  });
});

describe('redactExchange', () => {
  const exchange: Exchange = {
    id: 'x', source: 'har', pageOrigin: 'https://app.example', startedAt: 1, pageUrl: 'https://app.example/?session=pg-secret-1',
    request: { method: 'PUT', url: 'https://api.example/v1?sig=url-secret-1', headers: [{ name: 'X-Api-Key', value: 'hdr-secret-1' }, { name: 'Origin', value: 'https://app.example' }] },
    redirects: [{ url: 'https://api.example/v1?sig=url-secret-1', location: 'https://bob:pw-secret-1@api2.example/', response: { status: 302, headers: [{ name: 'Location', value: 'https://bob:pw-secret-1@api2.example/' }] } }],
    response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'a=cookie-secret-1; Secure' }], body: '{"access_token":"body-secret-1"}' },
    preflight: { request: { method: 'OPTIONS', url: 'https://api.example/v1?sig=url-secret-1', headers: [{ name: 'Access-Control-Request-Headers', value: 'x-api-key' }] }, response: { status: 204, headers: [], body: 'pre-body' } },
    observed: {},
  };
  const secrets = ['pg-secret-1', 'url-secret-1', 'hdr-secret-1', 'pw-secret-1', 'cookie-secret-1', 'body-secret-1', 'pre-body'];

  it('removes every secret and every body, keeps names and CORS values', () => {
    const red = JSON.stringify(redactExchange(exchange));
    for (const s of secrets) expect(red).not.toContain(s);
    expect(red).toContain('X-Api-Key');
    expect(red).toContain('"Access-Control-Request-Headers","value":"x-api-key"');
    expect(red).not.toContain('"body"');
  });

  it('collects the secrets the exchange carries, so free text is scrubbed consistently', () => {
    const found = collectSecrets(exchange);
    for (const s of ['pg-secret-1', 'url-secret-1', 'hdr-secret-1', 'pw-secret-1', 'cookie-secret-1', 'body-secret-1']) expect(found).toContain(s);
    expect(createRedactor(exchange, false).text('evidence: hdr-secret-1 was sent')).toBe(`evidence: ${REDACTED} was sent`);
  });

  it('is the identity with includeSensitive', () => {
    expect(redactExchange(exchange, createRedactor(exchange, true))).toEqual(exchange);
  });
});
