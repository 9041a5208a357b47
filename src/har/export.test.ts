import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../model';
import { exportHar } from './export';
import { importHar } from './import';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/har/${name}`, import.meta.url), 'utf8');
const FAKE_SECRETS = ['fake-api-key-1234567890', 'fake-token-abcdef', 'fakesig0123456789', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'fake-session-cookie-value'];

/** Ids are per source; compare everything else, with cache links mapped through the ids. */
function comparable(exchanges: Exchange[]): unknown[] {
  const index = new Map(exchanges.map((e, i) => [e.id, i]));
  return exchanges.map(({ id: _id, cachedPreflightId, ...rest }) => ({ ...rest, cachedPreflight: cachedPreflightId === undefined ? undefined : index.get(cachedPreflightId) }));
}

describe('exportHar', () => {
  const original = importHar(fixture('chrome-devtools.har')).exchanges;

  it('round-trips through the importer (with sensitive values)', () => {
    const har = exportHar(original, { includeSensitive: true, toolVersion: 't' });
    const back = importHar(JSON.parse(JSON.stringify(har))).exchanges;
    expect(comparable(back)).toEqual(comparable(original));
  });

  it('keeps the earlier no-cors load a request may have been served from', () => {
    const ex: Exchange = {
      ...original[0]!, earlierNoCors: { url: original[0]!.request.url, startedAt: original[0]!.startedAt - 1000, resourceType: 'image', response: { status: 200, headers: [{ name: 'Content-Type', value: 'image/png' }] } },
    };
    const back = importHar(JSON.parse(JSON.stringify(exportHar([ex], { includeSensitive: true })))).exchanges;
    expect(back[0]!.earlierNoCors).toEqual(ex.earlierNoCors);
  });

  it('writes preflights as their own entries, linked to the request', () => {
    const { log } = exportHar(original, { toolVersion: 't' });
    const preflights = log.entries.filter((e) => e._resourceType === 'preflight');
    expect(preflights).toHaveLength(original.filter((e) => e.preflight).length);
    for (const p of preflights) {
      expect(p.request.method).toBe('OPTIONS');
      expect(log.entries.some((e) => e._requestId === p._initiator.requestId && e._resourceType !== 'preflight')).toBe(true);
    }
  });

  it('is redacted by default and says so', () => {
    const text = JSON.stringify(exportHar(original, { toolVersion: 't' }));
    for (const s of FAKE_SECRETS) expect(text).not.toContain(s);
    expect(text).toContain('"name":"X-Api-Key"');
    expect(exportHar(original).log.comment).toMatch(/redacted/);
    expect(exportHar(original, { includeSensitive: true }).log.comment).toMatch(/^WARNING/);
    const sensitive = JSON.stringify(exportHar(original, { includeSensitive: true }));
    for (const s of FAKE_SECRETS) expect(sensitive).toContain(s);
  });
});
