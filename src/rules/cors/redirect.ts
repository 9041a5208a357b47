/**
 * Redirect rules of Chromium's CorsURLLoader (OnReceiveRedirect, CheckRedirectLocation,
 * CheckTainted) and of the HTTP-redirect fetch.
 */
import { hasUserInfo, isSameOrigin, isSameOriginUrl } from './origin';

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
