/** nginx (and OpenResty) as the server or reverse proxy that answered. */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { headersStack } from '../findings/fixes/headers';
import { nginxStack } from '../findings/fixes/nginx';
import { genericMeaning } from '../findings/status';
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
  const other = ctx.facts.responses.find((x) => x.response !== r && hasHeader(x.response, 'access-control-allow-origin'));
  let always = '';
  if (!ADD_HEADER_STATUSES.has(r.status) && !hasHeader(r, 'access-control-allow-origin')) {
    always = other
      ? ` The ${other.where} from the same server did carry Access-Control-Allow-Origin, so the headers are added to some answers only — the classic sign of nginx add_header without \`always\`, which applies only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308.`
      : ' If nginx adds the CORS headers, note that add_header skips this status unless the directive ends with `always`.';
  }
  if (ownPage && r.status === 405) return { ...generic, label: 'nginx does not handle OPTIONS here', meaning: `nginx answered 405 Not Allowed itself: this location serves static files or does not pass the method on.${always}`, generatedBy: 'gateway' };
  if (ownPage && (r.status === 502 || r.status === 504)) return { ...generic, label: 'nginx could not reach the app', meaning: `nginx answered ${r.status} itself: the upstream application is down, unreachable or too slow.${always}`, generatedBy: 'gateway' };
  return { ...generic, meaning: `${generic.meaning}${always}`, generatedBy: ownPage ? 'gateway' : 'unknown' };
}

export const nginx: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [nginxStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainNginx(r, where, ctx),
  findings: () => [],
};
