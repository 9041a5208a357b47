/**
 * The report: what every export format (JSON, Markdown, HTML, text) and the CLI present.
 * Its JSON form is specified by docs/report-schema.json (schemaVersion below); a test validates
 * produced reports against it. Built from exchanges and their diagnoses; redacted by default.
 *
 * Fields are copied explicitly (never spread from the diagnosis), so a field added to the
 * diagnosis model does not change the report format until it is added here and to the schema.
 */
import type {
  CacheSource, Check, CorsError, CredentialsInfo, Diagnosis, Exchange, ExchangeSource, Finding, Header, Phase, PlatformMatch, VerdictReading,
} from '../model';
import { createRedactor, REDACTION_NOTE, SENSITIVE_WARNING, type Redactor } from './redact';

export const REPORT_SCHEMA_VERSION = 1;
export const TOOL_NAME = 'cors-lens';

export interface ReportResponse {
  status: number;
  statusText?: string;
  headers: Header[];
  fromCache?: CacheSource;
  remoteAddress?: string;
  /** Only with sensitive values included. */
  body?: string;
}

export interface ReportPreflight {
  url: string;
  method: string;
  requestHeaders: Header[];
  response?: ReportResponse;
  /** Where the preflight was redirected to (always fatal for CORS). */
  redirectLocation?: string;
  error?: string;
}

export interface ReportRedirect {
  url: string;
  status: number;
  location: string;
  headers: Header[];
}

export interface ReportPlatform {
  id: string;
  name: string;
  confidence: number;
  evidence: string[];
}

export interface ReportExchange {
  id: string;
  /** The actual request's first URL (before redirects). */
  url: string;
  method: string;
  pageOrigin: string;
  pageUrl?: string;
  /** ISO time the request started (absent when unknown). */
  startedAt?: string;
  resourceType?: string;
  blocked: boolean;
  /** CDP Network.CorsError name; null when allowed. */
  corsError: CorsError | null;
  failedParameter: string | null;
  phase: Phase | null;
  headline: string;
  summary: string;
  platform: ReportPlatform;
  cdn?: ReportPlatform;
  credentials: CredentialsInfo;
  /**
   * Other verdicts the capture supports just as well, when a request option it does not record (the
   * credentials mode) would change the verdict: e.g. allowed as "same-origin", blocked as "include".
   */
  alternatives?: VerdictReading[];
  preflightReasons: string[];
  /** The browser used a cached preflight result (none on the wire). */
  preflightFromCache?: boolean;
  requestHeaders: Header[];
  preflight?: ReportPreflight;
  redirects: ReportRedirect[];
  response?: ReportResponse;
  observed: { failed?: boolean; errorText?: string };
  /** Frozen and shared between entries when their verdict is (see reportChecks). */
  checks: readonly Check[];
  findings: Finding[];
  notes: string[];
  /** The rules could not explain what the browser reported. */
  inconsistent?: boolean;
}

export interface ReportSummary {
  /** Cross-origin exchanges analysed. */
  exchanges: number;
  blocked: number;
  allowed: number;
  /** Exchanges listed in this report (fewer than `exchanges` with --only-blocked). */
  shown: number;
  /** Blocked exchanges per CorsError (and "unknown" when blocked without a named error). */
  corsErrors: Record<string, number>;
  /** Exchanges per platform id. */
  platforms: Record<string, number>;
}

export interface ReportSource {
  kind: ExchangeSource;
  /** File name (HAR), URL (probe) or page URL (live). */
  name?: string;
  pageUrl?: string;
  /** Program that wrote the HAR. */
  creator?: string;
  /** Importer counts (entries read, same-origin dropped, …). */
  counts?: Record<string, number>;
}

export interface ReportRedaction {
  /** True when sensitive values were removed (the default). */
  redacted: boolean;
  /** The note or the warning that every format prints. */
  notice: string;
}

/** Everything but the exchanges and the summary: known before the first exchange is diagnosed. */
export interface ReportHead {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: typeof TOOL_NAME; version: string };
  generatedAt: string;
  source: ReportSource;
  redaction: ReportRedaction;
  /** Input problems worth knowing (malformed entries …). */
  warnings: string[];
}

/**
 * Property order matters for streaming: `exchanges` then `summary` come last, so a CLI can write the
 * head, then each exchange as it is diagnosed, then the summary (jsonChunks equals JSON.stringify).
 */
export interface Report extends ReportHead {
  exchanges: ReportExchange[];
  summary: ReportSummary;
}

export interface AnalyzedExchange {
  exchange: Exchange;
  diagnosis: Diagnosis;
}

export interface BuildReportOptions {
  source: ReportSource;
  /** Default false: everything is redacted. */
  includeSensitive?: boolean;
  onlyBlocked?: boolean;
  /** Fixed time for reproducible output (tests, goldens). */
  generatedAt?: Date | string;
  toolVersion?: string;
  warnings?: string[];
}

function toolVersion(): string {
  return typeof __CORS_LENS_VERSION__ === 'string' ? __CORS_LENS_VERSION__ : '0.0.0';
}

function response(r: { status: number; statusText?: string; headers: Header[]; fromCache?: CacheSource; remoteAddress?: string; body?: string }, red: Redactor): ReportResponse {
  const out: ReportResponse = { status: r.status, headers: red.headers(r.headers) };
  if (r.statusText) out.statusText = red.text(r.statusText);
  if (r.fromCache) out.fromCache = r.fromCache;
  if (r.remoteAddress) out.remoteAddress = r.remoteAddress;
  const body = red.body(r.body);
  if (body !== undefined) out.body = body;
  return out;
}

function platform(p: PlatformMatch, red: Redactor): ReportPlatform {
  return { id: p.id, name: p.name, confidence: p.confidence, evidence: p.evidence.map(red.text) };
}

function check(c: Check, red: Redactor): Check {
  const out: Check = {
    id: c.id, phase: c.phase, label: red.text(c.label),
    asked: c.asked === null ? null : red.text(c.asked), allowed: c.allowed === null ? null : red.text(c.allowed), result: c.result,
  };
  if (c.corsError) out.corsError = c.corsError;
  if (c.note !== undefined) out.note = red.text(c.note);
  return out;
}

function finding(f: Finding, red: Redactor): Finding {
  return {
    id: f.id, kind: f.kind, severity: f.severity, title: red.text(f.title), explanation: red.text(f.explanation),
    evidence: f.evidence.map(red.text),
    fixes: f.fixes.map((x) => ({ stack: x.stack, title: red.text(x.title), language: x.language, snippet: red.text(x.snippet), ...(x.note ? { note: red.text(x.note) } : {}) })),
  };
}

/** Redacted checks of shared verdicts, per redaction mode (see reportChecks). */
const sharedChecks = { redacted: new WeakMap<readonly Check[], readonly Check[]>(), raw: new WeakMap<readonly Check[], readonly Check[]>() };
const SHARED_REDACTOR = createRedactor(undefined, false);

function checkTexts(c: Check): (string | null | undefined)[] {
  return [c.label, c.asked, c.allowed, c.note];
}

/**
 * A verdict shared by many exchanges (frozen by the verdict cache, src/rules/verdict-cache.ts) has its
 * checks redacted once and the result shared, frozen, by every report entry (and their JSON written
 * once, format-json.ts). Exact: an exchange's own redactor gives the same text as a redactor without
 * secrets unless one of its secrets occurs in the text, and then its checks are redacted on their own.
 */
function reportChecks(checks: readonly Check[], red: Redactor): readonly Check[] {
  if (!Object.isFrozen(checks) || checks.some((c) => checkTexts(c).some((t) => t != null && red.mentionsSecret(t)))) {
    return checks.map((c) => check(c, red));
  }
  const cache = red.enabled ? sharedChecks.redacted : sharedChecks.raw;
  let out = cache.get(checks);
  if (!out) {
    const shared = red.enabled ? SHARED_REDACTOR : red;
    out = Object.freeze(checks.map((c) => Object.freeze(check(c, shared))));
    cache.set(checks, out);
  }
  return out;
}

/** One exchange + its diagnosis as a report entry, redacted with the exchange's own redactor. */
export function reportExchange({ exchange: ex, diagnosis: d }: AnalyzedExchange, includeSensitive = false): ReportExchange {
  const red = createRedactor(ex, includeSensitive);
  const v = d.verdict;
  const out: ReportExchange = {
    id: ex.id,
    url: red.url(ex.request.url),
    method: ex.request.method,
    pageOrigin: ex.pageOrigin,
    blocked: v.blocked,
    corsError: v.corsError,
    failedParameter: v.failedParameter === null ? null : red.text(v.failedParameter),
    phase: v.phase,
    headline: red.text(d.headline),
    summary: red.text(d.summary),
    platform: platform(d.platform, red),
    credentials: { mode: v.credentials.mode, inferred: v.credentials.inferred },
    preflightReasons: v.preflightReasons.map(red.text),
    requestHeaders: red.headers(ex.request.headers),
    redirects: ex.redirects.map((h) => ({ url: red.url(h.url), status: h.response.status, location: red.url(h.location), headers: red.headers(h.response.headers) })),
    observed: {},
    checks: reportChecks(v.checks, red),
    findings: d.findings.map((f) => finding(f, red)),
    notes: v.notes.map(red.text),
  };
  if (ex.pageUrl) out.pageUrl = red.url(ex.pageUrl);
  if (ex.startedAt > 0 && Number.isFinite(ex.startedAt)) out.startedAt = new Date(ex.startedAt).toISOString();
  if (ex.resourceType) out.resourceType = ex.resourceType;
  if (d.cdn) out.cdn = platform(d.cdn, red);
  if (ex.preflightFromCache) out.preflightFromCache = true;
  if (ex.preflight) {
    const p = ex.preflight;
    const pre: ReportPreflight = { url: red.url(p.request.url), method: p.request.method, requestHeaders: red.headers(p.request.headers) };
    if (p.response) pre.response = response(p.response, red);
    if (p.redirect) pre.redirectLocation = red.url(p.redirect.location);
    if (p.error) pre.error = p.error;
    out.preflight = pre;
  }
  if (ex.response) out.response = response(ex.response, red);
  if (ex.observed.failed !== undefined) out.observed.failed = ex.observed.failed;
  if (ex.observed.errorText) out.observed.errorText = ex.observed.errorText;
  if (v.alternatives?.length) {
    out.alternatives = v.alternatives.map((a) => ({
      blocked: a.blocked, corsError: a.corsError, failedParameter: a.failedParameter === null ? null : red.text(a.failedParameter), condition: red.text(a.condition),
    }));
  }
  if (v.inconsistent) out.inconsistent = true;
  return out;
}

function emptySummary(): ReportSummary {
  return { exchanges: 0, blocked: 0, allowed: 0, shown: 0, corsErrors: {}, platforms: {} };
}

/**
 * Builds a report one exchange at a time (the CLI streams 100k-exchange reports this way: nothing
 * but the running summary is kept). Exchanges the rules judge not cross-origin are left out (they
 * are not CORS); every other one counts, and is listed unless onlyBlocked hides it.
 */
export class ReportBuilder {
  readonly head: ReportHead;
  private readonly counts = emptySummary();
  private readonly includeSensitive: boolean;
  private readonly onlyBlocked: boolean;

  constructor(options: BuildReportOptions) {
    this.includeSensitive = options.includeSensitive === true;
    this.onlyBlocked = options.onlyBlocked === true;
    const generatedAt = options.generatedAt === undefined ? new Date().toISOString()
      : typeof options.generatedAt === 'string' ? options.generatedAt : options.generatedAt.toISOString();
    const red = createRedactor(undefined, this.includeSensitive);
    const source: ReportSource = { kind: options.source.kind };
    if (options.source.name !== undefined) source.name = red.url(options.source.name);
    if (options.source.pageUrl !== undefined) source.pageUrl = red.url(options.source.pageUrl);
    if (options.source.creator !== undefined) source.creator = options.source.creator;
    if (options.source.counts !== undefined) source.counts = { ...options.source.counts };
    this.head = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: TOOL_NAME, version: options.toolVersion ?? toolVersion() },
      generatedAt,
      source,
      redaction: { redacted: !this.includeSensitive, notice: this.includeSensitive ? SENSITIVE_WARNING : REDACTION_NOTE },
      warnings: (options.warnings ?? []).map(red.text),
    };
  }

  /** Counts the exchange; returns its report entry when it is listed. */
  add(item: AnalyzedExchange): ReportExchange | undefined {
    const { verdict, platform: p } = item.diagnosis;
    if (!verdict.crossOrigin) return undefined;
    const s = this.counts;
    s.exchanges++;
    if (verdict.blocked) {
      s.blocked++;
      const key = verdict.corsError ?? 'unknown';
      s.corsErrors[key] = (s.corsErrors[key] ?? 0) + 1;
    } else {
      s.allowed++;
    }
    s.platforms[p.id] = (s.platforms[p.id] ?? 0) + 1;
    if (this.onlyBlocked && !verdict.blocked) return undefined;
    s.shown++;
    return reportExchange(item, this.includeSensitive);
  }

  summary(): ReportSummary {
    const s = this.counts;
    return { ...s, corsErrors: { ...s.corsErrors }, platforms: { ...s.platforms } };
  }
}

export function buildReport(items: Iterable<AnalyzedExchange>, options: BuildReportOptions): Report {
  const builder = new ReportBuilder(options);
  const exchanges: ReportExchange[] = [];
  for (const item of items) {
    const x = builder.add(item);
    if (x) exchanges.push(x);
  }
  return { ...builder.head, exchanges, summary: builder.summary() };
}
