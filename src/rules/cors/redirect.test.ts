import { describe, expect, it } from 'vitest';
import { methodAfterRedirect, redirectHasForbiddenCredentials, redirectTarget, taintsOrigin } from './redirect';

const PAGE = 'https://app.example';

describe('redirectHasForbiddenCredentials (CheckRedirectLocation)', () => {
  it('refuses user:pass to another origin, or once CORS applies, or when tainted', () => {
    expect(redirectHasForbiddenCredentials('https://u:p@api.example/', PAGE, false, false)).toBe(true);
    expect(redirectHasForbiddenCredentials('https://u:p@app.example/', PAGE, true, false)).toBe(true);
    expect(redirectHasForbiddenCredentials('https://u:p@app.example/', PAGE, false, true)).toBe(true);
  });
  it('allows a same-origin target with credentials when CORS does not apply', () => {
    expect(redirectHasForbiddenCredentials('https://u:p@app.example/', PAGE, false, false)).toBe(false);
  });
  it('allows any target without credentials', () => {
    expect(redirectHasForbiddenCredentials('https://api.example/', PAGE, true, true)).toBe(false);
  });
});

describe('taintsOrigin (CheckTainted)', () => {
  it('taints a hop between two origins when the request already left the page origin', () => {
    expect(taintsOrigin('https://api.example/a', 'https://cdn.example/b', PAGE)).toBe(true);
  });
  it('does not taint a same-origin hop, nor a hop away from the page origin', () => {
    expect(taintsOrigin('https://api.example/a', 'https://api.example/b', PAGE)).toBe(false);
    expect(taintsOrigin('https://app.example/a', 'https://api.example/b', PAGE)).toBe(false);
  });
});

describe('methodAfterRedirect', () => {
  it('turns POST into GET on 301/302, anything but GET/HEAD into GET on 303', () => {
    expect(methodAfterRedirect(302, 'POST')).toBe('GET');
    expect(methodAfterRedirect(301, 'POST')).toBe('GET');
    expect(methodAfterRedirect(302, 'PUT')).toBe('PUT');
    expect(methodAfterRedirect(303, 'PUT')).toBe('GET');
    expect(methodAfterRedirect(303, 'HEAD')).toBe('HEAD');
    expect(methodAfterRedirect(307, 'POST')).toBe('POST');
  });
});

describe('redirectTarget', () => {
  const r = (status: number, location?: string) => ({ status, headers: location === undefined ? [] : [{ name: 'Location', value: location }] });
  it('follows 301/302/303/307/308 with a Location, resolved against the URL', () => {
    expect(redirectTarget('https://a.example/x/y', r(302, '../z'))).toBe('https://a.example/z');
    expect(redirectTarget('https://a.example/', r(308, 'https://b.example/'))).toBe('https://b.example/');
  });
  it('does not follow 300, 304, or a missing or empty Location', () => {
    expect(redirectTarget('https://a.example/', r(300, '/x'))).toBeNull();
    expect(redirectTarget('https://a.example/', r(304, '/x'))).toBeNull();
    expect(redirectTarget('https://a.example/', r(302))).toBeNull();
    expect(redirectTarget('https://a.example/', r(302, ''))).toBeNull();
  });
});
