/**
 * "Explain like I'm new": the jargon of one exchange's details, in plain words, each term tied to
 * the Learn step that explains it. Built from the exchange and its diagnosis (pure); the values
 * quoted come from the wire and are shown as text.
 */
import type { CorsError, Diagnosis, Exchange, Header, ResponseRecord } from '../../model';
import { isSameOrigin, normalizeOrigin, originOf } from '../../rules/cors';
import type { StepId } from './steps/ids';

export interface Term {
  id: string;
  term: string;
  text: string;
  step: StepId;
}

function header(headers: readonly Header[] | undefined, name: string): string | null {
  const lines = (headers ?? []).filter((h) => h.name.toLowerCase() === name);
  return lines.length ? lines.map((h) => h.value).join(', ') : null;
}

interface UrlBits { scheme: string; host: string; port: string }

function bits(url: string): UrlBits | null {
  try {
    const u = new URL(url);
    return { scheme: u.protocol.slice(0, -1), host: u.hostname, port: u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '') };
  } catch {
    return null;
  }
}

function originDifference(page: string, url: string): string {
  const a = bits(page);
  const b = bits(url);
  if (!a || !b) return 'they are not the same';
  const diffs: string[] = [];
  if (a.scheme !== b.scheme) diffs.push(`the scheme (${a.scheme} vs ${b.scheme})`);
  if (a.host !== b.host) diffs.push(`the host (${a.host} vs ${b.host})`);
  if (a.port !== b.port) diffs.push(`the port (${a.port} vs ${b.port})`);
  return diffs.length ? `they differ in ${diffs.join(' and ')}` : 'they are not the same';
}

/** Plain meaning of Chromium's CorsError names (the vocabulary DevTools and CDP use). */
const ERROR_WORDS: Partial<Record<CorsError, string>> = {
  MissingAllowOriginHeader: 'the answer had no Access-Control-Allow-Origin header at all, so the browser hid it from the page',
  PreflightMissingAllowOriginHeader: 'the answer to the preflight (OPTIONS) had no Access-Control-Allow-Origin, so the real request was never sent',
  AllowOriginMismatch: 'the server named a different origin than the page’s in Access-Control-Allow-Origin',
  PreflightAllowOriginMismatch: 'the preflight answer named a different origin than the page’s',
  MultipleAllowOriginValues: 'Access-Control-Allow-Origin held more than one value (a list, or the header twice); it must hold exactly one',
  PreflightMultipleAllowOriginValues: 'the preflight answer’s Access-Control-Allow-Origin held more than one value',
  InvalidAllowOriginValue: 'Access-Control-Allow-Origin held something that is not an origin',
  PreflightInvalidAllowOriginValue: 'the preflight answer’s Access-Control-Allow-Origin held something that is not an origin',
  WildcardOriginNotAllowed: 'the server allowed “*” (any origin), which is not accepted when the request carries cookies or other credentials',
  PreflightWildcardOriginNotAllowed: 'the preflight answer allowed “*”, which is not accepted for a request with credentials',
  InvalidAllowCredentials: 'the request carries credentials, and the answer lacked Access-Control-Allow-Credentials: true',
  PreflightInvalidAllowCredentials: 'the request carries credentials, and the preflight answer lacked Access-Control-Allow-Credentials: true',
  PreflightInvalidStatus: 'the preflight was answered with a status outside 200–299',
  PreflightDisallowedRedirect: 'the preflight was answered with a redirect, which the browser never follows for a preflight',
  MethodDisallowedByPreflightResponse: 'the preflight answer did not list this method in Access-Control-Allow-Methods',
  HeaderDisallowedByPreflightResponse: 'the preflight answer did not list one of the request’s headers in Access-Control-Allow-Headers',
  InvalidAllowMethodsPreflightResponse: 'Access-Control-Allow-Methods in the preflight answer is not a valid comma-separated list',
  InvalidAllowHeadersPreflightResponse: 'Access-Control-Allow-Headers in the preflight answer is not a valid comma-separated list',
  CorsDisabledScheme: 'the URL’s scheme is not http or https, and only those can be fetched cross-origin',
  DisallowedByMode: 'the page asked for a same-origin-only request (mode “same-origin”) to another origin',
  RedirectContainsCredentials: 'a redirect pointed to a URL with a user name or password in it',
};

const ERROR_STEP: Partial<Record<CorsError, StepId>> = {
  WildcardOriginNotAllowed: 'credentials', PreflightWildcardOriginNotAllowed: 'credentials',
  InvalidAllowCredentials: 'credentials', PreflightInvalidAllowCredentials: 'credentials',
  PreflightInvalidStatus: 'preflight', PreflightDisallowedRedirect: 'preflight',
  MethodDisallowedByPreflightResponse: 'response-headers', HeaderDisallowedByPreflightResponse: 'response-headers',
  InvalidAllowMethodsPreflightResponse: 'response-headers', InvalidAllowHeadersPreflightResponse: 'response-headers',
};

const AWS_PLATFORMS = new Set(['aws-apigateway-rest', 'aws-apigateway-http', 'aws-lambda-url', 'aws-cloudfront', 'aws-s3']);

/** The answer whose headers matter most here: the failing one, else the actual response, else the preflight's. */
function keyAnswer(exchange: Exchange, diagnosis: Diagnosis): { response: ResponseRecord; where: string } | null {
  const pf = exchange.preflight?.response;
  if (diagnosis.verdict.phase === 'preflight' && pf) return { response: pf, where: 'the preflight answer' };
  if (exchange.response) return { response: exchange.response, where: 'the answer' };
  return pf ? { response: pf, where: 'the preflight answer' } : null;
}

export function explainTerms(exchange: Exchange, diagnosis: Diagnosis): Term[] {
  const v = diagnosis.verdict;
  const terms: Term[] = [];
  const page = normalizeOrigin(exchange.pageOrigin);
  const target = originOf(exchange.request.url);
  const same = isSameOrigin(exchange.pageOrigin, exchange.request.url);

  terms.push({
    id: 'origin', term: 'Origin', step: 'origin',
    text: same
      ? `An origin is the scheme, host and port a page comes from. Your page (${page}) and this URL have the same origin, so CORS does not apply.`
      : `An origin is the scheme, host and port a page comes from. Your page is ${page}; this request goes to ${target}, and ${originDifference(exchange.pageOrigin, exchange.request.url)}, so it is a cross-origin request.`,
  });
  if (!v.crossOrigin) return terms;

  terms.push({
    id: 'cors', term: 'CORS', step: 'same-origin-policy',
    text: 'Cross-Origin Resource Sharing: response headers with which a server tells the browser which other origins may read its answers. The browser enforces it, so the fix is almost always on the server side: the API, gateway or proxy that answers.',
  });

  if (exchange.preflight) {
    const reasons = v.preflightReasons.length ? `, because ${v.preflightReasons.join('; ')}` : '';
    terms.push({
      id: 'preflight', term: 'Preflight', step: 'preflight',
      text: `Before sending the ${exchange.request.method} request, the browser asked for permission with an OPTIONS request${reasons}. If that answer does not allow the request, the real request is never sent.`,
    });
  } else if (exchange.preflightFromCache) {
    terms.push({
      id: 'preflight', term: 'Preflight cache', step: 'caches',
      text: 'This request needed a preflight, but the browser reused an earlier answer from its preflight cache (kept for Access-Control-Max-Age seconds), so no OPTIONS request went out.',
    });
  } else {
    terms.push({
      id: 'preflight', term: 'Simple request', step: 'simple-requests',
      text: 'No preflight was needed: the method is GET, HEAD or POST and every header is on the safe list, so the browser sent the request directly and then checked the answer.',
    });
  }

  const key = keyAnswer(exchange, diagnosis);
  if (key) {
    const acao = header(key.response.headers, 'access-control-allow-origin');
    terms.push({
      id: 'acao', term: 'Access-Control-Allow-Origin (ACAO)', step: 'response-headers',
      text: acao === null
        ? `The response header in which the server names who may read the answer. ${key.where[0]!.toUpperCase()}${key.where.slice(1)} did not have it.`
        : `The response header in which the server names who may read the answer. ${key.where[0]!.toUpperCase()}${key.where.slice(1)} said “${acao}”; it must be exactly ${page}, or * for requests without credentials.`,
    });
    const pfr = exchange.preflight?.response;
    if (pfr && key.response === pfr) {
      const methods = header(pfr.headers, 'access-control-allow-methods');
      const allowHeaders = header(pfr.headers, 'access-control-allow-headers');
      terms.push({
        id: 'allow-lists', term: 'Allow-Methods / Allow-Headers', step: 'response-headers',
        text: `The preflight answer’s lists of allowed methods (${methods ?? 'none sent'}) and request headers (${allowHeaders ?? 'none sent'}). GET, HEAD and POST always pass; other methods and every non-safelisted header must be listed.`,
      });
    }
    if (key.response.status >= 400) {
      terms.push({
        id: 'status', term: `Status ${key.response.status}`, step: AWS_PLATFORMS.has(diagnosis.platform.id) ? 'aws' : 'checks',
        text: v.blocked
          ? 'An error status. Error answers often come from a gateway, proxy or authorizer in front of your code that adds no CORS headers — so the browser reports a CORS error and hides the real error from your page.'
          : 'An error status. CORS does not judge the actual answer’s status: with the right headers your page can read this error and handle it.',
      });
    }
  }

  const creds = v.credentials;
  terms.push({
    id: 'credentials', term: 'Credentials', step: 'credentials',
    text: creds.mode === 'include'
      ? `Cookies, HTTP authentication or client certificates. This request sends them (credentials mode “include”${creds.inferred ? ', inferred' : ''}), so the server must name the origin exactly and answer Access-Control-Allow-Credentials: true.`
      : `Cookies, HTTP authentication or client certificates. This request sends none to the other origin (credentials mode “${creds.mode}”${creds.inferred ? ', inferred from what happened' : ''}).`,
  });

  if (v.corsError) {
    const words = ERROR_WORDS[v.corsError] ?? 'the check that failed, in Chromium’s words';
    terms.push({
      id: 'cors-error', term: v.corsError, step: ERROR_STEP[v.corsError] ?? 'checks',
      text: `Chromium’s name for the check that failed (DevTools and the Issues panel use it too): ${words}.${v.failedParameter ? ` The value involved: “${v.failedParameter}”.` : ''}`,
    });
  }

  if (v.blocked) {
    terms.push({
      id: 'blocked', term: 'Blocked', step: 'same-origin-policy',
      text: v.phase === 'preflight'
        ? 'The browser stopped at the preflight: the real request never reached the server.'
        : 'The request reached the server and it answered, but the browser refused to hand the answer to your page’s script (fetch rejects with “Failed to fetch”). The server may well have done the work.',
    });
  }

  if (diagnosis.platform.id !== 'unknown') {
    terms.push({
      id: 'platform', term: diagnosis.platform.name, step: AWS_PLATFORMS.has(diagnosis.platform.id) ? 'aws' : 'checks',
      text: `The service that answered, recognised from ${diagnosis.platform.evidence[0] ?? 'its headers'}. Where its CORS settings live is what the fixes below are about.`,
    });
  }
  return terms;
}
