import type { CorsError } from './cors-error';
import type { CredentialsMode } from './exchange';

/** Where the failing (or last) check happened. `request` = before anything was sent. */
export type Phase = 'request' | 'preflight' | 'actual' | 'redirect';

export type CheckResult = 'pass' | 'fail' | 'skip';

/**
 * One check the browser performed, with what it asked and what the server allowed:
 * the rows of the "asked vs allowed" view.
 */
export interface Check {
  /** Stable id of the kind of check, e.g. "allow-origin", "allow-credentials", "preflight-status", "allow-method", "allow-header". */
  id: string;
  phase: Phase;
  /** Short human label, e.g. "Origin", "Method", "Header x-api-key". */
  label: string;
  /** What the browser asked / sent (e.g. the Origin, the method, a header name). */
  asked: string | null;
  /** What the server answered (e.g. the ACAO value), null when the header was absent. */
  allowed: string | null;
  result: CheckResult;
  /** The CorsError this check produces when it fails. */
  corsError?: CorsError;
  /** One plain sentence on why it passed or failed. */
  note?: string;
}

export interface CredentialsInfo {
  mode: CredentialsMode;
  /** True when the mode was not recorded and was inferred from the observed outcome. */
  inferred: boolean;
}

export interface Verdict {
  /** True when the request is not cross-origin under CORS (same origin, no-cors, navigation): nothing to judge. */
  crossOrigin: boolean;
  blocked: boolean;
  corsError: CorsError | null;
  failedParameter: string | null;
  /** Phase of the failing check, or of the last check when allowed. */
  phase: Phase | null;
  checks: Check[];
  credentials: CredentialsInfo;
  /** Why a preflight was (or would be) needed; empty when the request is simple. */
  preflightReasons: string[];
  /** True when the rules' verdict disagrees with an observed outcome they could not explain. */
  inconsistent?: boolean;
  /** Notes the engine wants to surface (e.g. a documented Chromium-vs-standard difference applied). */
  notes: string[];
  /**
   * Other verdicts the same evidence supports equally well, when something the capture does not record
   * (the credentials mode, fetch's redirect mode) decides between them. The verdict above is the likelier.
   */
  alternatives?: VerdictReading[];
}

export interface VerdictReading {
  blocked: boolean;
  corsError: CorsError | null;
  failedParameter: string | null;
  /** What would have to be true for this reading, in plain words. */
  condition: string;
}

export type PlatformId =
  | 'aws-apigateway-rest'
  | 'aws-apigateway-http'
  | 'aws-lambda-url'
  | 'aws-cloudfront'
  | 'aws-s3'
  | 'azure-apim'
  | 'gcp-api-gateway'
  | 'gcp-cloud-run'
  | 'nginx'
  | 'apache'
  | 'caddy'
  | 'express'
  | 'fastify'
  | 'koa'
  | 'fastapi'
  | 'flask'
  | 'django'
  | 'go'
  | 'rack'
  | 'php'
  | 'tomcat'
  | 'jetty'
  | 'spring'
  | 'unknown';

export interface PlatformMatch {
  id: PlatformId;
  /** Human name, e.g. "Amazon API Gateway (REST)". */
  name: string;
  /** 0..1; detection from several independent signals scores higher. */
  confidence: number;
  /** The headers/body/host facts that identified it. */
  evidence: string[];
}

export type FindingKind = 'cause' | 'platform' | 'cache' | 'deploy' | 'security' | 'info';
export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
  /** e.g. "console", "openapi", "sam", "cdk", "serverless", "terraform", "node", "python", "express", "nginx", "s3", "cloudfront", "curl". */
  stack: string;
  title: string;
  /** Language of the snippet for highlighting and syntax tests: "json" | "yaml" | "hcl" | "typescript" | "javascript" | "python" | "nginx" | "shell" | "text". */
  language: string;
  snippet: string;
  /** A caveat on the snippet, one sentence (e.g. a part the recording could not decide is needed). */
  note?: string;
}

export interface Finding {
  /** Stable id, documented in docs/findings.md. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  title: string;
  explanation: string;
  evidence: string[];
  fixes: Fix[];
}

export interface Diagnosis {
  exchangeId: string;
  verdict: Verdict;
  /** The platform that answered (origin), plus any CDN in front of it. */
  platform: PlatformMatch;
  cdn?: PlatformMatch;
  /** One sentence a junior understands. */
  headline: string;
  /** Short one-line reason for list rows. */
  summary: string;
  findings: Finding[];
}
