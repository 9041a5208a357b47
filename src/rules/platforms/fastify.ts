/**
 * Fastify (Node.js). No X-Powered-By; what gives it away (measured with Fastify 5 and @fastify/cors 11):
 * its HTTP/1.1 keep-alive timeout of 72 s (`Keep-Alive: timeout=72`, Node's own default is 5 s), the
 * default 404 body `{"message":"Route GET:/x not found",…}`, and @fastify/cors's default
 * Access-Control-Allow-Methods: GET,HEAD,POST.
 */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { fastifyStack } from '../findings/fixes/fastify';
import { headersStack } from '../findings/fixes/headers';
import { genericMeaning } from '../findings/status';
import { oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'fastify' as const;
const NAME = 'Fastify (Node.js)';

const NOT_FOUND = /"message"\s*:\s*"Route [A-Z]+:\S* not found"/;

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'keep-alive', value: /^\s*timeout=72\s*$/i, weight: 0.6 },
  { kind: 'body', pattern: NOT_FOUND, weight: 0.8, label: 'Fastify "Route METHOD:/path not found"' },
  { kind: 'header', name: 'access-control-allow-methods', value: /^GET,HEAD,POST$/, weight: 0.3 },
];

function explainFastify(r: ResponseRecord, where: string): ResponseMeaning | null {
  if (r.status === 404 && NOT_FOUND.test(r.body ?? '')) {
    const route = /Route ([A-Z]+:\S*) not found/.exec(r.body ?? '')?.[1] ?? '';
    return { ...genericMeaning(r, where), label: 'no Fastify route', meaning: `Fastify has no route for ${oneLine(route, 80)}${route.startsWith('OPTIONS:') ? ': nothing answers the preflight (is @fastify/cors registered on the instance that owns this route?)' : ''}.`, generatedBy: 'backend' };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

export const fastify: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [fastifyStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainFastify(r, where),
  findings: () => [],
};
