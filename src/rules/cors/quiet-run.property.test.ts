/**
 * A quiet engine run (no check rows, used for the credentials mode that is only compared) reaches the
 * same outcome as a full run, and evaluate() picks, notes and alternatives exactly as when every mode
 * runs in full.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CredentialsMode, Exchange } from '../../model';
import { hostileExchange, hostileInput } from '../platforms/testing';
import { chooseCredentials } from './credentials';
import { runChecks, type EngineResult } from './engine';
import { buildExchange, corsHeaders } from './test-support';

const MODES: CredentialsMode[] = ['omit', 'same-origin', 'include'];

const exchange: fc.Arbitrary<Exchange> = fc.oneof(
  hostileInput.map(hostileExchange),
  fc.record({
    acao: fc.constantFrom(undefined, '*', 'null', 'https://app.example', 'https://app.example/'),
    acac: fc.constantFrom(undefined, 'true', 'TRUE'),
    acam: fc.constantFrom(undefined, '*', 'PUT', 'GET, PUT', 'PUT;'),
    acah: fc.constantFrom(undefined, '*', 'authorization', 'x-api-key, authorization'),
    method: fc.constantFrom('GET', 'PUT', 'POST'),
    header: fc.constantFrom(undefined, 'Authorization', 'X-Api-Key'),
    cookie: fc.boolean(),
    status: fc.constantFrom(200, 204, 403),
    redirect: fc.boolean(),
    observed: fc.constantFrom<Exchange['observed']>({}, { failed: false }, { failed: true, errorText: 'net::ERR_FAILED' }, { failed: true, errorText: 'net::ERR_ABORTED' }),
  }).map((p) => buildExchange({
    origin: 'https://app.example',
    url: 'https://api.example/v1/items',
    method: p.method,
    headers: [...(p.header ? [[p.header, 'v'] as [string, string]] : []), ...(p.cookie ? [['Cookie', 'a=1'] as [string, string]] : [])],
    preflight: { status: p.status, headers: corsHeaders({ origin: p.acao, credentials: p.acac, methods: p.acam, headers: p.acah }) },
    response: p.redirect
      ? { status: 302, headers: [...corsHeaders({ origin: p.acao, credentials: p.acac }), { name: 'Location', value: 'https://other.example/x' }] }
      : { status: 200, headers: corsHeaders({ origin: p.acao, credentials: p.acac }) },
    observed: p.observed,
  })),
);

const outcomeOf = (r: EngineResult) => ({
  crossOrigin: r.crossOrigin, outcome: r.outcome, corsError: r.corsError, failedParameter: r.failedParameter,
  failureReason: r.failureReason, failureInferred: r.failureInferred, undecidedReason: r.undecidedReason,
});

describe('quiet engine runs', () => {
  it('reach the same outcome as full runs, in every credentials mode', () => {
    fc.assert(fc.property(exchange, fc.constantFrom(...MODES), (ex, mode) => {
      const quiet = runChecks(ex, mode, true);
      expect(quiet.quiet).toBe(true);
      expect(quiet.checks).toEqual([]);
      expect(outcomeOf(quiet)).toEqual(outcomeOf(runChecks(ex, mode)));
    }), { numRuns: 600 });
  });

  it('leave the chosen mode, its result, notes and alternatives as full runs would', () => {
    fc.assert(fc.property(exchange, (ex) => {
      const withQuiet = chooseCredentials(ex, (mode, quiet) => runChecks(ex, mode, quiet));
      const allFull = chooseCredentials(ex, (mode) => runChecks(ex, mode));
      expect(withQuiet.result.quiet).toBeUndefined();
      expect(withQuiet).toEqual(allFull);
    }), { numRuns: 600 });
  });
});
