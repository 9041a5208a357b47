/**
 * Live captures hold no body for a preflight answer or for a response the browser blocked: DevTools
 * hands none over and webRequest never sees bodies. HAR files with content, the CLI probe and
 * Re-check do have them. Where only the body tells two causes apart, the rules say so in one finding
 * and show how to read it; these helpers keep that wording the same everywhere.
 */
import type { ResponseRecord } from '../../model';
import type { RuleContext } from './context';
import { shStr } from './fixes/quote';

/** The capture holds no body for this answer (absent, or empty where the platform always sends one). */
export function bodyUnseen(r: ResponseRecord): boolean {
  return !(r.body ?? '').trim();
}

/**
 * A curl command repeating the preflight: the URL without query or fragment, the Origin, the method and
 * the requested header NAMES (a preflight carries no header values, so no secret ends up in the text).
 */
export function preflightCurl(ctx: RuleContext): string | null {
  const url = ctx.facts.url;
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  const parts = ['curl -i -X OPTIONS', shStr(`${url.origin}${url.pathname}`), '-H', shStr(`Origin: ${ctx.facts.pageOrigin}`),
    '-H', shStr(`Access-Control-Request-Method: ${ctx.facts.method}`)];
  if (ctx.facts.requestedHeaders.length > 0) parts.push('-H', shStr(`Access-Control-Request-Headers: ${ctx.facts.requestedHeaders.join(',')}`));
  return parts.join(' ');
}

/** "The body says which … to read it: …" for an answer whose body the capture lacks. */
export function readBodyHint(ctx: RuleContext, where: string): string {
  const preflight = where.startsWith('preflight');
  const curl = preflight ? preflightCurl(ctx) : null;
  const what = preflight ? 'a preflight answer' : 'a response it blocked';
  const how = curl ? `use Re-check in the CORS Lens panel, or repeat the preflight and read the body: ${curl}` : 'use Re-check in the CORS Lens panel, or reproduce the request with curl or `cors-lens probe`';
  return `The body of this answer says which, but the browser does not give DevTools the body of ${what}; to read it, ${how}.`;
}
