/**
 * nginx (and OpenResty) as the server that answered, or as the reverse proxy in front of an app that
 * shows itself too (X-Powered-By …): then it is reported as the layer in front (role `proxy`).
 */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { headersStack } from '../findings/fixes/headers';
import { nginxStack } from '../findings/fixes/nginx';
import { otherAnswerWithAllowOrigin } from '../findings/facts';
import { genericMeaning } from '../findings/status';
import { bodyUnseen } from '../findings/unseen-body';
import { hasHeader } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'nginx' as const;
const NAME = 'nginx';

const PAGE = /<center>(nginx|openresty)[^<]*<\/center>/i;
/** Statuses add_header applies to without `always`. */
const ADD_HEADER_STATUSES = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'server', value: /^(nginx|openresty)\b/i, weight: 0.8 },
  { kind: 'body', pattern: PAGE, weight: 0.8, label: 'nginx error page' },
];

function explainNginx(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null {
  if (r.status < 400) return null;
  const generic = genericMeaning(r, where);
  const ownPage = PAGE.test(r.body ?? '');
  // A live capture has no body: nginx's own page cannot be seen, but 405 to OPTIONS and 502/504 are
  // what nginx answers itself far more often than an app behind it does; said as the likely reason.
  const unseen = bodyUnseen(r);
  const other = otherAnswerWithAllowOrigin(ctx.facts, r);
  let always = '';
  if (!ADD_HEADER_STATUSES.has(r.status) && !hasHeader(r, 'access-control-allow-origin')) {
    always = other
      ? ` The ${other.where} from the same server did carry Access-Control-Allow-Origin, so the headers are added to some answers only — the classic sign of nginx add_header without \`always\`, which applies only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308.`
      : ' If nginx adds the CORS headers, note that add_header skips this status unless the directive ends with `always`.';
  }
  const preflight = where.startsWith('preflight');
  if (r.status === 405 && (ownPage || (unseen && preflight))) {
    const meaning = !preflight
      ? 'nginx answered 405 Not Allowed itself: this location serves static files (GET and HEAD only) or does not pass the method on.'
      : `${ownPage ? 'nginx answered 405 Not Allowed itself' : 'nginx answers 405 Not Allowed itself to OPTIONS on a location it serves (the body, which would say so, was not recorded)'}: a location that serves static files, or does not pass the method on, refuses OPTIONS; answer it in an \`if ($request_method = OPTIONS)\` block.`;
    return { ...generic, label: 'nginx does not handle OPTIONS here', meaning: `${meaning}${always}`, generatedBy: ownPage ? 'gateway' : 'unknown' };
  }
  if ((r.status === 502 || r.status === 504) && (ownPage || unseen)) {
    const meaning = ownPage
      ? `nginx answered ${r.status} itself: the upstream application is down, unreachable or too slow.`
      : `nginx answers ${r.status} itself when the upstream application is down, unreachable or too slow; that is the usual reason (the body, which would tell, was not recorded).`;
    return { ...generic, label: 'nginx could not reach the app', meaning: `${meaning} Look at nginx's error log and at the app.${always}`, generatedBy: ownPage ? 'gateway' : 'unknown' };
  }
  return { ...generic, meaning: `${generic.meaning}${always}`, generatedBy: ownPage ? 'gateway' : 'unknown' };
}

/** A 2xx/3xx with no CORS header although nginx may be set up for CORS: its two silent traps. */
function missingCorsHint(r: ResponseRecord, _where: string, ctx: RuleContext): string | null {
  if (!ADD_HEADER_STATUSES.has(r.status)) return null; // explainNginx speaks of `always` for the rest
  return `If nginx is meant to add them here, two of its rules drop them silently: add_header sends nothing when its value is empty (a \`map\` allow-list that does not list ${ctx.facts.sentOrigin} yields an empty value), and a block with any add_header of its own (a nested location, an \`if\`) inherits none of the add_header lines of the blocks around it.`;
}

export const nginx: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'proxy',
  stacks: [nginxStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainNginx(r, where, ctx),
  missingCorsHint,
  findings: () => [],
};
