import { describe, expect, it } from 'vitest';
import { Recorder } from './recorder';

const row = (id: string, note?: string) => ({ id, phase: 'actual' as const, label: id, asked: null, allowed: null, ...(note ? { note } : {}) });

describe('Recorder', () => {
  it('takes the first failure as the verdict and records later rows as unreached', () => {
    const r = new Recorder();
    r.pass(row('a'));
    r.fail(row('b', 'b is wrong.'), { corsError: 'MissingAllowOriginHeader', failedParameter: '' });
    r.fail(row('c', 'c is wrong.'), { corsError: 'InvalidAllowCredentials', failedParameter: 'x' });
    r.pass(row('d', 'd is fine.'));
    expect(r.failure).toEqual({ corsError: 'MissingAllowOriginHeader', failedParameter: '', phase: 'actual' });
    expect(r.checks.map((c) => c.result)).toEqual(['pass', 'fail', 'skip', 'skip']);
    expect(r.checks[2]?.note).toBe('Not reached: an earlier check failed. On its own it would fail: c is wrong.');
    expect(r.checks[3]?.note).toMatch(/would pass: d is fine/);
  });

  it('halts on an end that is not a CORS error: a failure without CorsError, later rows unreached', () => {
    const r = new Recorder();
    r.halt(row('a'), 'The redirect was not followed.', true);
    r.fail(row('b', 'b is wrong.'), { corsError: 'MissingAllowOriginHeader', failedParameter: '' });
    expect(r.failure).toEqual({ corsError: null, failedParameter: null, phase: 'actual', reason: 'The redirect was not followed.', inferred: true });
    expect(r.checks.map((c) => c.result)).toEqual(['skip', 'skip']);
    expect(r.checks[0]?.note).toBe('The redirect was not followed.');
    expect(r.checks[1]?.note).toMatch(/^Not reached: the request ended earlier\. On its own it would fail/);
  });

  it('stops at a check that cannot be judged', () => {
    const r = new Recorder();
    r.cannotJudge(row('a'), 'No response.');
    r.fail(row('b'), { corsError: 'MissingAllowOriginHeader', failedParameter: '' });
    expect(r.failure).toBeNull();
    expect(r.undecided).toEqual({ phase: 'actual', reason: 'No response.' });
    expect(r.checks.map((c) => c.result)).toEqual(['skip', 'skip']);
  });
});
