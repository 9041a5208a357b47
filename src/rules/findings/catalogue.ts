/**
 * The finding catalogue: every finding id CORS Lens can emit, with its kind, default severity and
 * generic title. Ids are stable (reports, tests and the docs refer to them); docs/findings.md
 * documents each one and a test keeps the two in sync.
 */
import type { Finding, FindingKind, Fix, Severity } from '../../model';
import { oneLine } from './wire';

export interface CatalogueEntry {
  kind: FindingKind;
  severity: Severity;
  title: string;
}

export const FINDINGS = {
  // Causes: why the browser blocked the request.
  'cors-not-enabled': { kind: 'cause', severity: 'error', title: 'The server does not send CORS headers' },
  'options-not-configured': { kind: 'cause', severity: 'error', title: 'Nothing answers the OPTIONS preflight' },
  'preflight-auth-required': { kind: 'cause', severity: 'error', title: 'The preflight is rejected by authentication' },
  'preflight-invalid-status': { kind: 'cause', severity: 'error', title: 'The preflight answer is not a 2xx' },
  'error-response-missing-cors': { kind: 'cause', severity: 'error', title: 'The error response has no CORS headers' },
  'proxy-integration-missing-headers': { kind: 'cause', severity: 'error', title: 'The integration behind API Gateway does not return CORS headers' },
  'cors-only-on-preflight': { kind: 'cause', severity: 'error', title: 'CORS headers on the preflight but not on the response' },
  'origin-not-allowed': { kind: 'cause', severity: 'error', title: "The page's origin is not on the server's allow-list" },
  'cors-rule-no-match': { kind: 'cause', severity: 'error', title: "The server's CORS rules reject this request" },
  'origin-mismatch': { kind: 'cause', severity: 'error', title: 'Access-Control-Allow-Origin names a different origin' },
  'invalid-allow-origin': { kind: 'cause', severity: 'error', title: 'Access-Control-Allow-Origin is not a valid origin' },
  'wildcard-with-credentials': { kind: 'cause', severity: 'error', title: 'Wildcard origin on a request with credentials' },
  'multiple-origins': { kind: 'cause', severity: 'error', title: 'Access-Control-Allow-Origin lists several origins' },
  'duplicate-cors-headers': { kind: 'cause', severity: 'error', title: 'Two layers add the same CORS header' },
  'credentials-flag-missing': { kind: 'cause', severity: 'error', title: 'Access-Control-Allow-Credentials is not "true"' },
  'method-not-allowed': { kind: 'cause', severity: 'error', title: 'The method is not in Access-Control-Allow-Methods' },
  'header-not-allowed': { kind: 'cause', severity: 'error', title: 'A request header is not in Access-Control-Allow-Headers' },
  'authorization-not-covered-by-wildcard': { kind: 'info', severity: 'warning', title: '`*` in Access-Control-Allow-Headers does not cover Authorization' },
  'acao-sent-as-request-header': { kind: 'cause', severity: 'error', title: 'The page sends a CORS response header as a request header' },
  'invalid-allow-list': { kind: 'cause', severity: 'error', title: 'Allow-Methods or Allow-Headers is malformed' },
  'preflight-redirect': { kind: 'cause', severity: 'error', title: 'The preflight was redirected' },
  'redirect-tainted-origin': { kind: 'cause', severity: 'error', title: 'A cross-origin redirect turned the Origin into "null"' },
  'redirect-contains-credentials': { kind: 'cause', severity: 'error', title: 'A redirect points to a URL with user:password' },
  'preflight-network-error': { kind: 'cause', severity: 'error', title: 'The preflight failed at the network level' },
  'browser-refused-request': { kind: 'cause', severity: 'error', title: 'The browser refused to send the request' },
  'local-network-access': { kind: 'cause', severity: 'error', title: 'Blocked by Local Network Access rules' },
  'not-a-cors-problem': { kind: 'cause', severity: 'warning', title: 'CORS passed: the error comes from the server' },
  'network-error': { kind: 'cause', severity: 'error', title: 'The request failed before any HTTP answer' },
  'unexplained-block': { kind: 'info', severity: 'info', title: 'Blocked for a reason the rules cannot pin down' },
  // Caches.
  'http-cache-without-vary': { kind: 'cache', severity: 'error', title: 'A cached response without Vary: Origin was reused' },
  'cdn-cache-without-vary': { kind: 'cache', severity: 'error', title: 'The CDN served a cached copy made for another origin' },
  'preflight-cache': { kind: 'cache', severity: 'info', title: 'Preflight cache' },
  // Deployment.
  'stage-not-deployed': { kind: 'deploy', severity: 'error', title: 'The method is missing from the deployed stage' },
  // Platform specifics.
  'private-api-endpoint': { kind: 'platform', severity: 'warning', title: 'Private API Gateway endpoint' },
  'passthrough-never-415': { kind: 'platform', severity: 'error', title: 'API Gateway rejected the Content-Type with 415' },
  'mock-options-binary-media-types': { kind: 'platform', severity: 'warning', title: 'The mock OPTIONS integration failed with 500' },
  'cloudfront-method-not-allowed': { kind: 'platform', severity: 'error', title: 'CloudFront does not accept this HTTP method' },
  'stray-quotes-in-header': { kind: 'platform', severity: 'error', title: 'A CORS header value still has its quotes' },
  'django-cors-below-common': { kind: 'platform', severity: 'error', title: 'CorsMiddleware is listed below CommonMiddleware' },
  'php-headers-already-sent': { kind: 'platform', severity: 'error', title: 'PHP dropped the CORS headers: output came first' },
  // Security.
  'null-origin-allowed': { kind: 'security', severity: 'warning', title: 'The server allows the "null" origin' },
} as const satisfies Record<string, CatalogueEntry>;

export type FindingId = keyof typeof FINDINGS;

export const FINDING_IDS = Object.keys(FINDINGS) as FindingId[];

export interface FindingParts {
  title?: string;
  severity?: Severity;
  kind?: FindingKind;
  explanation: string;
  evidence: readonly (string | null | undefined | false)[];
  fixes?: readonly Fix[];
}

/**
 * The fixes without repeats of an earlier stack + title + snippet, as one joined key would find
 * them. Snippets are long: they are compared (===) within their stack and title rather than joined
 * and hashed — the same thing unless a stack or title holds the separator, which keeps the joined keys.
 */
function uniqueFixes(fixes: readonly Fix[]): Fix[] {
  if (fixes.some((f) => f.stack.includes('\u0000') || f.title.includes('\u0000'))) {
    const joined = new Set<string>();
    return fixes.filter((f) => {
      const key = `${f.stack}\u0000${f.title}\u0000${f.snippet}`;
      if (joined.has(key)) return false;
      joined.add(key);
      return true;
    });
  }
  const seen = new Map<string, string[]>();
  return fixes.filter((f) => {
    const head = `${f.stack}\u0000${f.title}`;
    const snippets = seen.get(head);
    if (snippets?.includes(f.snippet)) return false;
    if (snippets) snippets.push(f.snippet);
    else seen.set(head, [f.snippet]);
    return true;
  });
}

/** Build a Finding from the catalogue entry, dropping empty evidence lines and duplicate fixes. */
export function makeFinding(id: FindingId, parts: FindingParts): Finding {
  const entry: CatalogueEntry = FINDINGS[id];
  const evidence = [...new Set(parts.evidence.filter((e): e is string => typeof e === 'string' && e.length > 0))];
  const fixes = uniqueFixes(parts.fixes ?? []);
  // Wire values are interpolated into these texts: keep them one line and bounded whatever arrived.
  return {
    id,
    kind: parts.kind ?? entry.kind,
    severity: parts.severity ?? entry.severity,
    title: oneLine(parts.title ?? entry.title, 160),
    explanation: oneLine(parts.explanation, 3000),
    evidence: evidence.map((e) => oneLine(e, 400)),
    fixes,
  };
}
