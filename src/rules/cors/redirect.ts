/**
 * Redirect rules of Chromium's CorsURLLoader (OnReceiveRedirect, CheckRedirectLocation,
 * CheckTainted) and of the HTTP-redirect fetch.
 */
import type { ResponseRecord } from '../../model';
import { headerValues } from './headers';
import { hasUserInfo, isSameOrigin, isSameOriginUrl } from './origin';

/** Status codes Chromium's network stack follows as redirects (net::HttpResponseHeaders::IsRedirect). */
export const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

/**
 * Where Chromium would redirect to from this response, or null when it is not a redirect it
 * follows: another status (300 Multiple Choices is not followed), or no non-empty Location.
 */
export function redirectTarget(url: string, response: ResponseRecord): string | null {
  if (!REDIRECT_STATUSES.includes(response.status)) return null;
  const location = headerValues(response.headers, 'location').find((v) => v !== '');
  if (location === undefined) return null;
  try {
    return new URL(location, url).href;
  } catch {
    return null;
  }
}

/** Chromium follows at most 20 redirects; the 21st fails with net::ERR_TOO_MANY_REDIRECTS. */
export const MAX_REDIRECTS = 20;

/**
 * CheckRedirectLocation: a Location with user:pass is refused for a CORS request when the
 * request is tainted, the Location is cross-origin to the page, or the CORS flag is set.
 */
export function redirectHasForbiddenCredentials(location: string, pageOrigin: string, corsFlag: boolean, tainted: boolean): boolean {
  if (!hasUserInfo(location)) return false;
  return tainted || !isSameOrigin(pageOrigin, location) || corsFlag;
}

/**
 * CheckTainted: the request's origin becomes opaque ("null") when a redirect goes from one origin
 * to another while the request is already away from the page's origin.
 */
export function taintsOrigin(currentUrl: string, location: string, pageOrigin: string): boolean {
  return !isSameOriginUrl(location, currentUrl) && !isSameOrigin(pageOrigin, currentUrl);
}

/** The method after a redirect (301/302 turn POST into GET; 303 turns anything but GET/HEAD into GET). */
export function methodAfterRedirect(status: number, method: string): string {
  if ((status === 301 || status === 302) && method.toUpperCase() === 'POST') return 'GET';
  if (status === 303 && method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD') return 'GET';
  return method;
}

/** Request-body headers dropped when a redirect changes the method to GET (net/url_request/redirect_util.cc). */
export const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];
