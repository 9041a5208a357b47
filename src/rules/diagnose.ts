/**
 * diagnose(): verdict (Chromium's decision, from evaluate) + platform detection + findings +
 * a headline a junior understands and a one-line summary for list rows.
 */
import type { Diagnosis, Exchange, FindingKind, Severity, Verdict } from '../model';
import { cacheFindings } from './findings/cache';
import { causeFindings } from './findings/causes';
import type { Candidate, RuleContext } from './findings/context';
import { computeFacts } from './findings/facts';
import { noteFindings } from './findings/notes';
import { buildSpec, type CorsSpec } from './findings/spec';
import { meaningOf } from './findings/status';
import { oneLine } from './findings/wire';
import { isEdgeOptimizedApi } from './platforms/aws-cloudfront';
import { detectPlatforms } from './platforms';
import { signalInput } from './platforms/signals';
import { evaluate } from './evaluate';
import { createVerdictCache } from './verdict-cache';

export interface DiagnoseOptions {
  /** Earlier exchanges of the same tab (any order): lets the rules see an earlier no-cors request that filled the HTTP cache. */
  related?: readonly Exchange[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const KIND_ORDER: Record<FindingKind, number> = { cause: 0, deploy: 1, platform: 2, cache: 3, security: 4, info: 5 };

export function diagnose(exchange: Exchange, options: DiagnoseOptions = {}): Diagnosis {
  return diagnoseWithVerdict(exchange, evaluate(exchange), options);
}

/**
 * diagnose() for the many exchanges of one recording (the CLI's analyze, the panel): exchanges that
 * differ only in what the CORS checks never read share one verdict (verdict-cache.ts; exact).
 */
export function createDiagnoser(): (exchange: Exchange, options?: DiagnoseOptions) => Diagnosis {
  const verdicts = createVerdictCache();
  return (exchange, options = {}) => diagnoseWithVerdict(exchange, verdicts.evaluate(exchange), options);
}

/** An earlier load the capture linked to this exchange, as an exchange the cache rules can read. */
function earlierLoads(exchange: Exchange): Exchange[] {
  const e = exchange.earlierLoad;
  if (!e) return [];
  const cors = e.origin !== undefined;
  return [{
    id: `earlier ${e.resourceType ?? (cors ? 'CORS' : 'no-cors')} load`,
    source: exchange.source,
    pageOrigin: exchange.pageOrigin,
    startedAt: e.startedAt,
    mode: cors ? 'cors' : 'no-cors',
    ...(e.resourceType ? { resourceType: e.resourceType } : {}),
    request: { method: 'GET', url: e.url, headers: cors ? [{ name: 'Origin', value: e.origin ?? '' }] : [] },
    response: e.response,
    redirects: [],
    observed: { failed: false },
  }];
}

/** The same, for a verdict the caller already has (tests, or a verdict computed elsewhere). */
export function diagnoseWithVerdict(exchange: Exchange, verdict: Verdict, options: DiagnoseOptions = {}): Diagnosis {
  const facts = computeFacts(exchange, verdict);
  const detection = detectPlatforms(exchange, verdict, signalInput(exchange, facts.url));
  const fields: Omit<RuleContext, 'spec'> = {
    exchange,
    verdict,
    facts,
    platform: detection.platform,
    cdn: detection.cdn,
    origin: detection.module,
    edge: detection.cdnModule,
    edgeConfigurable: !(detection.cdn?.id === 'aws-cloudfront' && isEdgeOptimizedApi(facts.host)),
    related: [...(options.related ?? []), ...earlierLoads(exchange)],
  };
  const base = withSpec(fields, () => buildSpec({ exchange, facts, platform: detection.platform.id }));
  // The failing answer's meaning names the API Gateway gateway response to fix, when there is one.
  const failing = facts.failing;
  const gatewayResponseType = failing && failing.response.status >= 400 ? meaningOf(base, failing.response, failing.where).gatewayResponse ?? null : null;
  const ctx: RuleContext = gatewayResponseType
    ? withSpec(fields, () => buildSpec({ exchange, facts, platform: detection.platform.id, gatewayResponseType }))
    : base;

  const candidates: Candidate[] = [
    ...causeFindings(ctx),
    ...cacheFindings(ctx),
    ...detection.module.findings(ctx),
    ...(detection.cdnModule ? detection.cdnModule.findings(ctx) : []),
    ...noteFindings(ctx),
  ];
  const unique = dedupe(candidates);
  const ordered = unique
    .map((c, i) => ({ c, i }))
    .sort((a, b) => SEVERITY_ORDER[a.c.finding.severity] - SEVERITY_ORDER[b.c.finding.severity]
      || KIND_ORDER[a.c.finding.kind] - KIND_ORDER[b.c.finding.kind] || a.i - b.i)
    .map(({ c }) => c);
  const lead = ordered.find((c) => c.headline);
  const { headline, summary } = lead?.headline
    ? { headline: lead.headline, summary: lead.summary ?? lead.finding.title }
    : fallbackText(verdict);
  return {
    exchangeId: exchange.id,
    verdict,
    platform: detection.platform,
    ...(detection.cdn ? { cdn: detection.cdn } : {}),
    headline: oneLine(headline, 300),
    summary: withPlatform(oneLine(summary, 110), ctx),
    findings: ordered.map((c) => c.finding),
  };
}

/**
 * The context with its fix spec built on first use: most exchanges (allowed ones) have no finding
 * with fixes, and the spec is a good part of a diagnosis' cost. buildSpec is pure, so when it runs
 * does not change what it returns.
 */
function withSpec(fields: Omit<RuleContext, 'spec'>, build: () => CorsSpec): RuleContext {
  let spec: CorsSpec | undefined;
  return {
    ...fields,
    get spec(): CorsSpec {
      spec ??= build();
      return spec;
    },
  };
}

/** One finding per id: the first (most specific) one wins. */
function dedupe(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    if (seen.has(c.finding.id)) return false;
    seen.add(c.finding.id);
    return true;
  });
}

function fallbackText(verdict: Verdict): { headline: string; summary: string } {
  if (!verdict.crossOrigin) return { headline: 'Not a cross-origin CORS request, so CORS checks do not apply.', summary: 'Not cross-origin' };
  if (verdict.blocked) return { headline: `The browser blocked this request (${verdict.corsError ?? 'reason unknown'}).`, summary: `Blocked: ${verdict.corsError ?? 'unknown'}` };
  return { headline: 'CORS allowed this request.', summary: 'Allowed' };
}

function withPlatform(summary: string, ctx: RuleContext): string {
  if (ctx.platform.id === 'unknown') return summary;
  const short = ctx.platform.name.replace(/^(Amazon|AWS) /, '');
  return `${summary} · ${short}`;
}

