/**
 * The wire readers take shortcuts for speed (a length test before lowercasing a header name, no
 * replacements for text already on one line): they must give exactly what the plain definitions give,
 * for any header names and text, Unicode case mappings included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Header } from '../../model';
import { firstHeaderLine, hasHeader, headerLines, headerValue, oneLine, splitList } from './wire';

const plainLines = (headers: readonly Header[], name: string): string[] =>
  headers.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value);

function plainOneLine(text: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '?').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Names that lowercase oddly: İ (longer), K (Kelvin sign → k), Σ (final sigma), mixed case. */
const nameChar = fc.constantFrom('a', 'A', 'x', '-', 'İ', 'i', '\u0307', 'K', 'k', 'Σ', 'σ', 'ς', 'ǅ', 'é', 'É');
const headerName = fc.oneof(fc.constantFrom('Vary', 'vary', 'VARY', 'x-cache', 'X-Cache', 'access-control-allow-origin'), fc.string({ unit: nameChar, maxLength: 6 }));
const headers = fc.array(fc.record({ name: headerName, value: fc.string({ maxLength: 8 }) }), { maxLength: 8 });
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', '\u0000', '\u007f', 'é', '…'), maxLength: 30 }),
);

describe('wire readers', () => {
  it('header lookups equal the plain case-insensitive filter', () => {
    fc.assert(fc.property(headers, headerName, (hs, name) => {
      const record = { headers: hs };
      const lines = plainLines(hs, name);
      expect(headerLines(record, name)).toEqual(lines);
      expect(headerValue(record, name)).toBe(lines.length ? lines.join(', ') : null);
      expect(hasHeader(record, name)).toBe(lines.length > 0);
      expect(firstHeaderLine(record, name)).toBe(lines[0]);
      expect(firstHeaderLine(record, name, /a/)).toBe(lines.find((v) => /a/.test(v)));
    }), { numRuns: 2000 });
  });

  it('finds a name whose lowercase has another length (İ) or is ASCII from non-ASCII (K)', () => {
    expect(headerLines({ headers: [{ name: 'XİD', value: '1' }] }, 'xi̇d')).toEqual(['1']);
    expect(headerLines({ headers: [{ name: '\u212Aey', value: '2' }] }, 'key')).toEqual(['2']);
    expect(headerValue(undefined, 'vary')).toBeNull();
  });

  it('oneLine equals its plain definition', () => {
    fc.assert(fc.property(text, fc.integer({ min: 2, max: 50 }), (t, max) => {
      expect(oneLine(t, max)).toBe(plainOneLine(t, max));
      expect(oneLine(t)).toBe(plainOneLine(t));
    }), { numRuns: 3000 });
  });

  it('splitList trims and drops empty items', () => {
    fc.assert(fc.property(text, (t) => {
      expect(splitList(t)).toEqual(t ? t.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : []);
    }));
  });
});
