/** Access-Control-Allow-Origin / -Credentials values that do not fit: mismatch, invalid, wildcard, lists, duplicates. */
import { makeFinding } from '../catalogue';
import type { Candidate, RuleContext } from '../context';
import { fixesFor } from '../context';
import type { Located } from '../facts';
import { headerEvidence, headerLines, headerValue, oneLine, originOf, splitList, varyHasOrigin } from '../wire';
import { ACAC, ACAO, deployNote, inferredNote, neverSent, originEvidence, q } from './text';

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

export function originMismatch(ctx: RuleContext, at: Located): Candidate {
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

export function invalidAllowOrigin(ctx: RuleContext, at: Located): Candidate {
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

export function wildcardWithCredentials(ctx: RuleContext, at: Located): Candidate {
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
  if (ids.includes('apache')) return 'Apache httpd (`Header always set` adds a line next to the app\'s instead of replacing it) and the application behind it both add it';
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

export function multipleOrigins(ctx: RuleContext, at: Located): Candidate {
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

export function credentialsFlagMissing(ctx: RuleContext, at: Located): Candidate {
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
