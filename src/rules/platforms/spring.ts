/** Spring (Spring MVC / WebFlux, Spring Security). DefaultCorsProcessor rejects with 403 "Invalid CORS request". */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { headersStack } from '../findings/fixes/headers';
import { springStack } from '../findings/fixes/spring';
import { genericMeaning } from '../findings/status';
import { bodyJson, hasHeader } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'spring' as const;
const NAME = 'Spring';

const SIGNALS: readonly Signal[] = [
  { kind: 'body', pattern: /^\s*Invalid CORS request\s*$/, weight: 0.9, label: '"Invalid CORS request"' },
  { kind: 'header', name: 'vary', value: /Access-Control-Request-Method.*Access-Control-Request-Headers/i, weight: 0.5 },
  { kind: 'body', pattern: /^\s*\{\s*"timestamp"\s*:\s*"[^"]+"\s*,\s*"status"\s*:\s*\d{3}\s*,\s*"error"\s*:/, weight: 0.5, label: 'Spring Boot error JSON' },
];

function explainSpring(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (r.status === 403 && /^\s*Invalid CORS request\s*$/.test(r.body ?? '')) {
    return { category: 'cors-rule', label: 'rejected by Spring CORS', meaning: 'Spring\'s CORS processor rejected the request: the origin, the method or one of the requested headers is not in the CorsConfiguration.', evidence: [`${where} body: Invalid CORS request`], generatedBy: 'backend' };
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
  detect: (exchange) => matchSignals(ID, NAME, exchange, SIGNALS),
  explain: (r, where) => explainSpring(r, where),
  findings: () => [],
};
