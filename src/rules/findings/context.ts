/**
 * The context every finding rule reads: exchange, verdict, facts, the fix spec and the detected
 * platform(s). Platform modules plug in through PlatformRules (what an error means there, and
 * which fix stacks apply) — the generic findings never import a platform.
 */
import type { Exchange, Finding, Fix, PlatformId, PlatformMatch, ResponseRecord, Verdict } from '../../model';
import type { Facts } from './facts';
import { frontendStack } from './fixes/frontend';
import type { FixStack, Remedy } from './fixes/types';
import type { CorsSpec } from './spec';

/** What kind of failure an HTTP answer is, independent of the platform that produced it. */
export type Category =
  | 'auth'            // authentication/authorization rejected the request (401, IAM, API key …)
  | 'forbidden'       // a 403 whose source is not known (auth, firewall, policy)
  | 'not-found'       // no route / method / resource for this request
  | 'method-blocked'  // the method is refused before any route (CDN, proxy)
  | 'cors-rule'       // a CORS layer exists and explicitly rejected this request
  | 'cors-disabled'   // the server says CORS is not configured at all
  | 'no-cors'         // an automatic answer without any CORS layer (framework default OPTIONS)
  | 'throttle'        // 429
  | 'bad-request'     // 400/413/415/422
  | 'backend'         // 5xx from the application or an integration
  | 'timeout';        // 504 / gateway timeouts

export interface ResponseMeaning {
  category: Category;
  /** Short phrase for headlines, e.g. "no OPTIONS method on the deployed stage". */
  label: string;
  /** One or two plain sentences. */
  meaning: string;
  evidence: string[];
  /** Who produced the answer: the gateway/CDN itself or the backend behind it. */
  generatedBy: 'gateway' | 'backend' | 'unknown';
  /** API Gateway REST gateway-response type, when known. */
  gatewayResponse?: string;
}

/** The part of a platform module the generic findings use. */
export interface PlatformRules {
  id: PlatformId;
  name: string;
  /** Fix stacks, in the order they are shown. */
  stacks: readonly FixStack[];
  /** What this answer means on this platform (error signatures), or null when it has no opinion. */
  explain?(response: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null;
  /**
   * Why this platform may send no CORS header at all on this answer although CORS is set up for it (one
   * or two sentences), or null: the configuration traps that leave every CORS header out.
   */
  missingCorsHint?(response: ResponseRecord, where: string, ctx: RuleContext): string | null;
  /**
   * Why this platform may leave out Access-Control-Allow-Origin alone while other CORS headers come
   * (one or two sentences), or null: a configuration trap that looks like a refused origin.
   */
  partialCorsHint?(response: ResponseRecord, where: string, ctx: RuleContext): string | null;
}

export interface RuleContext {
  exchange: Exchange;
  verdict: Verdict;
  facts: Facts;
  spec: CorsSpec;
  platform: PlatformMatch;
  cdn?: PlatformMatch;
  origin: PlatformRules;
  edge?: PlatformRules;
  /** False for CDNs the user does not control (API Gateway's edge-optimized distribution). */
  edgeConfigurable: boolean;
  /** Earlier exchanges of the same tab, oldest first, when the caller has them (HTTP-cache hints). */
  related: readonly Exchange[];
}

/** A finding plus the sentence it would contribute as the diagnosis headline / list summary. */
export interface Candidate {
  finding: Finding;
  headline?: string;
  summary?: string;
}

const EDGE_REMEDIES: ReadonlySet<Remedy> = new Set(['cache-key', 'cdn-methods', 'single-source', 'allow']);

/** Fixes for the remedies, from the origin platform's stacks, the CDN's, and the page's. */
export function fixesFor(ctx: RuleContext, remedies: readonly Remedy[]): Finding['fixes'] {
  const stacks: FixStack[] = [...ctx.origin.stacks];
  const out: Finding['fixes'] = [];
  const server = (fixes: readonly Fix[]): Fix[] => (ctx.spec.credentialsUnknown ? fixes.map(credentialsNote) : [...fixes]);
  for (const remedy of remedies) {
    for (const s of stacks) out.push(...server(s.build(remedy, ctx.spec)));
    if (ctx.edge && ctx.edgeConfigurable && EDGE_REMEDIES.has(remedy)) {
      for (const s of ctx.edge.stacks) out.push(...server(s.build(remedy, ctx.spec)));
    }
    out.push(...frontendStack.build(remedy, ctx.spec));
  }
  return out;
}

/** A server fix that allows credentials only because the recording cannot tell whether they are sent. */
function credentialsNote(fix: Fix): Fix {
  if (!/credentials/i.test(fix.snippet)) return fix;
  return { ...fix, note: 'It allows credentials because the recording does not show whether the page sends cookies or HTTP auth (fetch credentials: "include", withCredentials); if it never does, leave Allow-Credentials out.' };
}

/**
 * The platform's reading of a response. An answer the CDN generated itself (WAF block, disallowed
 * method, origin unreachable) is the CDN's to explain; anything else is the origin platform's.
 */
export function explainResponse(ctx: RuleContext, response: ResponseRecord, where: string): ResponseMeaning | null {
  const edge = ctx.edge?.explain?.(response, where, ctx) ?? null;
  if (edge?.generatedBy === 'gateway') return edge;
  return ctx.origin.explain?.(response, where, ctx) ?? edge;
}
