/**
 * Data-driven platform detection: a platform is a list of weighted signals (response headers,
 * bodies, the request host, request headers). Independent signals combine as
 * 1 - Π(1 - weight), so two medium signals beat one weak one.
 */
import type { Exchange, PlatformId, PlatformMatch, ResponseRecord } from '../../model';
import { firstHeaderLine, hasHeader, headerLines, oneLine, parseUrl } from '../findings/wire';

export type Signal =
  | { kind: 'header'; name: string; value?: RegExp; weight: number }
  /** `prefix`: lowercase ASCII. */
  | { kind: 'header-prefix'; prefix: string; weight: number }
  | { kind: 'body'; pattern: RegExp; weight: number; label: string }
  | { kind: 'host'; pattern: RegExp; weight: number; label: string }
  | { kind: 'request-header'; name: string; weight: number }
  /** `input`: the responses and header names every platform's signals share (no need to walk them again). */
  | { kind: 'custom'; weight: number; test: (exchange: Exchange, input: SignalInput) => string | null };

export const MIN_CONFIDENCE = 0.3;

/** Every response in the exchange with its label, preflight first. */
export function responsesOf(exchange: Exchange): Array<{ where: string; response: ResponseRecord }> {
  const out: Array<{ where: string; response: ResponseRecord }> = [];
  const p = exchange.preflight;
  if (p?.redirect) out.push({ where: 'preflight response', response: p.redirect.response });
  else if (p?.response) out.push({ where: 'preflight response', response: p.response });
  exchange.redirects.forEach((h, i) => out.push({ where: `redirect ${i + 1} response`, response: h.response }));
  if (exchange.response) out.push({ where: 'response', response: exchange.response });
  return out;
}

/**
 * What the signals read of one exchange, worked out once and shared by every platform's detection
 * (eleven platforms test the same responses and hosts).
 */
export interface SignalInput {
  responses: ReadonlyArray<{ where: string; response: ResponseRecord }>;
  /** The response's header names, lowercased once for every signal of every platform (same order as its headers). */
  lowerNames(response: ResponseRecord): readonly string[];
  /** Lowercased hosts of the request URL and of every redirect target, in order (unparseable ones left out). */
  hosts(): readonly string[];
}

/** `url`: the request URL already parsed (saves parsing it again), when the caller has it. */
export function signalInput(exchange: Exchange, url?: URL | null): SignalInput {
  let hosts: string[] | undefined;
  const names = new Map<ResponseRecord, string[]>();
  return {
    responses: responsesOf(exchange),
    lowerNames(response) {
      let list = names.get(response);
      if (!list) names.set(response, (list = response.headers.map((h) => h.name.toLowerCase())));
      return list;
    },
    hosts() {
      if (!hosts) {
        const first = url === undefined ? parseUrl(exchange.request.url) : url;
        hosts = [first, ...exchange.redirects.map((h) => parseUrl(h.location))]
          .map((u) => u?.hostname.toLowerCase()).filter((h): h is string => !!h);
      }
      return hosts;
    },
  };
}

function testSignal(signal: Signal, exchange: Exchange, input: SignalInput): string | null {
  switch (signal.kind) {
    case 'header':
      for (const { where, response } of input.responses) {
        const value = firstHeaderLine(response, signal.name, signal.value, input.lowerNames(response));
        if (value !== undefined) return `${where}: ${signal.name}: ${oneLine(value, 80)}`;
      }
      return null;
    case 'header-prefix':
      for (const { where, response } of input.responses) {
        const names = input.lowerNames(response);
        // As ever, a name shorter than the (ASCII) prefix does not match, even one that lowercases longer (U+0130).
        const i = names.findIndex((n, k) => response.headers[k]!.name.length >= signal.prefix.length && n.startsWith(signal.prefix));
        if (i >= 0) return `${where}: ${response.headers[i]!.name} header`;
      }
      return null;
    case 'body':
      for (const { where, response } of input.responses) {
        if (response.body && signal.pattern.test(response.body)) return `${where} body: ${signal.label}`;
      }
      return null;
    case 'host': {
      const host = input.hosts().find((h) => signal.pattern.test(h));
      return host ? `host ${host} (${signal.label})` : null;
    }
    case 'request-header': {
      if (hasHeader(exchange.request, signal.name)) return `request header ${signal.name}`;
      const lower = signal.name.toLowerCase();
      const acrh = headerLines(exchange.preflight?.request, 'access-control-request-headers').join(',').toLowerCase();
      return acrh.split(',').map((s) => s.trim()).includes(lower) ? `request header ${signal.name}` : null;
    }
    case 'custom':
      return signal.test(exchange, input);
  }
}

export function matchSignals(id: PlatformId, name: string, exchange: Exchange, signals: readonly Signal[], input: SignalInput = signalInput(exchange)): PlatformMatch | null {
  const evidence: string[] = [];
  let miss = 1;
  for (const signal of signals) {
    const hit = testSignal(signal, exchange, input);
    if (hit === null) continue;
    evidence.push(hit);
    miss *= 1 - signal.weight;
  }
  const confidence = Math.round((1 - miss) * 1000) / 1000;
  return confidence >= MIN_CONFIDENCE ? { id, name, confidence, evidence } : null;
}
