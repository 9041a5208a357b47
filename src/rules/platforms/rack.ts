/**
 * Ruby's Rack (Rails, Sinatra …) with rack-cors. Measured against rack-cors 1.1 on WEBrick
 * (e2e/middleware/rack-lab.ts): rack-cors answers every preflight it does not accept — origin not in
 * `origins`, path outside every `resource`, method not in `methods:` (GET only by default), header not in
 * `headers:` — with an empty 200 and no CORS header at all; what it accepts gets Max-Age 7200 by default
 * and, on every answer, an Access-Control-Expose-Headers line even when empty.
 */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { headersStack } from '../findings/fixes/headers';
import { rackStack } from '../findings/fixes/rack';
import { genericMeaning } from '../findings/status';
import { bodyUnseen } from '../findings/unseen-body';
import { corsHeaderNames, headerLines, headerValue } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'rack' as const;
const NAME = 'Ruby (Rack / Rails)';

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'server', value: /^(WEBrick|Puma|thin|Passenger|Unicorn)\b/i, weight: 0.6 },
  // Rails' Rack::Runtime (documented Rails default; not in the lab, which runs plain Rack).
  { kind: 'header', name: 'x-runtime', value: /^\d+\.\d+$/, weight: 0.5 },
  {
    kind: 'custom', weight: 0.7,
    test: (_e, input) => {
      const hit = input.responses.find(({ response: r }) => headerValue(r, 'access-control-max-age') === '7200' && headerLines(r, 'access-control-expose-headers').some((v) => v.trim() === ''));
      return hit ? `${hit.where}: Access-Control-Max-Age: 7200 with an empty Access-Control-Expose-Headers (rack-cors)` : null;
    },
  },
];

function explainRack(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null {
  if (where.startsWith('preflight') && r.status === 200 && corsHeaderNames(r).length === 0 && bodyUnseen(r) && headerValue(r, 'content-type') === null) {
    return {
      category: 'cors-rule',
      label: 'rack-cors refused the preflight',
      meaning: `An empty 200 without any CORS header is how rack-cors answers a preflight it does not accept, whichever part it refused: the origin is not in \`origins\`, the path (${ctx.spec.path}) is outside every \`resource\`, the method ${ctx.facts.method} is not in \`methods:\` (GET only when none are given), or a requested header is not in \`headers:\` (unless \`headers: :any\`). Its \`debug: true\` option adds an X-Rack-CORS header that says which.`,
      evidence: [`${where}: HTTP 200, no body, no CORS header`],
      generatedBy: 'backend',
    };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

/** An answer to the actual request with no CORS header at all. */
function missingCorsHint(r: ResponseRecord): string | null {
  if (r.status >= 500) return null;
  return 'rack-cors adds no Access-Control-* header for an origin not in `origins` (only Vary: Origin) or a path outside every `resource`; in Rails it must come first in the middleware stack (`insert_before 0`), or an earlier middleware answers without it.';
}

export const rack: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [rackStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainRack(r, where, ctx),
  missingCorsHint: (r) => missingCorsHint(r),
  partialCorsHint: (r) => missingCorsHint(r),
  findings: () => [],
};
