import { describe, expect, it } from 'vitest';
import { resolveRequestMode } from './request-mode';
import { buildExchange } from './test-support';

describe('resolveRequestMode', () => {
  it('prefers the recorded mode', () => {
    expect(resolveRequestMode(buildExchange({ mode: 'no-cors', headers: { 'Sec-Fetch-Mode': 'cors' } }))).toEqual({ mode: 'no-cors', source: 'exchange' });
  });
  it('then Sec-Fetch-Mode', () => {
    expect(resolveRequestMode(buildExchange({ headers: { 'sec-fetch-mode': 'navigate' }, resourceType: 'xmlhttprequest' }))).toEqual({ mode: 'navigate', source: 'sec-fetch-mode' });
  });
  it('then the resource type', () => {
    expect(resolveRequestMode(buildExchange({ resourceType: 'main_frame' })).mode).toBe('navigate');
    expect(resolveRequestMode(buildExchange({ resourceType: 'fetch' })).mode).toBe('cors');
    expect(resolveRequestMode(buildExchange({ resourceType: 'font' })).mode).toBe('cors');
    expect(resolveRequestMode(buildExchange({ resourceType: 'websocket' })).mode).toBe('websocket');
  });
  it('tells a crossorigin <img> (Origin on a GET) from a plain one', () => {
    expect(resolveRequestMode(buildExchange({ resourceType: 'image' })).mode).toBe('no-cors');
    expect(resolveRequestMode(buildExchange({ resourceType: 'image', headers: { Origin: 'https://app.example' } })).mode).toBe('cors');
    expect(resolveRequestMode(buildExchange({ resourceType: 'ping', method: 'POST', headers: { Origin: 'https://app.example' } })).mode).toBe('no-cors');
  });
  it('defaults to cors', () => {
    expect(resolveRequestMode(buildExchange({}))).toEqual({ mode: 'cors', source: 'default' });
  });
});
