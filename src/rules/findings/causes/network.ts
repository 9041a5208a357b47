/** Blocked without a CORS error: network failures, and captures without the headers that would tell. */
import { makeFinding } from '../catalogue';
import type { Candidate, RuleContext } from '../context';
import { oneLine } from '../wire';

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

export function noCorsError(ctx: RuleContext): Candidate {
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

