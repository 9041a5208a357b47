/**
 * Apache httpd as the server that answered, or as the reverse proxy in front of an app that shows itself
 * too (role `proxy`, like nginx). Measured on httpd 2.4 (e2e/middleware/apache-cases.ts): `Header set`
 * reaches the app's own errors passed on by mod_proxy, but not the errors httpd makes itself (401/403 from
 * auth and Require, 404, 405, 503 when the app is down); those need `Header always set`.
 */
import type { ResponseRecord } from '../../model';
import type { ResponseMeaning, RuleContext } from '../findings/context';
import { apacheStack } from '../findings/fixes/apache';
import { headersStack } from '../findings/fixes/headers';
import { otherAnswerWithAllowOrigin } from '../findings/facts';
import { genericMeaning } from '../findings/status';
import { bodyUnseen } from '../findings/unseen-body';
import { hasHeader } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'apache' as const;
const NAME = 'Apache httpd';

/** httpd's own error page: the HTML 4.01 doctype, "<title>403 Forbidden</title>", an <h1>, maybe an <address>. */
const PAGE = /^<!DOCTYPE HTML PUBLIC "-\/\/IETF\/\/DTD HTML 2\.0\/\/EN">|^<!DOCTYPE HTML PUBLIC "-\/\/W3C\/\/DTD HTML 4\.01\/\/EN"[^>]*>\s*<html><head>\s*<title>\d{3} [^<]*<\/title>/;
const ADDRESS = /<address>Apache\/[\d.]+[^<]*Server at /;

const SIGNALS: readonly Signal[] = [
  { kind: 'header', name: 'server', value: /^Apache\b/i, weight: 0.8 },
  { kind: 'body', pattern: ADDRESS, weight: 0.8, label: 'Apache server signature' },
  { kind: 'body', pattern: PAGE, weight: 0.6, label: 'Apache error page' },
];

/** Statuses httpd itself answers for auth, missing files, refused methods and an unreachable app. */
const OWN_ERRORS = new Set([401, 403, 404, 405, 500, 502, 503, 504]);

function explainApache(r: ResponseRecord, where: string, ctx: RuleContext): ResponseMeaning | null {
  if (r.status < 400) return null;
  const generic = genericMeaning(r, where);
  const ownPage = PAGE.test(r.body ?? '') || ADDRESS.test(r.body ?? '');
  const unseen = bodyUnseen(r);
  let always = '';
  if (!hasHeader(r, 'access-control-allow-origin') && OWN_ERRORS.has(r.status) && (ownPage || unseen)) {
    const other = otherAnswerWithAllowOrigin(ctx.facts, r);
    always = other
      ? ` The ${other.where} from the same server did carry Access-Control-Allow-Origin: the classic sign of \`Header set\` without \`always\`, which httpd skips on the errors it makes itself (401/403 from auth and Require, 404, 405, 503 when the app is down).`
      : ' If httpd adds the CORS headers, note that `Header set` skips the errors httpd makes itself (401/403 from auth and Require, 404, 405, 503 when the app is down): it needs `Header always set`.';
  }
  if ((r.status === 503 || r.status === 502) && (ownPage || unseen)) {
    const meaning = ownPage
      ? `httpd answered ${r.status} itself: mod_proxy could not get an answer from the app behind it.`
      : `httpd answers ${r.status} itself when mod_proxy cannot reach the app behind it; that is the usual reason (the body, which would tell, was not recorded).`;
    return { ...generic, label: 'httpd could not reach the app', meaning: `${meaning} Look at httpd's error log and at the app.${always}`, generatedBy: ownPage ? 'gateway' : 'unknown' };
  }
  return { ...generic, meaning: `${generic.meaning}${always}`, generatedBy: ownPage ? 'gateway' : 'unknown' };
}

/** A 2xx/3xx with no CORS header although httpd may be set up for CORS. */
function missingCorsHint(r: ResponseRecord): string | null {
  if (r.status >= 400) return null; // explainApache speaks of `always` for errors
  return 'If httpd is meant to add them here: mod_headers must be loaded (a2enmod headers), the Header lines must sit in a <VirtualHost>, <Location> or <Directory> that matches this URL, and in .htaccess they only count with AllowOverride FileInfo (or All).';
}

/** Some CORS headers but no Allow-Origin on a 2xx: the lines without `always` missed an answer httpd made itself. */
function partialCorsHint(r: ResponseRecord): string | null {
  if (r.status >= 300) return null;
  return 'On httpd this is also the sign of `Header set` without `always` next to `Header always set` lines: httpd skips the plain ones on answers it makes itself, such as a preflight answered by a RewriteRule [R=204], so only the `always` ones arrive. If Access-Control-Allow-Origin is set for this origin, make it `Header always set`.';
}

export const apache: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'proxy',
  stacks: [apacheStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where, ctx) => explainApache(r, where, ctx),
  missingCorsHint,
  partialCorsHint,
  findings: () => [],
};
