/**
 * Every JSON and YAML snippet produced across many diagnoses parses; every JavaScript/TypeScript
 * snippet has no syntax error. Inputs: the platform fixtures plus hostile exchanges (quotes,
 * template sequences, newlines, unicode in origins, paths, methods and header names).
 * Python, HCL, XML and shell are checked with real tools in test/platforms/snippet-syntax.test.ts.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { Diagnosis, Exchange, Fix } from '../../../model';
import { diagnose } from '../../diagnose';
import { hostileExchange, hostileInput } from '../../platforms/testing';

const fixtures = import.meta.glob<{ cases: Array<{ exchange: Exchange; related?: Exchange[] }> }>(
  '../../../../test/fixtures/platforms/*.json', { eager: true, import: 'default' },
);

function syntaxProblem(fix: Fix): string | null {
  switch (fix.language) {
    case 'json':
      try {
        JSON.parse(fix.snippet);
        return null;
      } catch (e) {
        return String(e);
      }
    case 'yaml': {
      const doc = parseDocument(fix.snippet, { uniqueKeys: true });
      return doc.errors.length > 0 ? doc.errors.map((e) => e.message).join('; ') : null;
    }
    case 'javascript':
    case 'typescript': {
      const out = ts.transpileModule(fix.snippet, {
        reportDiagnostics: true,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        fileName: fix.language === 'typescript' ? 'snippet.ts' : 'snippet.js',
      });
      const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
      return errors.length > 0 ? errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ') : null;
    }
    default:
      return null;
  }
}

function problems(d: Diagnosis): string[] {
  const out: string[] = [];
  for (const f of d.findings) {
    for (const fix of f.fixes) {
      const p = syntaxProblem(fix);
      if (p) out.push(`${f.id} / ${fix.stack} / ${fix.title}: ${p}\n${fix.snippet}`);
    }
  }
  return out;
}

describe('the syntax check itself', () => {
  it('rejects broken JSON, YAML, JavaScript and TypeScript', () => {
    const broken: Fix[] = [
      { stack: 's', title: 't', language: 'json', snippet: '{"a": 1,}' },
      { stack: 's', title: 't', language: 'yaml', snippet: 'a: "x\nb: [1' },
      { stack: 's', title: 't', language: 'yaml', snippet: 'a: 1\na: 2' },
      { stack: 's', title: 't', language: 'javascript', snippet: 'const x = { a: "1" ;' },
      { stack: 's', title: 't', language: 'typescript', snippet: "api.addGatewayResponse('x', { type: 1 ));" },
    ];
    for (const fix of broken) expect(syntaxProblem(fix), fix.snippet).not.toBeNull();
    expect(syntaxProblem({ stack: 's', title: 't', language: 'yaml', snippet: 'a: "it\'s"' })).toBeNull();
  });
});

describe('fix snippets are valid syntax', () => {
  it('for every platform fixture', () => {
    let checked = 0;
    for (const file of Object.values(fixtures)) {
      for (const c of file.cases) {
        const d = diagnose(c.exchange, { related: c.related ?? [] });
        expect(problems(d)).toEqual([]);
        checked += d.findings.reduce((n, f) => n + f.fixes.filter((x) => ['json', 'yaml', 'javascript', 'typescript'].includes(x.language)).length, 0);
      }
    }
    // The fixtures exercise many snippets; a drop would mean the check silently checks nothing.
    expect(checked).toBeGreaterThan(150);
  }, 30_000);

  it('for hostile values from the wire', () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const d = diagnose(hostileExchange(input));
        expect(problems(d)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never copies a hostile origin into a snippet', () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const d = diagnose(hostileExchange({ ...input, origin: "https://evil.example'\"${x}" }));
        for (const f of d.findings) for (const fix of f.fixes) expect(fix.snippet).not.toContain("evil.example'");
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
