import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Vite's ?raw import keeps this test free of node:fs (src/rules is pure, enforced by eslint).
import doc from '../../../docs/findings.md?raw';
import { FINDING_IDS, FINDINGS, makeFinding } from './catalogue';

const documented = [...doc.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]);

describe('finding catalogue and docs/findings.md', () => {
  it('documents every finding id of the catalogue', () => {
    const missing = FINDING_IDS.filter((id) => !documented.includes(id));
    expect(missing).toEqual([]);
  });

  it('documents no id the catalogue does not have', () => {
    const unknown = documented.filter((id) => !(FINDING_IDS as readonly (string | undefined)[]).includes(id));
    expect(unknown).toEqual([]);
  });

  it('documents each id once, with the kind and default severity the code uses', () => {
    expect(new Set(documented).size).toBe(documented.length);
    for (const id of FINDING_IDS) {
      const section = doc.split(`### \`${id}\``)[1]?.split('\n### ')[0] ?? '';
      const entry = FINDINGS[id];
      expect(section, id).toMatch(new RegExp(`Kind ${entry.kind}\\b`));
      expect(section, id).toMatch(new RegExp(`severity ${entry.severity}\\b`));
    }
  });

  it('contains the ids the issue requires', () => {
    const required = [
      'cors-not-enabled', 'options-not-configured', 'preflight-auth-required', 'error-response-missing-cors',
      'proxy-integration-missing-headers', 'origin-mismatch', 'wildcard-with-credentials', 'multiple-origins',
      'credentials-flag-missing', 'method-not-allowed', 'header-not-allowed', 'authorization-not-covered-by-wildcard',
      'preflight-redirect', 'redirect-tainted-origin', 'invalid-allow-list', 'acao-sent-as-request-header',
      'http-cache-without-vary', 'cdn-cache-without-vary', 'preflight-cache', 'stage-not-deployed',
      'private-api-endpoint', 'not-a-cors-problem',
    ];
    expect(required.filter((id) => !(FINDING_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});

describe('makeFinding', () => {
  it('takes kind, severity and title from the catalogue unless overridden', () => {
    const f = makeFinding('origin-mismatch', { explanation: 'x', evidence: ['a'] });
    expect(f).toMatchObject({ id: 'origin-mismatch', kind: 'cause', severity: 'error', title: FINDINGS['origin-mismatch'].title });
    const g = makeFinding('origin-mismatch', { explanation: 'x', evidence: [], severity: 'info', kind: 'info', title: 'T' });
    expect(g).toMatchObject({ kind: 'info', severity: 'info', title: 'T' });
  });

  it('drops empty evidence lines and duplicate fixes', () => {
    const fix = { stack: 'sam', title: 't', language: 'yaml', snippet: 'a: 1' };
    const f = makeFinding('cors-not-enabled', { explanation: 'x', evidence: ['a', null, undefined, false, '', 'a'], fixes: [fix, { ...fix }] });
    expect(f.evidence).toEqual(['a']);
    expect(f.fixes).toHaveLength(1);
  });
});

describe('makeFinding fixes', () => {
  const fix = (stack: string, title: string, snippet: string) => ({ stack, title, language: 'text', snippet });
  const joinedUnique = (fixes: ReturnType<typeof fix>[]) => {
    const seen = new Set<string>();
    return fixes.filter((f) => {
      const key = `${f.stack}\u0000${f.title}\u0000${f.snippet}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const piece = fc.constantFrom('a', 'b', '\u0000', 'a\u0000b', '');

  it('drops a fix repeating an earlier stack, title and snippet, exactly as one joined key would', () => {
    fc.assert(fc.property(fc.array(fc.tuple(piece, piece, piece), { maxLength: 8 }), (triples) => {
      const fixes = triples.map(([s, t, p]) => fix(s, t, p));
      expect(makeFinding('unexplained-block', { explanation: 'x', evidence: [], fixes }).fixes).toEqual(joinedUnique(fixes));
    }), { numRuns: 500 });
    const plain = [fix('sam', 'T', 'x'), fix('sam', 'T', 'x'), fix('sam', 'T', 'y'), fix('cdk', 'T', 'x')];
    expect(makeFinding('unexplained-block', { explanation: 'x', evidence: [], fixes: plain }).fixes).toEqual([plain[0], plain[2], plain[3]]);
  });
});
