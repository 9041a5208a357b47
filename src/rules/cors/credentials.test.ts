import { describe, expect, it } from 'vitest';
import type { CredentialsMode } from '../../model';
import { candidateModes, chooseCredentials, consistency, hasCookieEvidence, observedOutcome } from './credentials';
import type { EngineResult } from './engine';
import { buildExchange } from './test-support';

const result = (outcome: EngineResult['outcome'], corsError: EngineResult['corsError'] = null): EngineResult => ({
  crossOrigin: true, outcome, corsError, failedParameter: null, phase: 'actual', checks: [], preflightReasons: [], notes: [],
});

describe('observedOutcome', () => {
  it('reads the browser outcome', () => {
    expect(observedOutcome(buildExchange({}))).toBe('unknown');
    expect(observedOutcome(buildExchange({ observed: { failed: false } }))).toBe('allowed');
    expect(observedOutcome(buildExchange({ observed: { failed: true } }))).toBe('blocked');
    expect(observedOutcome(buildExchange({ observed: { failed: true, errorText: 'net::ERR_FAILED' } }))).toBe('blocked');
    expect(observedOutcome(buildExchange({ observed: { failed: true, errorText: 'net::ERR_CONNECTION_REFUSED' } }))).toBe('network-error');
    expect(observedOutcome(buildExchange({ observed: { failed: true, errorText: 'net::ERR_X', corsError: 'MissingAllowOriginHeader' } }))).toBe('blocked');
  });
});

describe('consistency', () => {
  const failed = buildExchange({ observed: { failed: true, errorText: 'net::ERR_FAILED', corsError: 'WildcardOriginNotAllowed' } });
  it('ranks an exact CorsError match above a plain match above "cannot tell" above a contradiction', () => {
    expect(consistency(result('blocked', 'WildcardOriginNotAllowed'), failed)).toBe(3);
    expect(consistency(result('blocked', 'MissingAllowOriginHeader'), failed)).toBe(2);
    expect(consistency(result('unknown'), failed)).toBe(1);
    expect(consistency(result('allowed'), failed)).toBe(0);
    expect(consistency(result('blocked'), buildExchange({ observed: { failed: false } }))).toBe(0);
    expect(consistency(result('blocked'), buildExchange({}))).toBe(1);
  });
});

describe('chooseCredentials', () => {
  const runner = (byMode: Partial<Record<CredentialsMode, EngineResult>>) => (mode: CredentialsMode) => byMode[mode] ?? result('allowed');

  it('evaluates only the recorded mode when there is one', () => {
    const ex = buildExchange({ credentials: 'include' });
    expect(candidateModes(ex)).toEqual(['include']);
    expect(chooseCredentials(ex, runner({}))).toMatchObject({ mode: 'include', inferred: false, inconsistent: false });
  });

  it('keeps the only mode that explains the observation', () => {
    const ex = buildExchange({ observed: { failed: true, errorText: 'net::ERR_FAILED' } });
    expect(chooseCredentials(ex, runner({ include: result('blocked', 'InvalidAllowCredentials') }))).toMatchObject({ mode: 'include', inferred: true, inconsistent: false });
  });

  it('prefers the fetch default on a tie, include with a Cookie header', () => {
    expect(chooseCredentials(buildExchange({ observed: { failed: false } }), runner({})).mode).toBe('same-origin');
    const withCookie = buildExchange({ headers: { Cookie: 'a=1' }, observed: { failed: false } });
    expect(hasCookieEvidence(withCookie)).toBe(true);
    expect(chooseCredentials(withCookie, runner({})).mode).toBe('include');
  });

  it('flags an observation no mode explains', () => {
    const ex = buildExchange({ observed: { failed: false } });
    const choice = chooseCredentials(ex, runner({ 'same-origin': result('blocked', 'MissingAllowOriginHeader'), include: result('blocked', 'MissingAllowOriginHeader') }));
    expect(choice).toMatchObject({ mode: 'same-origin', inconsistent: true });
    expect(choice.notes[0]).toMatch(/neither/);
  });
});
