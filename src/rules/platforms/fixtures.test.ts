/**
 * Realistic captures per platform (test/fixtures/platforms/*.json) through the real pipeline:
 * evaluate() must agree with what Chromium reported (observed.corsError), and diagnose() must name
 * the platform, the CDN and the expected findings, with evidence, a one-sentence headline, and
 * fixes carrying the real failing values.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, PlatformId } from '../../model';
import { diagnose } from '../diagnose';

interface FixtureCase {
  name: string;
  source: string;
  exchange: Exchange;
  related?: Exchange[];
  expect: {
    platform: PlatformId;
    cdn: PlatformId | null;
    findings: string[];
    absent: string[];
    /** Strings that must appear somewhere in the diagnosis' text (explanations, evidence, snippets). */
    mentions?: string[];
    /** Fix stacks that must be offered by the first expected finding. */
    fixStacks?: string[];
  };
}

interface FixtureFile {
  platform: PlatformId;
  note: string;
  cases: FixtureCase[];
}

const files = import.meta.glob<FixtureFile>('../../../test/fixtures/platforms/*.json', { eager: true, import: 'default' });

describe('platform fixtures', () => {
  it('has a fixture file for every platform with at least one case', () => {
    const platforms = Object.values(files).map((f) => f.platform).sort();
    expect(platforms).toEqual([
      'aws-apigateway-http', 'aws-apigateway-rest', 'aws-cloudfront', 'aws-lambda-url', 'aws-s3', 'azure-apim',
      'express', 'gcp-api-gateway', 'gcp-cloud-run', 'nginx', 'spring', 'unknown',
    ]);
    for (const f of Object.values(files)) expect(f.cases.length, f.platform).toBeGreaterThan(0);
  });

  for (const [path, file] of Object.entries(files)) {
    describe(path.replace(/^.*\//, ''), () => {
      for (const c of file.cases) {
        it(c.name, () => {
          const d = diagnose(c.exchange, { related: c.related ?? [] });
          // The engine and Chromium agree on the verdict (the fixture records Chromium's report).
          expect(d.verdict.corsError ?? undefined, 'verdict vs Chromium').toBe(c.exchange.observed.corsError);
          expect(d.verdict.blocked).toBe(c.exchange.observed.corsError !== undefined);

          expect(d.platform.id, 'platform').toBe(c.expect.platform);
          expect(d.cdn?.id ?? null, 'cdn').toBe(c.expect.cdn);
          if (c.expect.platform !== 'unknown') expect(d.platform.evidence.length).toBeGreaterThan(0);

          const ids = d.findings.map((f) => f.id);
          for (const id of c.expect.findings) expect(ids, `finding ${id}`).toContain(id);
          for (const id of c.expect.absent) expect(ids, `absent ${id}`).not.toContain(id);
          for (const f of d.findings) {
            expect(f.evidence.length, `${f.id} evidence`).toBeGreaterThan(0);
            expect(f.explanation.length, `${f.id} explanation`).toBeGreaterThan(20);
          }

          expect(d.headline).toMatch(/^[^\n]+[.!]$/);
          expect(d.summary).not.toMatch(/\n/);
          expect(d.summary.length).toBeLessThanOrEqual(160);

          const text = JSON.stringify(d.findings);
          for (const m of c.expect.mentions ?? []) expect(text, `mentions ${m}`).toContain(m);
          const first = d.findings.find((f) => f.id === c.expect.findings[0]);
          for (const s of c.expect.fixStacks ?? []) expect(first?.fixes.map((x) => x.stack), `fix stack ${s}`).toContain(s);
        });
      }
    });
  }
});
