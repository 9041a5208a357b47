/**
 * The rules engine is pure, but it reads hostile input and evolves quickly: one exchange it chokes on
 * must not take the panel down. A throw becomes a diagnosis that says so.
 */
import type { Diagnosis, Exchange } from '../../model';

/** src/rules' diagnose; `related` are other exchanges of the tab the rules may consult (a cached preflight's origin exchange). */
export type DiagnoseFn = (exchange: Exchange, options?: { related?: readonly Exchange[] }) => Diagnosis;

export function safeDiagnose(diagnose: DiagnoseFn, exchange: Exchange, related: readonly Exchange[] = []): Diagnosis {
  try {
    return related.length ? diagnose(exchange, { related }) : diagnose(exchange);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      exchangeId: exchange.id,
      verdict: {
        crossOrigin: true,
        blocked: exchange.observed?.failed === true,
        corsError: null,
        failedParameter: null,
        phase: null,
        checks: [],
        credentials: { mode: exchange.credentials ?? 'same-origin', inferred: true },
        preflightReasons: [],
        notes: [],
      },
      platform: { id: 'unknown', name: 'Unknown', confidence: 0, evidence: [] },
      headline: 'CORS Lens could not analyse this request.',
      summary: 'Could not analyse this request',
      findings: [{
        id: 'panel-analysis-failed', kind: 'info', severity: 'warning', title: 'Analysis failed',
        explanation: `The rules engine stopped with an error: ${message}. The raw headers below are still accurate.`,
        evidence: [], fixes: [],
      }],
    };
  }
}
