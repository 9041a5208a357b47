import { describe, expect, it } from 'vitest';
import { asReportedParameter, byteLength, getHeader, headerValues, trimLws } from './headers';

describe('getHeader', () => {
  const headers = [
    { name: 'Access-Control-Allow-Origin', value: ' https://a.example ' },
    { name: 'x-other', value: '1' },
    { name: 'access-control-allow-origin', value: 'https://b.example\t' },
  ];

  it('matches names case-insensitively and joins repeated lines with ", "', () => {
    expect(getHeader(headers, 'ACCESS-CONTROL-ALLOW-ORIGIN')).toBe('https://a.example, https://b.example');
  });

  it('returns null for an absent header and "" for an empty one', () => {
    expect(getHeader(headers, 'access-control-allow-credentials')).toBeNull();
    expect(getHeader([{ name: 'ACAC', value: '  ' }], 'acac')).toBe('');
    expect(getHeader(undefined, 'x')).toBeNull();
  });

  it('keeps wire order in headerValues', () => {
    expect(headerValues(headers, 'access-control-allow-origin')).toEqual(['https://a.example', 'https://b.example']);
  });
});

describe('trimLws', () => {
  it('trims only spaces and tabs', () => {
    expect(trimLws(' \tx y\t ')).toBe('x y');
    expect(trimLws('\nx')).toBe('\nx');
  });
});

describe('byteLength', () => {
  it('counts Latin-1 byte strings as bytes and decoded text as UTF-8', () => {
    expect(byteLength('abc')).toBe(3);
    expect(byteLength('\u00e4')).toBe(1);
    expect(byteLength('€')).toBe(3);
  });
});

describe('asReportedParameter', () => {
  it('keeps ASCII and decoded text, decodes UTF-8 byte strings, empties invalid UTF-8 (as CDP shows it)', () => {
    expect(asReportedParameter('https://a.example')).toBe('https://a.example');
    expect(asReportedParameter('\u00c3\u00a4')).toBe('ä');
    expect(asReportedParameter('http://\u00e4.com')).toBe('');
    expect(asReportedParameter('€')).toBe('€');
  });
});
