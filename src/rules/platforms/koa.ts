/**
 * Koa (Node.js). No X-Powered-By; @koa/cors answers preflights with its default
 * Access-Control-Allow-Methods, GET,HEAD,PUT,POST,DELETE,PATCH (measured with @koa/cors 5), an order
 * no other common stack writes.
 */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning } from '../findings/context';
import { headersStack } from '../findings/fixes/headers';
import { koaStack } from '../findings/fixes/koa';
import { genericMeaning } from '../findings/status';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'koa' as const;
const NAME = 'Koa (Node.js)';

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'access-control-allow-methods', value: /^GET,HEAD,PUT,POST,DELETE,PATCH$/, weight: 0.6 },
];

function explainKoa(r: ResponseRecord, where: string): ResponseMeaning | null {
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

export const koa: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [koaStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainKoa(r, where),
  findings: () => [],
};
