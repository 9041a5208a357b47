/**
 * Caddy 2 as the server that answered, or as the reverse proxy in front of an app that shows itself too
 * (role `proxy`, like nginx). Measured against Caddy 2.6 (e2e/middleware/caddy-cases.ts): its own errors
 * (502 when reverse_proxy cannot reach the app) have an empty body, and headers set with `defer` never
 * reach them, while headers set at once do; file_server answers OPTIONS like GET.
 */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { caddyStack } from '../findings/fixes/caddy';
import { headersStack } from '../findings/fixes/headers';
import { otherAnswerWithAllowOrigin } from '../findings/facts';
import { genericMeaning } from '../findings/status';
import { bodyUnseen } from '../findings/unseen-body';
import { hasHeader, headerValue } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'caddy' as const;
const NAME = 'Caddy';

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'server', value: /^Caddy$/i, weight: 0.8 },
  // Caddy 2.7 and later name themselves in Via on proxied answers.
  { kind: 'header', name: 'via', value: /\bCaddy\b/, weight: 0.6 },
];

/** Caddy's own error: no body (none recorded either, when the capture has none), nothing but Server. */
function ownError(r: ResponseRecord): boolean {
  return (headerValue(r, 'content-length') === '0' || bodyUnseen(r)) && !hasHeader(r, 'content-type');
}

function explainCaddy(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null {
  if (r.status < 400) return null;
  const generic = genericMeaning(r, where);
  const other = hasHeader(r, 'access-control-allow-origin') ? null : otherAnswerWithAllowOrigin(ctx.facts, r);
  const deferred = other
    ? ` The ${other.where} did carry Access-Control-Allow-Origin, so Caddy adds it to some answers only: headers set with \`header … { defer }\` (or inside a block the error left) never reach the errors Caddy answers itself; set them in \`handle_errors\` too.`
    : '';
  if ((r.status === 502 || r.status === 503 || r.status === 504) && ownError(r)) {
    return {
      ...generic,
      label: 'Caddy could not reach the app',
      meaning: `Caddy answered ${r.status} itself, with an empty body: reverse_proxy could not reach the app (down, wrong address, or too slow). Caddy's log names the upstream error.${deferred}`,
      generatedBy: 'gateway',
    };
  }
  return { ...generic, meaning: `${generic.meaning}${deferred}`, generatedBy: 'unknown' };
}

/** A 2xx/3xx with no CORS header although Caddy may be set up for CORS. */
function missingCorsHint(r: ResponseRecord, _where: string, ctx: RuleContext): string | null {
  if (r.status >= 400) return null; // explainCaddy speaks of errors
  return `If Caddy is meant to add them here: a \`header\` directive applies only inside the block that handled this path (a \`handle\` for another path does not count) and only where its matcher matches (an allow-list matcher such as \`@allowed header Origin …\` that does not list ${ctx.facts.sentOrigin} adds nothing).`;
}

export const caddy: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'proxy',
  stacks: [caddyStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainCaddy(r, where, ctx),
  missingCorsHint,
  findings: () => [],
};
