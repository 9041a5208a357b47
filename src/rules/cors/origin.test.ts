import { describe, expect, it } from 'vitest';
import { hasUserInfo, isCorsEnabledScheme, isSameOrigin, isSameOriginUrl, isValidUrl, normalizeOrigin, originOf } from './origin';

describe('originOf / normalizeOrigin', () => {
  it('serializes like url::Origin: lower-case host, default port dropped, no path', () => {
    expect(originOf('HTTPS://API.Example:443/x?y#z')).toBe('https://api.example');
    expect(originOf('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(normalizeOrigin('https://app.example/')).toBe('https://app.example');
  });

  it('gives opaque origins "null"', () => {
    expect(originOf('data:text/plain,x')).toBe('null');
    expect(originOf('not a url')).toBe('null');
    expect(normalizeOrigin('null')).toBe('null');
    expect(normalizeOrigin('')).toBe('null');
  });

  it('keeps extension origins', () => {
    expect(originOf('chrome-extension://abcdef/page.html')).toBe('chrome-extension://abcdef');
  });
});

describe('isSameOrigin', () => {
  it('compares scheme, host and port', () => {
    expect(isSameOrigin('https://a.example', 'https://a.example/x')).toBe(true);
    expect(isSameOrigin('https://a.example', 'http://a.example/x')).toBe(false);
    expect(isSameOrigin('https://a.example', 'https://a.example:8443/x')).toBe(false);
    expect(isSameOrigin('https://a.example', 'https://b.a.example/x')).toBe(false);
  });

  it('never treats an opaque page origin as same-origin', () => {
    expect(isSameOrigin('null', 'https://a.example/')).toBe(false);
  });

  it('compares two URLs for the redirect taint rule', () => {
    expect(isSameOriginUrl('https://a.example/1', 'https://a.example/2')).toBe(true);
    expect(isSameOriginUrl('https://a.example/1', 'https://b.example/2')).toBe(false);
  });
});

describe('isCorsEnabledScheme', () => {
  it('allows http(s) and extension schemes only', () => {
    expect(isCorsEnabledScheme('https://x/')).toBe(true);
    expect(isCorsEnabledScheme('http://x/')).toBe(true);
    expect(isCorsEnabledScheme('chrome-extension://id/x')).toBe(true);
    expect(isCorsEnabledScheme('ftp://x/')).toBe(false);
    expect(isCorsEnabledScheme('file:///etc/passwd')).toBe(false);
    expect(isCorsEnabledScheme('ws://x/')).toBe(false);
  });
});

describe('hasUserInfo', () => {
  it('detects user names and passwords', () => {
    expect(hasUserInfo('https://u:p@x/')).toBe(true);
    expect(hasUserInfo('https://u@x/')).toBe(true);
    expect(hasUserInfo('https://x/')).toBe(false);
  });
});

describe('isValidUrl (GURL validity for Access-Control-Allow-Origin), values verified in Chromium 156', () => {
  // Each value below was sent as ACAO to real Chromium 156 (scripts/experiments/scenarios/allow-origin-values.json);
  // valid ⇒ Chromium reported AllowOriginMismatch, invalid ⇒ InvalidAllowOriginValue.
  const valid = ['https://*.example.com', 'https://foo.com:443', 'HTTPS://FOO', 'ftp://x', 'a:b', 'foo:', 'http://a{b', 'http://a"b',
    'http://127.0.0.1:04640', 'http://0x7f.0.0.1:4640', 'http://a..b', 'http://-a', 'http://a_b.com', 'http://xn--zz', 'http://a`b',
    'http://a\\b', 'http:\\\\x', 'file://', 'https:example.com', 'http://a@b', 'http://a#b', 'http://a?b', 'blob:http://x/y',
    'http://a%41.com', 'http://exa%20mple.com', 'http://a*b', 'http://a~b'];
  const invalid = ['*.example.com', 'example.com', 'http://', 'https://', 'http://a:99999', 'http://[::1', 'http://%zz', 'http://a^b',
    'http://a|b', 'http://a<b', '*/*', '**', 'NULL', 'http://127.0.0.1:4640.', 'http://a%2fb', '//example.com', '/x', 'http://:80',
    'http://1.2.3.4.5', 'http://256.1.1.1', 'http://[1::x]', 'http://\u00e4.com' /* a raw Latin-1 byte: not UTF-8 */];
  it.each(valid)('%s is a valid URL', (v) => expect(isValidUrl(v)).toBe(true));
  it.each(invalid)('%s is not a valid URL', (v) => expect(isValidUrl(v)).toBe(false));
});
