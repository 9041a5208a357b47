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
    /**
     * What a LIVE capture of the same exchange must give: a live capture has no body for a preflight
     * answer or a blocked response. Unset fields default to the ones above (so by default the live
     * capture must give the same platform, CDN and findings); `why` is required when the findings
     * differ, and says what only the body would have decided.
     */
    live?: { findings?: string[]; absent?: string[]; mentions?: string[]; why?: string };
  };
}

/** The exchange as live capture records it: DevTools gives no body for preflights or blocked responses. */
function asLive(exchange: Exchange): Exchange {
  const { body: _p, ...preflightResponse } = exchange.preflight?.response ?? { status: 0, headers: [] };
  const live: Exchange = { ...exchange, source: 'live', redirects: exchange.redirects.map((h) => ({ ...h, response: stripBody(h.response) })) };
  if (exchange.preflight) {
    live.preflight = {
      ...exchange.preflight,
      ...(exchange.preflight.response ? { response: preflightResponse } : {}),
      ...(exchange.preflight.redirect ? { redirect: { ...exchange.preflight.redirect, response: stripBody(exchange.preflight.redirect.response) } } : {}),
    };
  }
  if (exchange.response && exchange.observed.corsError !== undefined) live.response = stripBody(exchange.response);
  return live;
}

function stripBody<T extends { body?: string }>(r: T): T {
  const { body: _b, ...rest } = r;
  return rest as T;
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
      'apache',
      'aws-apigateway-http', 'aws-apigateway-rest', 'aws-cloudfront', 'aws-lambda-url', 'aws-s3', 'azure-apim',
      'caddy', 'django', 'express', 'fastapi', 'fastify', 'flask', 'gcp-api-gateway', 'gcp-cloud-run', 'go', 'jetty', 'koa', 'nginx', 'php', 'rack', 'spring', 'tomcat', 'unknown',
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

        it(`${c.name} — live capture (no preflight or blocked body)`, () => {
          const d = diagnose(asLive(c.exchange), { related: c.related ?? [] });
          expect(d.verdict.corsError ?? undefined, 'verdict vs Chromium').toBe(c.exchange.observed.corsError);
          expect(d.platform.id, 'platform').toBe(c.expect.platform);
          expect(d.cdn?.id ?? null, 'cdn').toBe(c.expect.cdn);
          const live = c.expect.live ?? {};
          const ids = d.findings.map((f) => f.id);
          for (const id of live.findings ?? c.expect.findings) expect(ids, `finding ${id}`).toContain(id);
          for (const id of live.absent ?? c.expect.absent) expect(ids, `absent ${id}`).not.toContain(id);
          for (const f of d.findings) expect(f.evidence.length, `${f.id} evidence`).toBeGreaterThan(0);
          if (live.findings) expect(live.why?.length ?? 0, 'why the live capture cannot decide').toBeGreaterThan(20);
          const text = JSON.stringify(d.findings);
          for (const m of live.mentions ?? []) expect(text, `mentions ${m}`).toContain(m);
        });
      }
    });
  }
});
