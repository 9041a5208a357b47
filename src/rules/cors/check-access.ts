/**
 * Chromium's CheckAccess (services/network/public/cpp/cors/cors.cc): the origin and credentials
 * checks run on every CORS response — the preflight, each redirect and the final response.
 */
import type { CorsError, CredentialsMode } from '../../model';
import { asReportedParameter } from './headers';
import { OPAQUE_ORIGIN, isValidUrl, schemeOf } from './origin';

export interface AccessInput {
  /** Normalized Access-Control-Allow-Origin (repeated lines joined with ", "), null when absent. */
  allowOrigin: string | null;
  /** Normalized Access-Control-Allow-Credentials, null when absent. */
  allowCredentials: string | null;
  /** Credentials mode of the actual request (also for the preflight). */
  credentials: CredentialsMode;
  /** The serialized origin the request carried: the page origin, or "null" when opaque/tainted. */
  origin: string;
  /** URL of the response being checked. */
  responseUrl: string;
}

export type AccessPart = 'origin' | 'credentials';

export interface AccessFailure {
  part: AccessPart;
  corsError: CorsError;
  failedParameter: string;
  /** One plain sentence for the panel. */
  note: string;
}

/** The outcome of CheckAccess: null when access is granted. */
export function checkAccess(input: AccessInput): AccessFailure | null {
  const { allowOrigin, allowCredentials, credentials, origin } = input;
  if (allowOrigin === '*') {
    if (credentials !== 'include') return null;
    // Chromium exempts non-HTTP(S) responses from the wildcard rule (a data: URL quirk).
    const scheme = schemeOf(input.responseUrl);
    if (scheme === 'http' || scheme === 'https') {
      return {
        part: 'origin', corsError: 'WildcardOriginNotAllowed', failedParameter: '',
        note: 'The server allows any origin with "*", but a request with credentials needs its exact origin echoed back.',
      };
    }
  } else if (allowOrigin === null) {
    return {
      part: 'origin', corsError: 'MissingAllowOriginHeader', failedParameter: '',
      note: 'The response has no Access-Control-Allow-Origin header.',
    };
  } else if (allowOrigin !== origin) {
    const failedParameter = asReportedParameter(allowOrigin);
    if (/[ ,]/.test(allowOrigin)) {
      return {
        part: 'origin', corsError: 'MultipleAllowOriginValues', failedParameter,
        note: 'Access-Control-Allow-Origin holds more than one value (it contains a comma or a space, e.g. from two header lines); exactly one origin is allowed.',
      };
    }
    if (allowOrigin === OPAQUE_ORIGIN) {
      return {
        part: 'origin', corsError: 'AllowOriginMismatch', failedParameter,
        note: 'Access-Control-Allow-Origin is "null", which only matches a request from an opaque origin.',
      };
    }
    if (!isValidUrl(allowOrigin)) {
      return {
        part: 'origin', corsError: 'InvalidAllowOriginValue', failedParameter,
        note: 'Access-Control-Allow-Origin is neither "*", "null" nor a valid origin such as https://app.example.com.',
      };
    }
    return {
      part: 'origin', corsError: 'AllowOriginMismatch', failedParameter,
      note: mismatchNote(allowOrigin, origin),
    };
  }
  if (credentials === 'include' && allowCredentials !== 'true') {
    return {
      part: 'credentials', corsError: 'InvalidAllowCredentials', failedParameter: asReportedParameter(allowCredentials ?? ''),
      note: allowCredentials === null
        ? 'A request with credentials needs Access-Control-Allow-Credentials: true, and the header is missing.'
        : `A request with credentials needs Access-Control-Allow-Credentials to be exactly "true" (lower case), not "${allowCredentials}".`,
    };
  }
  return null;
}

function mismatchNote(allowed: string, origin: string): string {
  if (origin === OPAQUE_ORIGIN) {
    return `The request carried Origin: null (an opaque origin, or a redirect across origins), which "${allowed}" does not match.`;
  }
  if (allowed.replace(/\/+$/, '') === origin) return 'Access-Control-Allow-Origin has a trailing slash; the origin must match exactly, without a path.';
  if (allowed.toLowerCase() === origin.toLowerCase()) return 'Access-Control-Allow-Origin differs only in letter case; the comparison is exact.';
  if (allowed.includes('*')) return 'Wildcards inside an origin are not supported: Access-Control-Allow-Origin must be "*" or one exact origin.';
  return `Access-Control-Allow-Origin names ${allowed}, not the origin that asked (${origin}); the match is exact: scheme, host and port.`;
}

const PREFLIGHT_VARIANT: Partial<Record<CorsError, CorsError>> = {
  WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
  MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
  MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
  InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
  AllowOriginMismatch: 'PreflightAllowOriginMismatch',
  InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
};

/** The Preflight* name Chromium uses when CheckAccess fails on a preflight response. */
export function toPreflightError(error: CorsError): CorsError {
  return PREFLIGHT_VARIANT[error] ?? error;
}

/** Sentence for an allow-origin row that passed. */
export function originPassNote(allowOrigin: string | null, credentials: CredentialsMode): string {
  if (allowOrigin === '*' && credentials !== 'include') return '"*" allows any origin for a request without credentials.';
  if (allowOrigin === '*') return '"*" is accepted here because the response is not HTTP(S).';
  return 'The server echoes this exact origin.';
}

/** Sentence for an allow-credentials row that passed or was skipped. */
export function credentialsNote(credentials: CredentialsMode): string {
  if (credentials === 'include') return 'The server allows credentials with Access-Control-Allow-Credentials: true.';
  return `Credentials mode "${credentials}" sends no cookies to another origin, so Access-Control-Allow-Credentials is not needed.`;
}
