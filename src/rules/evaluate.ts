// PLACEHOLDER until the CORS engine lands (issue 3): replaced by src/rules/cors/*.
import type { Exchange, Verdict } from '../model';
export function evaluate(exchange: Exchange): Verdict {
  const acao = exchange.response?.headers.find((h) => h.name.toLowerCase() === 'access-control-allow-origin');
  const blocked = !acao;
  return {
    crossOrigin: true, blocked, corsError: blocked ? 'MissingAllowOriginHeader' : null, failedParameter: null,
    phase: 'actual', checks: [], credentials: { mode: exchange.credentials ?? 'same-origin', inferred: true },
    preflightReasons: [], notes: [],
  };
}
