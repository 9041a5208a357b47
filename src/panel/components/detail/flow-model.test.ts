import { describe, expect, it } from 'vitest';
import { fixtureDiagnose, sampleSet } from '../../fixtures/sample';
import { flowSteps } from './flow-model';

const samples = sampleSet();
const diagnose = fixtureDiagnose(samples);
const steps = (id: string) => {
  const e = samples.find((s) => s.exchange.id === id)!.exchange;
  return flowSteps(e, diagnose(e)).map((s) => `${s.dir} ${s.kind} ${s.state}`);
};

describe('flowSteps', () => {
  it('a failed preflight: the answer is the failing step and the actual request is never sent', () => {
    expect(steps('rest-403')).toEqual(['out preflight ok', 'in preflight-response fail', 'out request skipped']);
  });

  it('an allowed preflighted request: four ok steps', () => {
    expect(steps('http-ok')).toEqual(['out preflight ok', 'in preflight-response ok', 'out request ok', 'in response ok']);
  });

  it('a preflight from the cache is a note, not a round trip', () => {
    expect(steps('cached-put')).toEqual(['note preflight-cached cached', 'out request ok', 'in response ok']);
  });

  it('a redirect that fails CORS ends the flow at the redirect', () => {
    expect(steps('redirect-blocked')).toEqual(['out request ok', 'in redirect fail']);
  });

  it('a response the browser hides from the page is marked failed; a pending one is pending', () => {
    expect(steps('lambda-dup')).toEqual(['out request ok', 'in response fail']);
    expect(steps('pending')).toEqual(['out request ok', 'in response pending']);
  });

  it('a request stopped before it was sent has one failed step', () => {
    const e = samples[0]!.exchange;
    const d = diagnose(e);
    const early = { ...d, verdict: { ...d.verdict, phase: 'request' as const, corsError: 'CorsDisabledScheme' as const } };
    expect(flowSteps(e, early).map((s) => [s.kind, s.state, s.detail])).toEqual([['request', 'fail', 'not sent: CorsDisabledScheme']]);
  });
});
