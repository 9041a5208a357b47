/**
 * Wire data is foreign (a newer or older worker, a hand-edited HAR): fill the fields the panel relies
 * on, or drop an entry that cannot be shown at all. Valid exchanges are returned as the same object.
 */
import type { Exchange } from '../../model';

export function normalizeExchange(e: unknown): Exchange | null {
  if (typeof e !== 'object' || e === null) return null;
  const x = e as Partial<Exchange>;
  const req = x.request;
  if (typeof x.id !== 'string' || typeof req !== 'object' || req === null
    || typeof req.url !== 'string' || typeof req.method !== 'string') return null;
  const ok = Array.isArray(req.headers) && Array.isArray(x.redirects) && typeof x.observed === 'object' && x.observed !== null
    && typeof x.pageOrigin === 'string' && typeof x.startedAt === 'number' && Number.isFinite(x.startedAt);
  if (ok) return x as Exchange;
  return {
    ...(x as Exchange),
    request: { ...req, headers: Array.isArray(req.headers) ? req.headers : [] },
    redirects: Array.isArray(x.redirects) ? x.redirects : [],
    observed: typeof x.observed === 'object' && x.observed !== null ? x.observed : {},
    pageOrigin: typeof x.pageOrigin === 'string' ? x.pageOrigin : '',
    startedAt: typeof x.startedAt === 'number' && Number.isFinite(x.startedAt) ? x.startedAt : 0,
  };
}
