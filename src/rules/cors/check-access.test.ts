import { describe, expect, it } from 'vitest';
import type { CredentialsMode } from '../../model';
import { checkAccess, toPreflightError } from './check-access';

const ORIGIN = 'https://app.example';
const run = (allowOrigin: string | null, credentials: CredentialsMode = 'same-origin', allowCredentials: string | null = null, origin = ORIGIN) =>
  checkAccess({ allowOrigin, allowCredentials, credentials, origin, responseUrl: 'https://api.example/x' });

describe('checkAccess (Chromium CheckAccess)', () => {
  it('passes the exact origin and "*" without credentials', () => {
    expect(run(ORIGIN)).toBeNull();
    expect(run('*')).toBeNull();
    expect(run('*', 'omit')).toBeNull();
  });

  it('MissingAllowOriginHeader with an empty failedParameter', () => {
    expect(run(null)).toMatchObject({ corsError: 'MissingAllowOriginHeader', failedParameter: '', part: 'origin' });
  });

  it('WildcardOriginNotAllowed for "*" with credentials, even with ACAC true', () => {
    expect(run('*', 'include', 'true')).toMatchObject({ corsError: 'WildcardOriginNotAllowed', failedParameter: '' });
  });

  it('exempts non-HTTP(S) responses from the wildcard rule, then still checks credentials', () => {
    const input = { allowOrigin: '*', credentials: 'include' as const, origin: ORIGIN, responseUrl: 'data:,x' };
    expect(checkAccess({ ...input, allowCredentials: 'true' })).toBeNull();
    expect(checkAccess({ ...input, allowCredentials: null })).toMatchObject({ corsError: 'InvalidAllowCredentials' });
  });

  it('MultipleAllowOriginValues when the value contains a comma or a space', () => {
    expect(run(`${ORIGIN}, ${ORIGIN}`)).toMatchObject({ corsError: 'MultipleAllowOriginValues', failedParameter: `${ORIGIN}, ${ORIGIN}` });
    expect(run('https://a.example https://b.example')).toMatchObject({ corsError: 'MultipleAllowOriginValues' });
  });

  it('AllowOriginMismatch for "null" against a real origin, but "null" matches an opaque origin', () => {
    expect(run('null')).toMatchObject({ corsError: 'AllowOriginMismatch', failedParameter: 'null' });
    expect(run('null', 'same-origin', null, 'null')).toBeNull();
  });

  it('InvalidAllowOriginValue for a value that is not a URL', () => {
    expect(run('app.example')).toMatchObject({ corsError: 'InvalidAllowOriginValue', failedParameter: 'app.example' });
  });

  it('AllowOriginMismatch is exact: trailing slash, case, other port', () => {
    expect(run(`${ORIGIN}/`)).toMatchObject({ corsError: 'AllowOriginMismatch', failedParameter: `${ORIGIN}/` });
    expect(run('HTTPS://APP.EXAMPLE')).toMatchObject({ corsError: 'AllowOriginMismatch' });
    expect(run('https://app.example:8443')).toMatchObject({ corsError: 'AllowOriginMismatch' });
  });

  it('says what is wrong in plain words', () => {
    expect(run(`${ORIGIN}/`)?.note).toMatch(/trailing slash/);
    expect(run('https://*.example')?.note).toMatch(/Wildcards/);
  });

  it('InvalidAllowCredentials: ACAC must be exactly "true" for include; failedParameter is its value or ""', () => {
    expect(run(ORIGIN, 'include', 'true')).toBeNull();
    expect(run(ORIGIN, 'include', null)).toMatchObject({ corsError: 'InvalidAllowCredentials', failedParameter: '', part: 'credentials' });
    expect(run(ORIGIN, 'include', 'TRUE')).toMatchObject({ corsError: 'InvalidAllowCredentials', failedParameter: 'TRUE' });
    expect(run(ORIGIN, 'include', 'true, true')).toMatchObject({ corsError: 'InvalidAllowCredentials', failedParameter: 'true, true' });
  });

  it('ignores ACAC without credentials', () => {
    expect(run(ORIGIN, 'same-origin', 'nope')).toBeNull();
    expect(run(ORIGIN, 'omit', null)).toBeNull();
  });

  it('checks the origin before the credentials', () => {
    expect(run('https://other.example', 'include', null)).toMatchObject({ corsError: 'AllowOriginMismatch' });
  });
});

describe('toPreflightError', () => {
  it('maps the six access errors to their Preflight* names', () => {
    expect(toPreflightError('MissingAllowOriginHeader')).toBe('PreflightMissingAllowOriginHeader');
    expect(toPreflightError('WildcardOriginNotAllowed')).toBe('PreflightWildcardOriginNotAllowed');
    expect(toPreflightError('MultipleAllowOriginValues')).toBe('PreflightMultipleAllowOriginValues');
    expect(toPreflightError('InvalidAllowOriginValue')).toBe('PreflightInvalidAllowOriginValue');
    expect(toPreflightError('AllowOriginMismatch')).toBe('PreflightAllowOriginMismatch');
    expect(toPreflightError('InvalidAllowCredentials')).toBe('PreflightInvalidAllowCredentials');
    expect(toPreflightError('PreflightInvalidStatus')).toBe('PreflightInvalidStatus');
  });
});
