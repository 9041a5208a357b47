import { describe, expect, it } from 'vitest';
import { isToken, parseTokenList } from './token-list';

describe('parseTokenList', () => {
  it('treats an absent header as an empty, valid list', () => {
    expect(parseTokenList(null)).toEqual({ ok: true, items: [] });
    expect(parseTokenList(undefined)).toEqual({ ok: true, items: [] });
  });

  it('splits on commas, trims spaces and tabs, keeps case and order', () => {
    expect(parseTokenList('PUT,\tDelete , x-Custom')).toEqual({ ok: true, items: ['PUT', 'Delete', 'x-Custom'] });
  });

  it('ignores empty items (as Chromium does: " , PUT ,, " is valid)', () => {
    expect(parseTokenList(' , PUT ,, ')).toEqual({ ok: true, items: ['PUT'] });
    expect(parseTokenList('')).toEqual({ ok: true, items: [] });
  });

  it('rejects the whole list when one item is not a token', () => {
    expect(parseTokenList('PUT;GET')).toEqual({ ok: false, invalidItem: 'PUT;GET' });
    expect(parseTokenList('x-a, x-a b')).toEqual({ ok: false, invalidItem: 'x-a b' });
    expect(parseTokenList('(x)')).toEqual({ ok: false, invalidItem: '(x)' });
    expect(parseTokenList('"PUT"')).toEqual({ ok: false, invalidItem: '"PUT"' });
    expect(parseTokenList('GET, PÜT')).toMatchObject({ ok: false });
  });

  it('accepts "*" as a token', () => {
    expect(parseTokenList('*')).toEqual({ ok: true, items: ['*'] });
  });
});

describe('isToken', () => {
  it('knows the separators', () => {
    for (const c of '()<>@,;:\\"/[]?={} \t') expect(isToken(`a${c}b`), c).toBe(false);
    expect(isToken("!#$%&'*+-.^_`|~09azAZ")).toBe(true);
    expect(isToken('')).toBe(false);
    expect(isToken('a\u007fb')).toBe(false);
  });
});
