// PLACEHOLDER until platform knowledge lands (issue 6).
import type { Diagnosis, Exchange } from '../model';
import { evaluate } from './evaluate';
export function diagnose(exchange: Exchange): Diagnosis {
  const verdict = evaluate(exchange);
  const summary = verdict.blocked ? `Blocked: ${verdict.corsError}` : 'Allowed';
  return { exchangeId: exchange.id, verdict, platform: { id: 'unknown', name: 'Unknown', confidence: 0, evidence: [] }, headline: summary, summary, findings: [] };
}
