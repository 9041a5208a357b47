/** Spring (Spring MVC / WebFlux, Spring Security). DefaultCorsProcessor rejects with 403 "Invalid CORS request". */
import type { Exchange, ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { headersStack } from '../findings/fixes/headers';
import { springStack } from '../findings/fixes/spring';
import { genericMeaning } from '../findings/status';
import { bodyUnseen } from '../findings/unseen-body';
import { bodyJson, hasHeader, headerLines } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'spring' as const;
const NAME = 'Spring';

const SIGNALS: readonly Signal[] = [
  { kind: 'body', pattern: /^\s*Invalid CORS request\s*$/, weight: 0.9, label: '"Invalid CORS request"' },
  // DefaultCorsProcessor always varies on these three, often as separate Vary lines.
  { kind: 'custom', weight: 0.5, test: (e) => varyTriple(e) },
  // Spring Security's default response headers.
  { kind: 'header', name: 'cache-control', value: /^no-cache, no-store, max-age=0, must-revalidate$/i, weight: 0.3 },
  { kind: 'body', pattern: /^\s*\{\s*"timestamp"\s*:\s*"[^"]+"\s*,\s*"status"\s*:\s*\d{3}\s*,\s*"error"\s*:/, weight: 0.5, label: 'Spring Boot error JSON' },
];

/** The three Vary entries DefaultCorsProcessor adds before it checks anything (lines may be separate). */
function hasVaryTriple(r: ResponseRecord | undefined): boolean {
  const vary = headerLines(r, 'vary').join(',').toLowerCase();
  return vary.includes('origin') && vary.includes('access-control-request-method') && vary.includes('access-control-request-headers');
}

function varyTriple(e: Exchange): string | null {
  for (const [where, r] of [['preflight response', e.preflight?.response], ['response', e.response]] as const) {
    if (hasVaryTriple(r)) return `${where}: Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers`;
  }
  return null;
}

const REJECTED = 'Spring\'s CORS processor rejected the request: the origin, the method or one of the requested headers is not in the CorsConfiguration.';

function explainSpring(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (r.status === 403 && /^\s*Invalid CORS request\s*$/.test(r.body ?? '')) {
    return { category: 'cors-rule', label: 'rejected by Spring CORS', meaning: REJECTED, evidence: [`${where} body: Invalid CORS request`], generatedBy: 'backend' };
  }
  // Without the body (a live capture of a preflight): the processor's Vary entries on a 403 without
  // Access-Control-Allow-Origin show that it ran and refused (Spring Security refusing before it adds none).
  if (r.status === 403 && bodyUnseen(r) && hasVaryTriple(r) && !hasHeader(r, 'access-control-allow-origin')) {
    return { category: 'cors-rule', label: 'rejected by Spring CORS', meaning: `${REJECTED} (Its body, "Invalid CORS request", is not in the capture; the Vary entries it adds before checking are.)`, evidence: [`${where}: HTTP 403 with Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers and no Access-Control-Allow-Origin`], generatedBy: 'backend' };
  }
  if ((r.status === 401 || r.status === 403) && (hasHeader(r, 'www-authenticate') || bodyJson(r)?.timestamp !== undefined)) {
    return { ...genericMeaning(r, where), category: 'auth', label: 'Spring Security rejected it', meaning: 'Spring Security rejected the request. With Spring Security, enable http.cors() so the CORS configuration answers preflights before authentication.', generatedBy: 'backend' };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

export const spring: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [springStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainSpring(r, where),
  findings: () => [],
};
