/**
 * Chromium's CORS failure vocabulary, exactly the names of CDP `Network.CorsError`
 * (mirrors network::mojom::CorsError). Keeping the literal names lets us compare
 * our verdicts with Chromium's own `corsErrorStatus` without translation.
 */
export const CORS_ERRORS = [
  'DisallowedByMode',
  'InvalidResponse',
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
  'CorsDisabledScheme',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
  'InsecurePrivateNetwork',
  'InvalidPrivateNetworkAccess',
  'UnexpectedPrivateNetworkAccess',
  'NoCorsRedirectModeNotFollow',
  'PreflightMissingPrivateNetworkAccessId',
  'PreflightMissingPrivateNetworkAccessName',
  'PrivateNetworkAccessPermissionUnavailable',
  'PrivateNetworkAccessPermissionDenied',
  'LocalNetworkAccessPermissionDenied',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
] as const;

export type CorsError = (typeof CORS_ERRORS)[number];

export function isCorsError(value: unknown): value is CorsError {
  return typeof value === 'string' && (CORS_ERRORS as readonly string[]).includes(value);
}
