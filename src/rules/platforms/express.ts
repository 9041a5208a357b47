/**
 * Express (Node.js). Without the cors middleware Express answers OPTIONS itself with 200 and an
 * Allow list; the cors middleware answers preflights with 204 and omits ACAO for origins it does
 * not allow (platforms.md §1 Others).
 */
import type { Exchange, ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { expressStack } from '../findings/fixes/express';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { corsHeaderNames, headerValue, oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'express' as const;
const NAME = 'Express (Node.js)';

const CANNOT = /<pre>Cannot [A-Z]+ [^<]*<\/pre>/;

/** Express's automatic OPTIONS answer: 200, an Allow header, and the same list as the body. */
function autoOptions(r: ResponseRecord | undefined): boolean {
  if (!r || r.status !== 200) return false;
  const allow = headerValue(r, 'allow');
  return allow !== null && (r.body ?? '').trim() === allow.trim();
}

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'x-powered-by', value: /^Express$/i, weight: 0.9 },
  { kind: 'body', pattern: CANNOT, weight: 0.8, label: 'Express "Cannot METHOD /path" page' },
  { kind: 'custom', weight: 0.5, test: (e: Exchange) => (autoOptions(e.preflight?.response) ? 'preflight response: Express automatic OPTIONS answer (Allow list as body)' : null) },
  { kind: 'header', name: 'access-control-allow-methods', value: /^GET,HEAD,PUT,PATCH,POST,DELETE$/, weight: 0.5 },
];

function explainExpress(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (where.startsWith('preflight') && autoOptions(r) && corsHeaderNames(r).length === 0) {
    return { category: 'no-cors', label: 'Express answered OPTIONS without CORS', meaning: `Express answered the OPTIONS request automatically (Allow: ${oneLine(headerValue(r, 'allow') ?? '', 60)}) because no cors middleware ran before the router.`, evidence: [`${where}: Allow: ${oneLine(headerValue(r, 'allow') ?? '', 60)}`], generatedBy: 'backend' };
  }
  if (r.status === 404 && CANNOT.test(r.body ?? '')) {
    return { ...genericMeaning(r, where), label: 'no Express route', meaning: `Express has no route for this method and path (${oneLine(CANNOT.exec(r.body ?? '')?.[0]?.replace(/<\/?pre>/g, '') ?? '', 60)}).`, generatedBy: 'backend' };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

export const express: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [expressStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainExpress(r, where),
  findings: () => [],
};
