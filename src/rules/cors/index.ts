/**
 * The CORS rules engine: Chromium 156's CORS checks as pure functions. `evaluate`
 * (src/rules/evaluate.ts) is the entry point; these helpers are for other rules, the panel's
 * teaching views and the simulator.
 */
export { checkAccess, toPreflightError, type AccessFailure, type AccessInput } from './check-access';
export { candidateModes, chooseCredentials, hasCookieEvidence, observedOutcome, type ObservedOutcome } from './credentials';
export { CACHE_NOTE, runChecks, type EngineResult, type Outcome } from './engine';
export { getHeader, headerValues } from './headers';
export { hasUserInfo, isCorsEnabledScheme, isSameOrigin, isValidUrl, normalizeOrigin, originOf, OPAQUE_ORIGIN } from './origin';
export {
  checkHeader, checkMethod, DEFAULT_MAX_AGE_SECONDS, describeMaxAge, MAX_MAX_AGE_SECONDS, parseAllowLists, parseMaxAge,
  preflightNeed, preflightReasons, preflightRequestHeaders, type MaxAge, type PreflightNeed,
} from './preflight';
export { MAX_REDIRECTS, methodAfterRedirect, redirectHasForbiddenCredentials, taintsOrigin } from './redirect';
export { resolveRequestMode, type ModeResolution } from './request-mode';
export {
  analyzeRequestHeaders, browserAddedReason, FORBIDDEN_METHODS, isForbiddenMethod, isForbiddenRequestHeader, isSafelistedHeader,
  isSafelistedMethod, SAFELISTED_TOTAL_LIMIT, unsafeReason, type RequestHeaderAnalysis, type UnsafeHeader,
} from './safelist';
export { isToken, parseTokenList, type TokenListResult } from './token-list';
