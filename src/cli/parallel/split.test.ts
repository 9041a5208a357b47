/**
 * splitHarEntries: chunks of a HAR's entries array that parse on their own. The cuts are only candidates;
 * these tests check both halves of the contract: real boundaries give back exactly the entries, and a
 * wrong cut always shows up as a chunk that does not parse or fails chunkEntries (the caller's fallback).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkEntries, splitHarEntries, type HarChunk } from './split';

const enc = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });

type Json = Record<string, unknown>;

function chunkText(bytes: Uint8Array, c: HarChunk): string {
  // fatal: a cut in the middle of a multi-byte character would throw here.
  return c.before + strict.decode(bytes.subarray(c.start, c.end)) + c.after;
}

/** What `analyze` does: parse every chunk, check it, concatenate; undefined means "parse the whole file". */
function reassemble(bytes: Uint8Array, chunks: HarChunk[]): { entries: unknown[]; docs: Json[] } | undefined {
  const entries: unknown[] = [];
  const docs: Json[] = [];
  for (const c of chunks) {
    let doc: unknown;
    try { doc = JSON.parse(chunkText(bytes, c)); } catch { return undefined; }
    const part = chunkEntries(c, doc);
    if (!part) return undefined;
    entries.push(...part);
    docs.push(doc as Json);
  }
  return { entries, docs };
}

function logOf(doc: Json | undefined): Json {
  return (doc as { log: Json }).log;
}

function entry(i: number): Json {
  return {
    startedDateTime: `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
    time: i * 1.25,
    request: {
      method: i % 3 ? 'GET' : 'OPTIONS', url: `https://api.example/items/${i}?q=café`, httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Origin', value: 'https://app.example' }, { name: 'Accept', value: '*/*' }],
      queryString: [{ name: 'q', value: 'café' }], cookies: [], headersSize: -1, bodySize: 0,
    },
    response: {
      status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }, { name: 'Vary', value: 'Origin' }],
      cookies: [{ name: 's', value: '😀' }],
      // A JSON body: its `},{"` is escaped inside the string, and the sizes vary so aims land anywhere.
      content: { size: 1, mimeType: 'application/json', text: JSON.stringify([{ id: i, name: 'é 😀' }, { id: i + 1 }]).repeat((i % 7) + 1) },
      redirectURL: '', headersSize: -1, bodySize: 1,
    },
    cache: {}, timings: { send: 0, wait: 1, receive: 0.5 },
  };
}

const PAGES = [{ startedDateTime: '2024-05-01T10:00:00.000Z', id: 'page_1', title: 'a},{"b', pageTimings: {} }, { startedDateTime: '2024-05-01T10:00:01.000Z', id: 'page_2', title: 'é', pageTimings: {} }];

interface Layout { indent: number | string; pagesAfter: boolean; bom: boolean; n: number }

function har({ indent, pagesAfter, bom, n }: Layout): { bytes: Uint8Array; entries: Json[]; before: string[]; after: string[] } {
  const entries = Array.from({ length: n }, (_, i) => entry(i));
  const head = { version: '1.2', creator: { name: 'test', version: '1' }, ...(pagesAfter ? {} : { pages: PAGES }) };
  const tail = { ...(pagesAfter ? { pages: PAGES } : {}), comment: 'after the entries' };
  const text = JSON.stringify({ log: { ...head, entries, ...tail } }, null, indent);
  const body = enc.encode(text);
  const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
  return { bytes, entries, before: Object.keys(head), after: Object.keys(tail) };
}

describe('splitHarEntries on real-looking HARs', () => {
  const layouts: Layout[] = [
    { indent: 2, pagesAfter: false, bom: false, n: 40 },
    { indent: 0, pagesAfter: false, bom: false, n: 40 },
    { indent: 2, pagesAfter: true, bom: true, n: 40 },
    { indent: 0, pagesAfter: true, bom: true, n: 40 },
    { indent: '\t', pagesAfter: true, bom: false, n: 40 },
  ];
  for (const layout of layouts) {
    for (const parts of [2, 3, 4, 8]) {
      it(`gives back the entries in ${parts} chunks (indent ${JSON.stringify(layout.indent)}, pages ${layout.pagesAfter ? 'after' : 'before'}${layout.bom ? ', BOM' : ''})`, () => {
        const { bytes, entries, before, after } = har(layout);
        const chunks = splitHarEntries(bytes, parts);
        expect(chunks).toBeDefined();
        if (!chunks) return;
        expect(chunks.length).toBeGreaterThanOrEqual(2);
        expect(chunks.length).toBeLessThanOrEqual(parts);
        expect(chunks[0]?.start).toBe(0);
        expect(chunks.at(-1)?.end).toBe(bytes.length);
        for (const [k, c] of chunks.entries()) {
          expect(c.start).toBeLessThan(c.end);
          if (k > 0) expect(c.start).toBeGreaterThan(chunks[k - 1]?.end ?? Infinity);
        }
        const got = reassemble(bytes, chunks);
        expect(got?.entries).toEqual(entries);
        expect(Object.keys(logOf(got?.docs[0]))).toEqual([...before, 'entries']);
        expect(Object.keys(logOf(got?.docs.at(-1)))).toEqual(['entries', ...after]);
        for (const doc of got?.docs.slice(1, -1) ?? []) expect(Object.keys(logOf(doc))).toEqual(['entries']);
      });
    }
  }

  it('cuts on ASCII bytes, so each range decodes exactly next to é and emoji', () => {
    const { bytes, entries } = har({ indent: 0, pagesAfter: false, bom: false, n: 40 });
    const chunks = splitHarEntries(bytes, 8) ?? [];
    expect(chunks.length).toBe(8);
    for (const c of chunks.slice(0, -1)) expect(bytes[c.end - 1]).toBe(0x7d); // `}`
    for (const c of chunks.slice(1)) expect(bytes[c.start]).toBeLessThan(0x80);
    for (const c of chunks) expect(() => chunkText(bytes, c)).not.toThrow(); // fatal decoder
    expect(reassemble(bytes, chunks)?.entries).toEqual(entries);
  });

  it('walks root members before "log" whose strings hold braces and brackets', () => {
    const text = '{"x":"{\\"log\\":{[","y":[{"entries":[1]},{"a":"]}"}],"log":{"v":"}","entries":[{"k":1},{"k":2},{"k":3}]},"z":1}';
    const bytes = enc.encode(text);
    const chunks = splitHarEntries(bytes, 3) ?? [];
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    const got = reassemble(bytes, chunks);
    expect(got?.entries).toEqual([{ k: 1 }, { k: 2 }, { k: 3 }]);
    expect(Object.keys(got?.docs[0] ?? {})).toEqual(['x', 'y', 'log']);
    expect(got?.docs.at(-1)).toMatchObject({ z: 1 });
  });
});

describe('splitHarEntries: not a HAR, or nothing to split', () => {
  it.each([
    ['empty', ''],
    ['not JSON', 'hello'],
    ['a string', '"log"'],
    ['top-level array', '[{"log":{"entries":[{"a":1},{"a":2}]}}]'],
    ['no log', '{"entries":[{"a":1},{"a":2}]}'],
    ['log not an object', '{"log":[{"entries":[]}]}'],
    ['log a string', '{"log":"x"}'],
    ['entries missing', '{"log":{"version":"1.2","pages":[{"a":1},{"a":2}]}}'],
    ['entries not an array', '{"log":{"entries":{"a":{"b":1}}}}'],
    ['log nested deeper', '{"a":{"log":{"entries":[{"a":1},{"a":2}]}}}'],
    ['log spelled with escapes', '{"lo\\u0067":{"entries":[{"a":1},{"a":2}]}}'],
    ['entries spelled with escapes', '{"log":{"entri\\u0065s":[{"a":1},{"a":2}]}}'],
    ['truncated before entries', '{"log":{"version":"1.2'],
  ])('%s → undefined', (_, text) => {
    expect(splitHarEntries(enc.encode(text), 4)).toBeUndefined();
  });

  const WHOLE = (n: number) => [{ start: 0, end: n, before: '', after: '' }];
  it.each([
    ['parts 1', '{"log":{"entries":[{"a":1},{"a":2}]}}', 1],
    ['parts 0', '{"log":{"entries":[{"a":1},{"a":2}]}}', 0],
    ['parts NaN', '{"log":{"entries":[{"a":1},{"a":2}]}}', NaN],
    ['no entries', '{"log":{"entries":[]}}', 4],
    ['one entry', '{"log":{"entries":[{"a":1}]}}', 4],
    ['entries not objects', '{"log":{"entries":[1,2,3,4]}}', 4],
    ['empty first entry', '{"log":{"entries":[{},{"a":1}]}}', 4],
    ['later entries open differently', '{"log":{"entries":[{"a":1},{"b":2},{"c":3}]}}', 4],
  ])('%s → one chunk, the whole file', (_, text, parts) => {
    const bytes = enc.encode(text);
    expect(splitHarEntries(bytes, parts)).toEqual(WHOLE(bytes.length));
  });
});

describe('wrong candidate cuts are caught by the parse', () => {
  it('a cut in a nested array whose objects open like an entry: chunk 0 does not parse', () => {
    const headers = Array.from({ length: 200 }, (_, i) => ({ name: `h${i}`, value: 'v' }));
    const entries = [{ name: 'e0', headers }, { name: 'e1', headers: [] }];
    const bytes = enc.encode(JSON.stringify({ log: { entries } }));
    const chunks = splitHarEntries(bytes, 2) ?? [];
    expect(chunks.length).toBe(2);
    expect(() => JSON.parse(chunkText(bytes, chunks[0] as HarChunk))).toThrow();
    expect(reassemble(bytes, chunks)).toBeUndefined();

    // Pretty-printed, the headers' deeper indentation tells them apart: the cut is the real boundary.
    const pretty = enc.encode(JSON.stringify({ log: { entries } }, null, 2));
    expect(reassemble(pretty, splitHarEntries(pretty, 2) ?? [])?.entries).toEqual(entries);
  });

  it('a cut inside a string (a body ending in "},{" before a key that looks like the first): chunk 0 does not parse', () => {
    // The first key is ",", so `"xxx},{",",":1` matches the pattern `},{","` with the cut inside the string.
    const entries = [{ ',': 0 }, { body: `${'x'.repeat(1000)}},{`, ',': 1 }, { ',': 2 }];
    const bytes = enc.encode(JSON.stringify({ log: { entries } }));
    const chunks = splitHarEntries(bytes, 2) ?? [];
    expect(chunks.length).toBe(2);
    const end = chunks[0]?.end ?? 0;
    expect(new TextDecoder().decode(bytes.subarray(end - 4, end))).toBe('xxx}'); // inside the string
    expect(() => JSON.parse(chunkText(bytes, chunks[0] as HarChunk))).toThrow();
    expect(reassemble(bytes, chunks)).toBeUndefined();

    // With an ordinary first key, the string's closing quote cannot be followed by `k"`: no cut in it.
    const normal = [{ k: 0, body: `${'x'.repeat(1000)}},{` }, { k: 1 }];
    const nb = enc.encode(JSON.stringify({ log: { entries: normal } }));
    expect(reassemble(nb, splitHarEntries(nb, 2) ?? [])?.entries).toEqual(normal);
  });

  it('a cut past the entries, in a "pages" array after them: every chunk parses, chunkEntries says no', () => {
    const pages = Array.from({ length: 100 }, (_, i) => ({ k: `page_${i}` }));
    const bytes = enc.encode(JSON.stringify({ log: { entries: [{ k: 1 }, { k: 2 }], pages } }));
    const chunks = splitHarEntries(bytes, 2) ?? [];
    expect(chunks.length).toBe(2);
    // Without the key check these would pass for entries: [k1, k2, page_0..n] — wrong, silently.
    for (const c of chunks) expect(() => JSON.parse(chunkText(bytes, c))).not.toThrow();
    expect(chunkEntries(chunks[0] as HarChunk, JSON.parse(chunkText(bytes, chunks[0] as HarChunk)))).toBeUndefined();
    expect(reassemble(bytes, chunks)).toBeUndefined();
  });

  it('a cut past the log, in a root member after it: chunkEntries says no', () => {
    const list = Array.from({ length: 100 }, (_, i) => ({ k: i }));
    const bytes = enc.encode(JSON.stringify({ log: { entries: [{ k: 1 }, { k: 2 }] }, extra: { list } }));
    const chunks = splitHarEntries(bytes, 2) ?? [];
    expect(chunks.length).toBe(2);
    for (const c of chunks) expect(() => JSON.parse(chunkText(bytes, c))).not.toThrow();
    expect(reassemble(bytes, chunks)).toBeUndefined();
  });
});

describe('splitHarEntries property', () => {
  // Fragments that build tempting text: pattern look-alikes, quotes, escapes, multi-byte characters.
  const piece = fc.constantFrom('a', 'k', 'é', '😀', ' ', '\n', '"', '\\', '{', '}', ',', '[', ']', ':', '},{', '}, {', '},{"', '},{"k"');
  const text = fc.string({ unit: piece, maxLength: 6 });
  const value = fc.oneof(text, fc.jsonValue({ maxDepth: 2 }), fc.array(fc.record({ k: text, v: text }), { maxLength: 3 }));
  // Most entries open with "k" (as real writers repeat one key order); nested {k,v} objects and pages
  // open the same way, so wrong candidates are common.
  const entryArb = fc.tuple(fc.boolean(), value, fc.dictionary(text, value, { maxKeys: 3 }))
    .map(([withK, v, rest]): Json => (withK ? { k: v, ...rest } : rest));
  const input = fc.record({
    entries: fc.array(entryArb, { maxLength: 12 }),
    indent: fc.constantFrom<number | string>(0, 1, 2, '\t'),
    pagesAfter: fc.boolean(),
    extraAfterLog: fc.boolean(),
    bom: fc.boolean(),
    parts: fc.integer({ min: 1, max: 6 }),
  });

  /** The file as JSON.stringify writes it, plus the byte offset just after each entry (the true boundaries). */
  function build(p: { entries: Json[]; indent: number | string; pagesAfter: boolean; extraAfterLog: boolean; bom: boolean }) {
    const pages = [{ k: 'p1', title: '},{' }, { k: 'p2' }];
    const log = { version: '1.2', ...(p.pagesAfter ? {} : { pages }), entries: p.entries.map((_, i) => `@@E${i}@@`), ...(p.pagesAfter ? { pages } : {}) };
    const root = { log, ...(p.extraAfterLog ? { extra: { list: [{ k: 1 }, { k: 2 }] } } : {}) };
    // Each entry is written in place of its marker, indented as JSON.stringify would at depth 3.
    const step = typeof p.indent === 'number' ? ' '.repeat(p.indent) : p.indent;
    const segments = JSON.stringify(root, null, p.indent).split(/"@@E\d+@@"/);
    let size = p.bom ? 3 : 0;
    const out: string[] = [p.bom ? '\uFEFF' : ''];
    const ends: number[] = [];
    segments.forEach((seg, i) => {
      out.push(seg);
      size += enc.encode(seg).length;
      const e = p.entries[i];
      if (i === segments.length - 1 || e === undefined) return;
      const s = JSON.stringify(e, null, p.indent).replaceAll('\n', `\n${step.repeat(3)}`);
      out.push(s);
      size += enc.encode(s).length;
      ends.push(size);
    });
    const bytes = enc.encode(out.join(''));
    expect(bytes.length).toBe(size);
    expect(out.join('')).toBe((p.bom ? '\uFEFF' : '') + JSON.stringify({ ...root, log: { ...log, entries: p.entries } }, null, p.indent));
    return { bytes, ends: new Set(ends.slice(0, -1)) }; // the last entry is followed by `]`, not a cut
  }

  it('either every chunk checks out and the entries come back exactly, or a wrong cut is caught', () => {
    let split = 0;
    let caught = 0;
    fc.assert(fc.property(input, (p) => {
      const { bytes, ends } = build(p);
      const serial = (JSON.parse(new TextDecoder().decode(bytes)) as { log: { entries: unknown[] } }).log.entries;
      const chunks = splitHarEntries(bytes, p.parts);
      expect(chunks).toBeDefined();
      if (!chunks) return;
      expect(chunks.length).toBeLessThanOrEqual(Math.max(p.parts, 1));
      expect(chunks[0]?.start).toBe(0);
      expect(chunks.at(-1)?.end).toBe(bytes.length);
      chunks.forEach((c, k) => {
        expect(c.start).toBeLessThan(c.end);
        if (k > 0) expect(c.start).toBeGreaterThan(chunks[k - 1]?.end ?? Infinity);
      });
      const allTrue = chunks.slice(0, -1).every((c) => ends.has(c.end));
      const got = reassemble(bytes, chunks);
      // Both directions: true cuts always check out; any wrong cut never does.
      expect(got !== undefined).toBe(allTrue);
      if (got) expect(got.entries).toEqual(serial);
      if (chunks.length > 1) { if (got) split++; else caught++; }
    }), { numRuns: 400 });
    expect(split).toBeGreaterThan(20);
    expect(caught).toBeGreaterThan(0);
  });
});
