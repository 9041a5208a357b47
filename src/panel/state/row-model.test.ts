import { describe, expect, it } from 'vitest';
import { fixtureDiagnose, sampleSet } from '../fixtures/sample';
import { rowModel, statusCodes } from './row-model';

const samples = sampleSet();
const diagnose = fixtureDiagnose(samples);
const byId = (id: string) => samples.find((s) => s.exchange.id === id)!.exchange;

describe('row model', () => {
  it('shows preflight → actual statuses, with — for no response', () => {
    expect(statusCodes(byId('rest-403'))).toBe('403 → —');
    expect(statusCodes(byId('http-ok'))).toBe('204 → 200');
    expect(statusCodes(byId('cached-put'))).toBe('(cache) → 200');
    expect(statusCodes(byId('lambda-dup'))).toBe('200');
    expect(statusCodes(byId('redirect-blocked'))).toBe('—');
  });

  it('status: blocked, warning (allowed with a warning finding), allowed, pending, same-origin', () => {
    const status = (id: string) => rowModel(byId(id), diagnose(byId(id))).status;
    expect(status('rest-403')).toBe('blocked');
    expect(status('cf-warning')).toBe('warning');
    expect(status('http-ok')).toBe('allowed');
    expect(status('pending')).toBe('pending');
    expect(status('same-origin')).toBe('same-origin');
  });

  it('splits the URL into path and host, and survives a URL that does not parse', () => {
    const e = byId('rest-403');
    expect(rowModel(e, diagnose(e))).toMatchObject({ path: '/prod/items/42', host: 'abc123.execute-api.us-east-1.amazonaws.com' });
    const bad = { ...e, request: { ...e.request, url: 'not a url' } };
    expect(rowModel(bad, diagnose(e))).toMatchObject({ path: 'not a url', host: '' });
  });
});
