/**
 * The request mode, which neither HAR nor webRequest records directly. In order of trust:
 * the exchange's own `mode`, the Sec-Fetch-Mode request header Chromium sends, then the
 * resource type (with the Origin header telling a crossorigin <img>/<script> from a plain one).
 */
import type { Exchange, RequestMode } from '../../model';
import { getHeader } from './headers';
import { isSafelistedMethod } from './safelist';

export type ResolvedMode = RequestMode | 'websocket';

export interface ModeResolution {
  mode: ResolvedMode;
  /** Where the mode came from, for the explanation. */
  source: 'exchange' | 'sec-fetch-mode' | 'resource-type' | 'default';
}

const NAVIGATION_TYPES = new Set(['main_frame', 'sub_frame', 'document', 'navigation', 'outermost_frame']);
const CORS_TYPES = new Set(['xmlhttprequest', 'xhr', 'fetch', 'eventsource', 'font', 'preflight']);
/** Element-initiated loads: no-cors unless the element asked for CORS (crossorigin attribute). */
const ELEMENT_TYPES = new Set(['image', 'img', 'script', 'stylesheet', 'media', 'object', 'ping', 'csp_report', 'beacon', 'texttrack', 'manifest']);

export function resolveRequestMode(exchange: Exchange): ModeResolution {
  if (exchange.mode) return { mode: exchange.mode, source: 'exchange' };
  const secFetchMode = getHeader(exchange.request.headers, 'sec-fetch-mode')?.toLowerCase();
  if (secFetchMode === 'cors' || secFetchMode === 'no-cors' || secFetchMode === 'navigate' || secFetchMode === 'same-origin' || secFetchMode === 'websocket') {
    return { mode: secFetchMode, source: 'sec-fetch-mode' };
  }
  const type = exchange.resourceType?.toLowerCase();
  if (type) {
    if (NAVIGATION_TYPES.has(type)) return { mode: 'navigate', source: 'resource-type' };
    if (type === 'websocket') return { mode: 'websocket', source: 'resource-type' };
    if (CORS_TYPES.has(type)) return { mode: 'cors', source: 'resource-type' };
    if (ELEMENT_TYPES.has(type)) {
      // A crossorigin element sends Origin on its GET; a POST (ping, report) sends Origin in no-cors mode too.
      const corsElement = getHeader(exchange.request.headers, 'origin') !== null && isSafelistedMethod(exchange.request.method) && exchange.request.method.toUpperCase() !== 'POST';
      return { mode: corsElement ? 'cors' : 'no-cors', source: 'resource-type' };
    }
  }
  return { mode: 'cors', source: 'default' };
}
