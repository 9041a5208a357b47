/**
 * Cause findings: why the browser blocked this exchange, read from the verdict (Chromium's
 * decision) and the wire. One builder per cause; platform knowledge comes in through
 * ctx.origin/ctx.edge (meanings and fix stacks), never by naming a platform here except where a
 * cause only exists on one (API Gateway proxy integrations).
 */
import type { CorsError, ResponseRecord } from '../../model';
import { makeFinding } from './catalogue';
import type { Candidate, ResponseMeaning, RuleContext } from './context';
import { fixesFor } from './context';
import type { Located } from './facts';
import { meaningOf } from './status';
import {
  bodyEvidence, bodyJson, cdnCacheHit, corsHeaderNames, headerEvidence, headerLines, headerValue, isOkStatus, oneLine, originOf,
  splitList, statusEvidence, varyHasOrigin,
} from './wire';

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const ACAM = 'Access-Control-Allow-Methods';
const ACAH = 'Access-Control-Allow-Headers';

/** API Gateway's console "Enable CORS" default list, and CDK's Cors.DEFAULT_HEADERS (adds X-Amz-User-Agent). */
const CONSOLE_DEFAULT_HEADERS = ['content-type', 'x-amz-date', 'authorization', 'x-api-key', 'x-amz-security-token'];

const q = (s: string): string => `"${oneLine(s, 120)}"`;
const listText = (items: readonly string[]): string => items.join(', ');

function neverSent(ctx: RuleContext): string {
  return ctx.facts.failingPhase === 'preflight' ? ` Because the preflight failed, the browser never sent the ${ctx.facts.method} request itself.` : '';
}

function inferredNote(ctx: RuleContext): string {
  return ctx.facts.credentialsInferred ? ' (The credentials mode was not recorded; it was inferred from the outcome.)' : '';
}

function originEvidence(ctx: RuleContext): string {
  return `request Origin: ${ctx.facts.sentOrigin}`;
}

/** "got 403." unless the meaning already starts with the status. */
function statusLead(status: number, meaning: ResponseMeaning): string {
  return meaning.meaning.startsWith(`HTTP ${status}`) ? '' : ` ${status}`;
}

const platformName = (ctx: RuleContext): string => (ctx.platform.id === 'unknown' ? 'the server' : ctx.platform.name);

/** API Gateway serves the last deployment: a fix made in the console or a template is live only once deployed. */
function deployNote(ctx: RuleContext): string {
  if (ctx.platform.id === 'aws-apigateway-rest') {
    const stage = ctx.spec.api.stage ? `stage "${ctx.spec.api.stage}"` : 'the stage';
    return ` If you already changed this in API Gateway, deploy the API to ${stage}: until then the stage keeps serving the old configuration.`;
  }
  if (ctx.platform.id === 'aws-apigateway-http') return ' If you already changed this, check that the stage was deployed (stages without automatic deployment keep the old configuration).';
  return '';
}

// ---------------------------------------------------------------- preflight status

function preflightStatusCandidate(ctx: RuleContext, at: Located, meaning: ResponseMeaning, corsHeadersOk: boolean, secondary: boolean): Candidate {
  const r = at.response;
  const status = r.status;
  const method = ctx.facts.method;
  const path = ctx.spec.path;
  const evidence = [statusEvidence(at.where, r), ...meaning.evidence, bodyEvidence(at.where, r), headerEvidence(at.where, r, ACAO)];
  const after = secondary ? ' Even after the header problem above is fixed, this status alone fails the preflight.' : '';
  switch (meaning.category) {
    case 'not-found':
    case 'method-blocked':
      return {
        finding: makeFinding('options-not-configured', {
          explanation: `Before sending ${method} ${path} the browser asked for permission with an OPTIONS request (the preflight) and got an error:${statusLead(status, meaning)} ${meaning.meaning} Nothing on ${platformName(ctx)} answers OPTIONS for this path with the CORS headers, so the browser stops there.${after}${neverSent(ctx)}`,
          evidence,
          fixes: fixesFor(ctx, ['allow']),
        }),
        headline: `The browser's OPTIONS preflight got ${status} (${meaning.label}), so the ${method} was never sent: nothing answers OPTIONS for ${path}.`,
        summary: `Preflight ${status}: ${meaning.category === 'not-found' ? meaning.label : `no OPTIONS handler (${meaning.label})`}`,
      };
    case 'auth':
    case 'forbidden':
      return {
        finding: makeFinding('preflight-auth-required', {
          explanation: `The preflight (OPTIONS ${path}) was rejected:${statusLead(status, meaning)} ${meaning.meaning} Browsers never send cookies, Authorization or API keys on a preflight, so authentication on OPTIONS fails every time, whatever the page does. Let OPTIONS through without authentication and keep it on ${method}.${after}${neverSent(ctx)}`,
          evidence,
          fixes: fixesFor(ctx, ['preflight-no-auth']),
        }),
        headline: `The browser's preflight was rejected with ${status} (${meaning.label}) — preflights never carry credentials, so OPTIONS must be allowed without auth.`,
        summary: `Preflight ${status}: auth on OPTIONS`,
      };
    case 'cors-rule':
      return corsRuleNoMatch(ctx, at, meaning);
    case 'cors-disabled':
      return corsNotEnabled(ctx, at, meaning);
    default:
      if (corsHeadersOk) {
        return {
          finding: makeFinding('preflight-invalid-status', {
            explanation: `The preflight answer had acceptable CORS headers but status ${status}. ${meaning.meaning} A preflight must answer with a 2xx status (200 or 204); anything else fails it.${neverSent(ctx)}`,
            evidence,
            fixes: fixesFor(ctx, ['allow']),
          }),
          headline: `The preflight answered ${status} (${meaning.label}) instead of 200/204, so the browser never sent the ${method}.`,
          summary: `Preflight status ${status}`,
        };
      }
      return {
        finding: makeFinding('error-response-missing-cors', {
          title: 'The preflight failed with an error and no CORS headers',
          explanation: `The preflight (OPTIONS ${path}) failed:${statusLead(status, meaning)} ${meaning.meaning} The error answer has no CORS headers, and a preflight must be a 2xx anyway, so the browser gives up before sending ${method}.${after}`,
          evidence,
          fixes: fixesFor(ctx, ['allow']),
        }),
        headline: `The preflight failed with ${status} (${meaning.label}) and no CORS headers, so the browser never sent the ${method}.`,
        summary: `Preflight ${status} (${meaning.label})`,
      };
  }
}

// ---------------------------------------------------------------- no CORS / allow-list

function corsNotEnabled(ctx: RuleContext, at: Located, meaning: ResponseMeaning | null): Candidate {
  const r = at.response;
  const preflight = at.where.startsWith('preflight');
  const extra: string[] = [];
  if (meaning && meaning.category !== 'backend') extra.push(meaning.meaning);
  if (ctx.platform.id === 'aws-apigateway-rest' && !preflight) {
    extra.push('On API Gateway REST, "Enable CORS" adds the header only for non-proxy integrations; with Lambda proxy or HTTP proxy the backend must return it.');
  }
  if (ctx.platform.id === 'aws-s3' && ctx.cdn?.id === 'aws-cloudfront') {
    extra.push('If the bucket does have a CORS configuration, CloudFront may not be forwarding the Origin header to S3 (put Origin in the cache policy, or use an origin request policy such as Managed-CORS-S3Origin).');
  }
  return {
    finding: makeFinding('cors-not-enabled', {
      explanation: `The ${at.where} (HTTP ${r.status}) has no Access-Control-Allow-Origin and no other CORS header: ${platformName(ctx)} does not have CORS set up for ${ctx.spec.path}. Without it the browser does not let a page from ${ctx.facts.pageOrigin} read the answer.${extra.length > 0 ? ` ${extra.join(' ')}` : ''}${deployNote(ctx)}${neverSent(ctx)}`,
      evidence: [statusEvidence(at.where, r), headerEvidence(at.where, r, ACAO), ...(meaning?.evidence ?? []), bodyEvidence(at.where, r), originEvidence(ctx)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: preflight
      ? `The server answered the preflight without any CORS headers, so the browser never sent the ${ctx.facts.method}.`
      : 'The server sent no CORS headers, so the browser blocked the page from reading the response.',
    summary: preflight ? 'No CORS headers on the preflight' : 'No CORS headers',
  };
}

function originNotAllowed(ctx: RuleContext, at: Located): Candidate {
  const r = at.response;
  const names = corsHeaderNames(r);
  const present = names.length > 0 ? names.join(', ') : 'Vary: Origin';
  return {
    finding: makeFinding('origin-not-allowed', {
      explanation: `The ${at.where} has CORS headers (${present}) but no Access-Control-Allow-Origin: a CORS layer is active and did not accept ${ctx.facts.sentOrigin}. Most CORS layers (the Express cors middleware with an origin list, S3 rules, API Management, Spring) simply leave the header out for an origin that is not on their list. Compare the list with the exact origin — scheme, host and port.${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, r, ACAO), ...names.map((n) => headerEvidence(at.where, r, n)), headerEvidence(at.where, r, 'Vary'), originEvidence(ctx)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The server has CORS configured, but your page's origin ${ctx.facts.sentOrigin} isn't on its allow-list.`,
    summary: 'Origin not on the allow-list',
  };
}

function corsRuleNoMatch(ctx: RuleContext, at: Located, meaning: ResponseMeaning): Candidate {
  const r = at.response;
  const asked = [`origin ${ctx.facts.sentOrigin}`, `method ${ctx.facts.method}`];
  if (ctx.facts.requestedHeaders.length > 0) asked.push(`headers ${listText(ctx.facts.requestedHeaders)}`);
  return {
    finding: makeFinding('cors-rule-no-match', {
      explanation: `${meaning.meaning} The browser asked for ${listText(asked)}; a single rule has to allow all of them at once.${neverSent(ctx)}`,
      evidence: [statusEvidence(at.where, r), ...meaning.evidence, bodyEvidence(at.where, r), originEvidence(ctx)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The server's CORS rules don't allow this request (${listText(asked)}).`,
    summary: 'No CORS rule matches',
  };
}

// ---------------------------------------------------------------- actual response without ACAO

function preflightPassed(ctx: RuleContext): boolean {
  // Only successful preflights are cached, so a cache-served preflight passed.
  if (ctx.exchange.preflightFromCache) return true;
  const p = ctx.facts.preflight;
  if (!p || !isOkStatus(p.status)) return false;
  const acao = headerValue(p, ACAO);
  return acao === '*' || acao === ctx.facts.sentOrigin;
}

/** A copy from the browser's HTTP cache (without Vary: Origin) or a CDN hit: the cache findings own these. */
function servedByACache(r: ResponseRecord): boolean {
  return ((r.fromCache === 'memory' || r.fromCache === 'disk') && !varyHasOrigin(r)) || cdnCacheHit(r) !== null;
}

function errorMissingCors(ctx: RuleContext, at: Located, meaning: ResponseMeaning): Candidate {
  const r = at.response;
  const extra: string[] = [];
  if (meaning.generatedBy === 'gateway' && meaning.gatewayResponse) {
    extra.push(`${platformName(ctx)} generated this answer itself (gateway response ${meaning.gatewayResponse}); gateway responses carry no CORS headers unless you add them, usually to DEFAULT_4XX and DEFAULT_5XX.`);
  }
  return {
    finding: makeFinding('error-response-missing-cors', {
      explanation: `The ${at.where} is an error:${statusLead(r.status, meaning)} ${meaning.meaning} It carries no Access-Control-Allow-Origin, so the browser hides it from the page and reports a CORS error instead. The real problem is the ${r.status}; the missing headers only hide it. Add the CORS headers to error responses too, so the page (and you) can see the real error.${extra.length > 0 ? ` ${extra.join(' ')}` : ''}`,
      evidence: [statusEvidence(at.where, r), ...meaning.evidence, bodyEvidence(at.where, r), headerEvidence(at.where, r, ACAO)],
      fixes: fixesFor(ctx, ['errors']),
    }),
    headline: `The server answered ${r.status} (${meaning.label}) without CORS headers, so the browser shows a CORS error instead of the real error.`,
    summary: `${r.status} without CORS headers (${meaning.label})`,
  };
}

function proxyMissingHeaders(ctx: RuleContext, at: Located, errorPath: boolean, meaning: ResponseMeaning | null): Candidate {
  const r = at.response;
  const json = bodyJson(r);
  const nonProxy = json !== null && typeof json.errorMessage === 'string' && typeof json.errorType === 'string';
  const lead = errorPath
    ? `API Gateway passed the backend's ${r.status} answer through, and it has no Access-Control-Allow-Origin.${meaning ? ` ${meaning.meaning}` : ''}`
    : `The preflight was answered with CORS headers, but the ${ctx.facts.method} response itself has no Access-Control-Allow-Origin.`;
  const rest = 'With a Lambda proxy or HTTP proxy integration API Gateway adds nothing to the response: the backend must return the CORS headers on every path, errors included ("Enable CORS" in the console only sets up OPTIONS). With a non-proxy integration, each integration response must map Access-Control-Allow-Origin.';
  const hint = nonProxy ? ' The body looks like a Lambda error passed through a non-proxy integration (errorMessage/errorType), so check the integration response mappings.' : '';
  return {
    finding: makeFinding('proxy-integration-missing-headers', {
      explanation: `${lead} ${rest}${hint}`,
      evidence: [statusEvidence(at.where, r), headerEvidence(at.where, r, ACAO), ctx.facts.preflight ? headerEvidence('preflight response', ctx.facts.preflight, ACAO) : null, bodyEvidence(at.where, r)],
      fixes: fixesFor(ctx, ['backend']),
    }),
    headline: errorPath
      ? `Your backend's ${r.status} answer reaches the browser without CORS headers — with a proxy integration the function must add them on error paths too.`
      : 'API Gateway answered the preflight, but your backend\'s response has no Access-Control-Allow-Origin — with a proxy integration the function must add it.',
    summary: errorPath ? `Backend ${r.status} without CORS headers` : 'Integration response without CORS headers',
  };
}

function corsOnlyOnPreflight(ctx: RuleContext, at: Located): Candidate {
  const r = at.response;
  return {
    finding: makeFinding('cors-only-on-preflight', {
      explanation: `The preflight was answered with CORS headers, but the ${ctx.facts.method} response (HTTP ${r.status}) has none. Often an OPTIONS handler or gateway setting answers preflights while the route itself (or the code path that produced this answer) does not add the headers.`,
      evidence: [statusEvidence(at.where, r), headerEvidence(at.where, r, ACAO), ctx.facts.preflight ? headerEvidence('preflight response', ctx.facts.preflight, ACAO) : null],
      fixes: fixesFor(ctx, ['backend', 'allow']),
    }),
    headline: `The preflight passed, but the ${ctx.facts.method} response has no Access-Control-Allow-Origin, so the page can't read it.`,
    summary: 'CORS headers only on the preflight',
  };
}

function actualMissingAcao(ctx: RuleContext, at: Located): Candidate[] {
  const r = at.response;
  // A cached copy or a CDN hit is the cause there; cache findings explain it.
  if (servedByACache(r)) return [];
  if (r.status >= 400) {
    const meaning = meaningOf(ctx, r, at.where);
    if (ctx.platform.id === 'aws-apigateway-rest' && meaning.generatedBy !== 'gateway') return [proxyMissingHeaders(ctx, at, true, meaning)];
    return [errorMissingCors(ctx, at, meaning)];
  }
  if (corsHeaderNames(r).length > 0 || varyHasOrigin(r)) return [originNotAllowed(ctx, at)];
  if (preflightPassed(ctx)) {
    return [ctx.platform.id === 'aws-apigateway-rest' ? proxyMissingHeaders(ctx, at, false, null) : corsOnlyOnPreflight(ctx, at)];
  }
  return [corsNotEnabled(ctx, at, meaningOf(ctx, r, at.where))];
}

// ---------------------------------------------------------------- origin value problems

function mismatchHint(acao: string, origin: string, apiOrigin: string | null): string {
  if (acao === 'null') return '; "null" matches only opaque origins (sandboxed frames, file: pages, some redirects)';
  const rest = acao.startsWith(origin) ? acao.slice(origin.length) : '';
  if (/^[/?#]/.test(rest)) return '; the value has extra characters after the origin (a trailing "/" or a path) — an origin never has them';
  if (/^\s+$/.test(rest)) return '; the value has trailing whitespace';
  if (acao.toLowerCase() === origin.toLowerCase()) return '; they differ only in letter case, and the comparison is case-sensitive';
  let a: URL | null = null;
  let o: URL | null = null;
  try {
    a = new URL(acao);
    o = new URL(origin);
  } catch {
    /* not URLs: no structural hint */
  }
  if (a && o) {
    if (apiOrigin && a.origin === apiOrigin) return '; the server named its own origin (the API URL) instead of the calling page';
    if (a.hostname === o.hostname && a.protocol !== o.protocol) return `; the scheme differs (${a.protocol.replace(':', '')} vs ${o.protocol.replace(':', '')})`;
    if (a.hostname === o.hostname && a.port !== o.port) return `; the port differs (${a.port || 'default'} vs ${o.port || 'default'})`;
    if (a.hostname.replace(/^www\./, '') === o.hostname.replace(/^www\./, '')) return '; one has "www." and the other does not';
  }
  return '';
}

function originMismatch(ctx: RuleContext, at: Located): Candidate {
  const r = at.response;
  const acao = headerValue(r, ACAO) ?? '';
  const origin = ctx.facts.sentOrigin;
  const hint = mismatchHint(acao, origin, originOf(ctx.exchange.request.url));
  const extra: string[] = [];
  const acaoIsOrigin = /^https?:\/\/[^/]+$/.test(acao);
  if (ctx.platform.id === 'aws-apigateway-rest' && varyHasOrigin(r) && acaoIsOrigin && hint === '') {
    extra.push('If this API was built with the CDK (defaultCorsPreflightOptions / addCorsPreflight) and several allowOrigins, origins not on the list get the FIRST listed origin back — so your origin is probably missing from that list (aws/aws-cdk#30453).');
  }
  if (acaoIsOrigin && hint === '') {
    extra.push('A fixed value can allow only one origin. To serve several, the server must compare the request\'s Origin with an allow-list and echo back the match (with Vary: Origin).');
  }
  return {
    finding: makeFinding('origin-mismatch', {
      explanation: `The ${at.where} says Access-Control-Allow-Origin: ${acao}, but the request came from ${origin}. The browser compares the two exactly, character by character${hint}.${extra.length > 0 ? ` ${extra.join(' ')}` : ''}${deployNote(ctx)}${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, r, ACAO), originEvidence(ctx), headerEvidence(at.where, r, 'Vary')],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The server allows ${q(acao)}, not your page's origin ${origin}${hint ? ` (${hint.replace(/^; /, '')})` : ''}.`,
    summary: `Origin mismatch: allows ${oneLine(acao, 60)}`,
  };
}

function invalidOriginHint(acao: string): string {
  if (/^['"].*['"]$/.test(acao)) return 'It still has quotes around it.';
  if (acao.includes('*')) return 'Wildcards inside an origin (like https://*.example.com) are not supported: only a bare * or one exact origin.';
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(acao)) return 'It has no scheme: an origin looks like https://host[:port].';
  if (/\s/.test(acao)) return 'It contains whitespace.';
  return 'An origin is scheme://host[:port], nothing else.';
}

function invalidAllowOrigin(ctx: RuleContext, at: Located): Candidate {
  const acao = headerValue(at.response, ACAO) ?? '';
  return {
    finding: makeFinding('invalid-allow-origin', {
      explanation: `The ${at.where} says Access-Control-Allow-Origin: ${acao}, which is not a valid origin, so it cannot match ${ctx.facts.sentOrigin}. ${invalidOriginHint(acao)}${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, at.response, ACAO), originEvidence(ctx)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `Access-Control-Allow-Origin is ${q(acao)}, which is not a valid origin, so the browser rejects it.`,
    summary: 'Invalid Access-Control-Allow-Origin',
  };
}

function wildcardWithCredentials(ctx: RuleContext, at: Located): Candidate {
  const acac = headerValue(at.response, ACAC);
  const extra: string[] = [];
  if (acac?.trim() === 'true') extra.push('Sending Access-Control-Allow-Credentials: true as well does not help: the combination is refused.');
  if (ctx.platform.id === 'aws-apigateway-http') extra.push('HTTP APIs refuse allowCredentials together with * at deploy time, so list the origins explicitly.');
  return {
    finding: makeFinding('wildcard-with-credentials', {
      explanation: `The ${at.where} allows any origin (Access-Control-Allow-Origin: *), but the request was sent with credentials (cookies or HTTP auth: fetch credentials "include", XHR withCredentials). For such requests the browser requires the exact origin and Access-Control-Allow-Credentials: true — never *.${extra.length > 0 ? ` ${extra.join(' ')}` : ''}${inferredNote(ctx)}${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, at.response, ACAO), headerEvidence(at.where, at.response, ACAC), `credentials mode: ${ctx.verdict.credentials.mode}${ctx.verdict.credentials.inferred ? ' (inferred)' : ''}`],
      fixes: fixesFor(ctx, ['allow', 'client-credentials']),
    }),
    headline: 'The server answers "Access-Control-Allow-Origin: *", which the browser refuses for a request that sends cookies or credentials.',
    summary: 'Wildcard origin with credentials',
  };
}

function layersHint(ctx: RuleContext): string {
  const ids = [ctx.platform.id, ctx.cdn?.id];
  if (ids.includes('aws-lambda-url')) return 'the function URL\'s CORS config and your function code both add it';
  if (ctx.cdn?.id === 'aws-cloudfront' && ctx.edgeConfigurable) return 'a CloudFront response headers policy (with Origin override off) and the origin both add it';
  if (ids.includes('nginx')) return 'nginx (add_header) and the application behind it both add it';
  if (ids.includes('aws-apigateway-rest')) return 'API Gateway (a header mapping or gateway response) and the backend, or a proxy in front and the app, both add it';
  return 'typically a proxy or gateway (nginx, an API gateway, a CDN) and the application both add it';
}

function duplicateHeaders(ctx: RuleContext, at: Located, header: string): Candidate {
  const lines = headerLines(at.response, header);
  const joined = headerValue(at.response, header) ?? '';
  return {
    finding: makeFinding('duplicate-cors-headers', {
      explanation: `The ${at.where} carries ${header} ${lines.length > 1 ? `${lines.length} times` : 'with the same value twice'} (${q(joined)}). The browser joins repeated lines into one value and rejects it. Two layers are adding CORS headers: ${layersHint(ctx)}. Keep exactly one.${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, at.response, header)],
      fixes: fixesFor(ctx, ['single-source']),
    }),
    headline: `Two layers both add ${header} (${q(joined)}), and the browser rejects the doubled value.`,
    summary: `Duplicate ${header}`,
  };
}

function multipleOrigins(ctx: RuleContext, at: Located): Candidate {
  const lines = headerLines(at.response, ACAO);
  const parts = lines.flatMap((l) => splitList(l));
  const allSame = parts.length > 1 && parts.every((p) => p === parts[0]);
  if (lines.length > 1 || allSame) return duplicateHeaders(ctx, at, ACAO);
  const value = headerValue(at.response, ACAO) ?? '';
  const samLocal = /\blocalhost:3000\b|127\.0\.0\.1:3000/.test(ctx.exchange.request.url)
    ? ' (`sam local start-api` is known to join configured origins with commas like this.)' : '';
  const merged = parts.includes('*')
    ? ' A list mixing * with an origin usually comes from two configurations merged into one header — for example Serverless Framework events on the same path with different cors settings, or a proxy and the application.' : '';
  return {
    finding: makeFinding('multiple-origins', {
      explanation: `Access-Control-Allow-Origin holds a list (${q(value)}). The header takes exactly one origin or *, never a list. To allow several origins the server must compare the request's Origin with its allow-list and echo back only the match, with Vary: Origin.${merged}${samLocal}${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, at.response, ACAO), originEvidence(ctx)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `Access-Control-Allow-Origin lists several origins (${q(value)}); it must name exactly one.`,
    summary: 'Several origins in one header',
  };
}

function credentialsFlagMissing(ctx: RuleContext, at: Located): Candidate {
  const lines = headerLines(at.response, ACAC);
  if (lines.length > 1 || /^\s*true\s*,\s*true\s*$/i.test(lines[0] ?? '')) return duplicateHeaders(ctx, at, ACAC);
  const acac = headerValue(at.response, ACAC);
  const state = acac === null ? 'The header is missing.' : `It says ${q(acac)}${acac.trim().toLowerCase() === 'true' ? ' — the value is case-sensitive: only lower-case "true" counts' : ''}.`;
  return {
    finding: makeFinding('credentials-flag-missing', {
      explanation: `The request was sent with credentials (cookies or HTTP auth), so besides the exact origin the browser needs Access-Control-Allow-Credentials: true on the ${at.where}. ${state} If the page does not need cookies, stop sending credentials instead.${inferredNote(ctx)}${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, at.response, ACAC), headerEvidence(at.where, at.response, ACAO), `credentials mode: ${ctx.verdict.credentials.mode}${ctx.verdict.credentials.inferred ? ' (inferred)' : ''}`],
      fixes: fixesFor(ctx, ['allow', 'client-credentials']),
    }),
    headline: 'The request sends credentials, but the server does not answer "Access-Control-Allow-Credentials: true".',
    summary: 'Allow-Credentials not "true"',
  };
}

// ---------------------------------------------------------------- methods and headers

function methodNotAllowed(ctx: RuleContext, at: Located): Candidate {
  const method = ctx.facts.method;
  const acam = headerValue(at.response, ACAM);
  const allowed = splitList(acam);
  const notes: string[] = [];
  const remedies: Array<'allow' | 'client-method-case'> = ['allow'];
  if (allowed.some((m) => m.toUpperCase() === method.toUpperCase() && m !== method)) {
    notes.push(`The list has ${allowed.find((m) => m.toUpperCase() === method.toUpperCase())}, but the page sent "${method}": the comparison is case-sensitive, and fetch upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT.`);
    remedies.push('client-method-case');
  } else if (method !== method.toUpperCase()) {
    notes.push(`The page sent the method as "${method}"; fetch does not upper-case it, and the comparison is case-sensitive.`);
    remedies.push('client-method-case');
  }
  if (allowed.includes('*') && ctx.facts.credentialsInclude) notes.push('"*" counts as a wildcard only for requests without credentials; this one has credentials.');
  if (ctx.platform.id === 'aws-s3') notes.push('S3 CORS rules accept only GET, PUT, POST, DELETE and HEAD.');
  return {
    finding: makeFinding('method-not-allowed', {
      explanation: `The preflight asked permission for ${method} (Access-Control-Request-Method: ${method}) and the answer allows ${acam === null ? 'no methods at all (no Access-Control-Allow-Methods header)' : `only ${acam}`}. GET, HEAD and POST are always allowed; every other method must be listed.${notes.length > 0 ? ` ${notes.join(' ')}` : ''}${deployNote(ctx)}${neverSent(ctx)}`,
      evidence: [`preflight request: Access-Control-Request-Method: ${method}`, headerEvidence(at.where, at.response, ACAM)],
      fixes: fixesFor(ctx, remedies),
    }),
    headline: `The server's preflight answer doesn't allow the ${method} method (it allows ${acam === null ? 'none' : q(acam)}), so the browser never sent the request.`,
    summary: `Method ${method} not allowed`,
  };
}

function headerNotAllowed(ctx: RuleContext, at: Located): Candidate {
  const failed = ctx.verdict.failedParameter?.toLowerCase();
  const missing = ctx.facts.missingHeaders.length > 0 ? ctx.facts.missingHeaders : failed ? [failed] : [];
  const acah = headerValue(at.response, ACAH);
  const allowed = splitList(acah).map((h) => h.toLowerCase());
  const notes: string[] = [];
  if (missing.includes('content-type')) {
    const ct = headerValue(ctx.exchange.request, 'content-type');
    notes.push(`Content-Type${ct ? `: ${oneLine(ct, 60)}` : ''} is not one of the three "simple" types (form, multipart, text/plain), so it must be allowed explicitly — application/json always needs this.`);
  }
  if (missing.includes('authorization')) notes.push('Authorization must always be named explicitly.');
  if (allowed.includes('*') && ctx.facts.credentialsInclude) notes.push('"*" is a wildcard only for requests without credentials; with credentials it is read as a header literally named "*".');
  const setOf = (xs: readonly string[]): string => [...new Set(xs)].sort().join(',');
  if (allowed.length > 0 && (setOf(allowed) === setOf(CONSOLE_DEFAULT_HEADERS) || setOf(allowed) === setOf([...CONSOLE_DEFAULT_HEADERS, 'x-amz-user-agent']))) {
    notes.push('This is API Gateway\'s default list from "Enable CORS" (or CDK\'s Cors.DEFAULT_HEADERS): your own headers have to be added to it.');
  }
  const acrh = ctx.facts.requestedHeaders.join(',');
  return {
    finding: makeFinding('header-not-allowed', {
      explanation: `The preflight asked to send ${listText(ctx.facts.requestedHeaders)} (Access-Control-Request-Headers: ${acrh}), but Access-Control-Allow-Headers ${acah === null ? 'is missing' : `only lists ${acah}`}. Not allowed: ${listText(missing)}. Every header the page sets, other than a few simple ones, must be listed (case does not matter).${notes.length > 0 ? ` ${notes.join(' ')}` : ''}${deployNote(ctx)}${neverSent(ctx)}`,
      evidence: [`preflight request: Access-Control-Request-Headers: ${oneLine(acrh)}`, headerEvidence(at.where, at.response, ACAH), ctx.verdict.failedParameter ? `Chromium failedParameter: ${oneLine(ctx.verdict.failedParameter, 60)}` : null],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The server didn't allow the request header${missing.length > 1 ? 's' : ''} ${listText(missing)} in its preflight answer, so the browser never sent the ${ctx.facts.method}.`,
    summary: `Header${missing.length > 1 ? 's' : ''} not allowed: ${oneLine(listText(missing), 60)}`,
  };
}

export function acaoAsRequestHeader(ctx: RuleContext, names: readonly string[], blocking: boolean): Candidate {
  return {
    finding: makeFinding('acao-sent-as-request-header', {
      severity: blocking ? 'error' : 'warning',
      kind: blocking ? 'cause' : 'info',
      explanation: `The page itself sends ${listText(names)} as a request header. Access-Control-Allow-* are response headers — only the server can send them. On a request they do nothing except make it non-simple (forcing a preflight) and then need to be allowed by the preflight${blocking ? ', which this one was not' : ''}. Remove them from the request code (fetch headers, axios defaults, interceptors).`,
      evidence: names.map((n) => `request header: ${n}`),
      fixes: fixesFor(ctx, ['client-remove-header']),
    }),
    headline: blocking ? `Your code sends "${names[0] ?? ''}" as a request header; that's a response header, and the server's preflight doesn't allow it.` : undefined,
    summary: blocking ? 'CORS header sent by the page' : undefined,
  };
}

export function authorizationWildcard(ctx: RuleContext, at: Located, blocking: boolean): Candidate {
  const acah = headerValue(at.response, ACAH) ?? '';
  return {
    finding: makeFinding('authorization-not-covered-by-wildcard', {
      severity: blocking ? 'error' : 'warning',
      kind: blocking ? 'cause' : 'info',
      explanation: blocking
        ? `The preflight asked for Authorization and the answer allows headers with "*" (${acah}). The Fetch standard says "*" never covers Authorization, and this browser enforced that rule. Name Authorization explicitly in Access-Control-Allow-Headers.${neverSent(ctx)}`
        : `The preflight asked for Authorization and the answer allows headers with "*" (${acah}). Chromium 156 accepted this, but the Fetch standard says "*" never covers Authorization, and browsers that follow it (Firefox, Safari; not verified here) block the request. Name Authorization explicitly to work everywhere.`,
      evidence: ['preflight request: Access-Control-Request-Headers includes authorization', headerEvidence(at.where, at.response, ACAH)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: blocking ? 'The server allows headers with "*", which does not cover Authorization, so the browser refused to send it.' : undefined,
    summary: blocking ? 'Authorization not covered by *' : undefined,
  };
}

function invalidAllowList(ctx: RuleContext, at: Located, header: string): Candidate {
  const value = headerValue(at.response, header) ?? '';
  const bad = value.split(',').map((t) => t.trim()).filter((t) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(t));
  const detail = bad.length > 0 ? ` Not valid names: ${bad.map((b) => q(b)).join(', ')} (names may not contain spaces, quotes, slashes, semicolons or other separators; items are separated by commas).` : '';
  return {
    finding: makeFinding('invalid-allow-list', {
      explanation: `The preflight's ${header} is not a valid comma-separated list of names: ${q(value)}.${detail} The browser cannot read it, so the preflight fails.${neverSent(ctx)}`,
      evidence: [headerEvidence(at.where, at.response, header)],
      fixes: fixesFor(ctx, ['allow']),
    }),
    headline: `The preflight's ${header} value ${q(value)} is malformed, so the browser rejected the preflight.`,
    summary: `Malformed ${header}`,
  };
}

// ---------------------------------------------------------------- redirects and browser-side refusals

function redirectReason(from: string, to: string): string {
  try {
    const a = new URL(from);
    const b = new URL(to, from);
    if (a.protocol === 'http:' && b.protocol === 'https:' && a.host === b.host) return 'It is an http → https upgrade: call the https URL directly.';
    if (a.origin === b.origin && (a.pathname + '/' === b.pathname || b.pathname + '/' === a.pathname)) return 'It only adds or removes a trailing slash: call the URL exactly as the server wants it.';
    if (/login|signin|sign-in|auth|oauth|sso/i.test(b.pathname + b.hostname)) return 'It looks like a redirect to a login page: something asks for authentication on OPTIONS.';
    if (a.host !== b.host) return `It sends the request to another host (${b.host}).`;
  } catch {
    /* unparseable: no hint */
  }
  return '';
}

function preflightRedirect(ctx: RuleContext, at: Located): Candidate {
  const hop = ctx.facts.preflightRedirect;
  const r = at.response;
  const location = hop?.location ?? headerValue(r, 'location') ?? '(no Location header)';
  const reason = redirectReason(ctx.exchange.request.url, location);
  return {
    finding: makeFinding('preflight-redirect', {
      explanation: `The preflight (OPTIONS ${ctx.spec.path}) was answered with a ${r.status} redirect to ${oneLine(location, 200)}. Browsers never follow redirects for a preflight. ${reason}${neverSent(ctx)}`,
      evidence: [statusEvidence(at.where, r), headerEvidence(at.where, r, 'Location')],
      fixes: fixesFor(ctx, ['client-final-url']),
    }),
    headline: `The server answered the preflight with a redirect (${r.status} → ${oneLine(location, 80)}), which browsers never follow for preflights.`,
    summary: `Preflight redirected (${r.status})`,
  };
}

function taintedOrigin(ctx: RuleContext, at: Located): Candidate {
  const chain = [ctx.exchange.request.url, ...ctx.exchange.redirects.map((h) => h.location)].map((u) => oneLine(u, 120));
  const acao = headerValue(at.response, ACAO) ?? '';
  return {
    finding: makeFinding('redirect-tainted-origin', {
      explanation: `The request was redirected across origins (${chain.join(' → ')}). After a cross-origin redirect of a cross-origin request the browser sends "Origin: null", and the final answer allows ${q(acao)}, which does not match "null". Call the final URL directly instead of relying on the redirect. (Allowing "null" would let any sandboxed page in — don't.)`,
      evidence: [...ctx.exchange.redirects.map((h, i) => `redirect ${i + 1}: HTTP ${h.response.status} → ${oneLine(h.location, 120)}`), 'request Origin after the redirect: null', headerEvidence(at.where, at.response, ACAO)],
      fixes: fixesFor(ctx, ['client-final-url']),
    }),
    headline: 'A redirect to another origin turned the request\'s Origin into "null", which the server does not allow.',
    summary: 'Origin became "null" after a redirect',
  };
}

function simple(ctx: RuleContext, id: 'redirect-contains-credentials' | 'preflight-network-error' | 'browser-refused-request' | 'local-network-access' | 'unexplained-block', explanation: string, headline: string, summary: string, evidence: Array<string | null> = []): Candidate {
  return { finding: makeFinding(id, { explanation, evidence: [`Chromium CORS error: ${ctx.verdict.corsError ?? 'none'}`, ...evidence] }), headline, summary };
}

const LOCAL_NETWORK: ReadonlySet<CorsError> = new Set<CorsError>([
  'InsecurePrivateNetwork', 'InvalidPrivateNetworkAccess', 'UnexpectedPrivateNetworkAccess', 'PreflightMissingPrivateNetworkAccessId',
  'PreflightMissingPrivateNetworkAccessName', 'PrivateNetworkAccessPermissionUnavailable', 'PrivateNetworkAccessPermissionDenied',
  'LocalNetworkAccessPermissionDenied', 'InsecureLocalNetwork', 'InvalidLocalNetworkAccess', 'PreflightMissingAllowExternal', 'PreflightInvalidAllowExternal',
]);

// ---------------------------------------------------------------- blocked without a CORS error

/** Network errors that are never CORS decisions, with what usually causes them. */
const NET_ERRORS: ReadonlyArray<[RegExp, string]> = [
  [/ERR_CONNECTION_REFUSED/, 'nothing listens on that host and port — is the server running, and is the port right?'],
  [/ERR_NAME_NOT_RESOLVED/, 'the host name does not resolve — a typo, or a DNS record (or private DNS) missing for this network.'],
  [/ERR_CERT_|ERR_SSL_/, 'the TLS handshake failed — the certificate does not match the host or is not trusted.'],
  [/ERR_BLOCKED_BY_CLIENT/, 'a browser extension (an ad or privacy blocker) cancelled it.'],
  [/ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED/, 'the network went away.'],
  [/ERR_CONNECTION_(RESET|CLOSED)|ERR_EMPTY_RESPONSE/, 'the server or something in between closed the connection without an answer.'],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/, 'no answer in time — a firewall, a security group or an overloaded server.'],
];

function noCorsError(ctx: RuleContext): Candidate {
  const v = ctx.verdict;
  const errorText = ctx.exchange.observed.errorText;
  if (errorText && !/ERR_FAILED$/.test(errorText) && !ctx.exchange.response) {
    const why = NET_ERRORS.find(([re]) => re.test(errorText))?.[1] ?? 'the connection failed before an HTTP answer arrived.';
    return {
      finding: makeFinding('network-error', {
        explanation: `The request failed with ${oneLine(errorText, 60)}: ${why} No HTTP answer arrived, so no CORS check ran — this is not a CORS problem, even if the console mentions CORS.`,
        evidence: [`browser error: ${errorText}`, ...v.notes],
      }),
      headline: `The request never got an HTTP answer (${oneLine(errorText, 60)}), so this is a network problem, not CORS.`,
      summary: `Network error: ${oneLine(errorText.replace(/^net::/, ''), 40)}`,
    };
  }
  const parts = ['The browser blocked this request, but the captured data does not say which CORS check failed'];
  if (!ctx.exchange.response) parts.push(' — no response headers were captured (HAR files written by some tools omit them for blocked requests, and requests made before DevTools opened are incomplete)');
  if (v.preflightReasons.length > 0 && !ctx.exchange.preflight && !ctx.exchange.preflightFromCache) {
    parts.push(`. A preflight was needed (${v.preflightReasons.join('; ')}) but is not in the capture, so the failure is most likely in the preflight`);
  }
  parts.push('. Capture it again with the panel open (or look at the Issues panel in DevTools) to see the exact check.');
  return {
    finding: makeFinding('unexplained-block', { explanation: parts.join(''), evidence: [`browser error: ${errorText ?? 'not recorded'}`, ...v.notes] }),
    headline: 'The browser blocked this request, but the capture lacks the headers that would show why.',
    summary: 'Blocked (no headers captured)',
  };
}

// ---------------------------------------------------------------- dispatch

/** The located response the failing check read; falls back to the preflight/actual response. */
function failingAt(ctx: RuleContext): Located | null {
  if (ctx.facts.failing) return ctx.facts.failing;
  if (ctx.facts.preflight) return { where: 'preflight response', response: ctx.facts.preflight };
  return ctx.facts.actual ? { where: 'response', response: ctx.facts.actual } : null;
}

/** A non-2xx preflight that failed first on a header check: its status is a second problem. */
function secondaryPreflightStatus(ctx: RuleContext, at: Located, err: CorsError): Candidate[] {
  if (!at.where.startsWith('preflight') || isOkStatus(at.response.status) || err === 'PreflightInvalidStatus' || err === 'PreflightMissingAllowOriginHeader') return [];
  if (err === 'PreflightDisallowedRedirect') return [];
  const c = preflightStatusCandidate(ctx, at, meaningOf(ctx, at.response, at.where), true, true);
  return [{ finding: c.finding }];
}

export function causeFindings(ctx: RuleContext): Candidate[] {
  const v = ctx.verdict;
  if (!v.crossOrigin || !v.blocked) return [];
  const err = v.corsError;
  const at = failingAt(ctx);
  if (err === null) return [noCorsError(ctx)];
  if (LOCAL_NETWORK.has(err)) {
    return [simple(ctx, 'local-network-access', 'A public page (or a less private one) tried to reach a more private address (localhost or a private IP). Chromium requires a secure context, a preflight answered with Access-Control-Allow-Private-Network / the Local Network Access permission, depending on the version. Serve the page over HTTPS and allow the access, or call a public endpoint.', 'The browser blocked a call from a public page to a private or local address (Local Network Access).', 'Local Network Access', [ctx.facts.url ? `target: ${ctx.facts.url.origin}` : null])];
  }
  const out: Candidate[] = [];
  switch (err) {
    case 'PreflightMissingAllowOriginHeader':
    case 'PreflightInvalidStatus': {
      if (!at) break;
      const r = at.response;
      if (!isOkStatus(r.status)) {
        out.push(preflightStatusCandidate(ctx, at, meaningOf(ctx, r, at.where), err === 'PreflightInvalidStatus', false));
        break;
      }
      const meaning = meaningOf(ctx, r, at.where);
      if (corsHeaderNames(r).length > 0 || varyHasOrigin(r)) out.push(originNotAllowed(ctx, at));
      else if (meaning.category === 'cors-rule') out.push(corsRuleNoMatch(ctx, at, meaning));
      else out.push(corsNotEnabled(ctx, at, meaning));
      break;
    }
    case 'MissingAllowOriginHeader':
      if (at) out.push(...actualMissingAcao(ctx, at));
      break;
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      if (at) out.push(wildcardWithCredentials(ctx, at));
      break;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      if (at) out.push(multipleOrigins(ctx, at));
      break;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      if (at) out.push(invalidAllowOrigin(ctx, at));
      break;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      if (!at) break;
      if (ctx.facts.taintedByRedirect && ctx.facts.failingPhase !== 'preflight') out.push(taintedOrigin(ctx, at));
      // A CDN hit carrying another origin's value is the CDN cache's doing (cache findings explain it).
      else if (!(ctx.facts.failingPhase === 'actual' && servedByACache(at.response))) out.push(originMismatch(ctx, at));
      break;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      if (at) out.push(credentialsFlagMissing(ctx, at));
      break;
    case 'InvalidAllowMethodsPreflightResponse':
      if (at) out.push(invalidAllowList(ctx, at, ACAM));
      break;
    case 'InvalidAllowHeadersPreflightResponse':
      if (at) out.push(invalidAllowList(ctx, at, ACAH));
      break;
    case 'MethodDisallowedByPreflightResponse':
      if (at) out.push(methodNotAllowed(ctx, at));
      break;
    case 'HeaderDisallowedByPreflightResponse': {
      if (!at) break;
      const failed = (v.failedParameter ?? ctx.facts.missingHeaders[0] ?? '').toLowerCase();
      const acah = splitList(headerValue(at.response, ACAH));
      if (failed.startsWith('access-control-')) {
        out.push(acaoAsRequestHeader(ctx, ctx.facts.requestedHeaders.filter((h) => h.startsWith('access-control-')), true));
      } else if (failed === 'authorization' && acah.includes('*') && !acah.some((h) => h.toLowerCase() === 'authorization') && !ctx.facts.credentialsInclude) {
        out.push(authorizationWildcard(ctx, at, true));
      } else {
        out.push(headerNotAllowed(ctx, at));
      }
      break;
    }
    case 'PreflightDisallowedRedirect':
      if (at) out.push(preflightRedirect(ctx, at));
      break;
    case 'RedirectContainsCredentials':
      out.push(simple(ctx, 'redirect-contains-credentials', 'A redirect for this cross-origin request points to a URL with a user name or password in it (https://user:pass@host/…). Browsers refuse to follow such redirects for CORS requests. Redirect to a URL without credentials and authenticate with headers instead.', 'A redirect points to a URL containing user:password, which the browser refuses for CORS requests.', 'Redirect with credentials in URL', ctx.exchange.redirects.map((h) => `redirect: HTTP ${h.response.status}`)));
      break;
    case 'InvalidResponse':
      out.push(simple(ctx, 'preflight-network-error', `The preflight never got a usable HTTP answer${ctx.exchange.preflight?.error ? ` (${oneLine(ctx.exchange.preflight.error, 80)})` : ''}: connection refused, DNS, TLS or a reset. This is a network problem, not a header problem — check that the server is reachable from the browser at ${ctx.facts.url?.origin ?? 'this URL'}.`, 'The preflight failed at the network level (no HTTP answer), so the request was never sent.', 'Preflight network error', [ctx.exchange.preflight?.error ? `preflight error: ${oneLine(ctx.exchange.preflight.error, 80)}` : null]));
      break;
    case 'DisallowedByMode':
    case 'CorsDisabledScheme':
    case 'NoCorsRedirectModeNotFollow': {
      const why = err === 'DisallowedByMode'
        ? 'The request was made with mode "same-origin" but goes to another origin: the browser refuses it before sending. Use mode "cors" (the default for fetch).'
        : err === 'CorsDisabledScheme'
          ? `The URL's scheme (${ctx.facts.url?.protocol ?? 'unknown'}) does not support CORS: only http and https do. file:// and custom schemes cannot be fetched cross-origin.`
          : 'A no-cors request was made with a redirect mode other than "follow", which the browser refuses.';
      out.push(simple(ctx, 'browser-refused-request', why, 'The browser refused to send this request because of how the page made it.', 'Refused by the browser'));
      break;
    }
    default:
      out.push(simple(ctx, 'unexplained-block', `Chromium reported ${err}, which the rules have no explanation for yet.`, `The browser blocked this request (${err}).`, err));
  }
  if (at) out.push(...secondaryPreflightStatus(ctx, at, err));
  // A verdict the captured data cannot back up (e.g. the failing response is missing): say so rather than nothing.
  if (out.length === 0 && !(err === 'MissingAllowOriginHeader' && at && servedByACache(at.response))) {
    out.push(simple(ctx, 'unexplained-block', `Chromium reported ${err}, but the capture does not contain the ${ctx.facts.failingPhase ?? 'failing'} response that would show why.`, `The browser blocked this request (${err}), but the failing response is not in the capture.`, err));
  }
  return out;
}
