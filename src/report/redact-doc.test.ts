// docs/redaction.md lists exactly what src/report/redact.ts redacts: the marked lists must match the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEPT_HEADERS, SENSITIVE_HEADER_WORDS, SENSITIVE_HEADERS, SENSITIVE_PARAM_WORDS, SENSITIVE_PARAMS, SENSITIVE_VALUE_PATTERNS } from './redact';

const doc = readFileSync(new URL('../../docs/redaction.md', import.meta.url), 'utf8');

function listIn(marker: string): string[] {
  const m = new RegExp(`<!-- redaction:${marker} -->\\n([\\s\\S]*?)<!-- /redaction:${marker} -->`).exec(doc);
  if (!m) throw new Error(`docs/redaction.md has no <!-- redaction:${marker} --> list`);
  return m[1]!.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).replace(/^`|`$/g, ''));
}

describe('docs/redaction.md matches the code', () => {
  it.each([
    ['headers', SENSITIVE_HEADERS],
    ['header-words', SENSITIVE_HEADER_WORDS],
    ['kept-headers', KEPT_HEADERS],
    ['params', SENSITIVE_PARAMS],
    ['param-words', SENSITIVE_PARAM_WORDS],
    ['patterns', SENSITIVE_VALUE_PATTERNS.map((p) => p.name)],
  ])('%s', (marker, list) => {
    expect(listIn(marker)).toEqual([...list]);
  });
});
