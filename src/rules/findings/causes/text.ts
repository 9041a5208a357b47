/** Shared wording helpers for the cause findings. */
import { makeFinding } from '../catalogue';
import type { Candidate, RuleContext } from '../context';
import { oneLine } from '../wire';

export const ACAO = 'Access-Control-Allow-Origin';
export const ACAC = 'Access-Control-Allow-Credentials';
export const ACAM = 'Access-Control-Allow-Methods';
export const ACAH = 'Access-Control-Allow-Headers';

/** API Gateway's console "Enable CORS" default list, and CDK's Cors.DEFAULT_HEADERS (adds X-Amz-User-Agent). */
export const CONSOLE_DEFAULT_HEADERS = ['content-type', 'x-amz-date', 'authorization', 'x-api-key', 'x-amz-security-token'];

export const q = (s: string): string => `"${oneLine(s, 120)}"`;
export const listText = (items: readonly string[]): string => items.join(', ');

export function neverSent(ctx: RuleContext): string {
  return ctx.facts.failingPhase === 'preflight' ? ` Because the preflight failed, the browser never sent the ${ctx.facts.method} request itself.` : '';
}

export function inferredNote(ctx: RuleContext): string {
  return ctx.facts.credentialsInferred ? ' (The credentials mode was not recorded; it was inferred from the outcome.)' : '';
}

export function originEvidence(ctx: RuleContext): string {
  return `request Origin: ${ctx.facts.sentOrigin}`;
}

export const platformName = (ctx: RuleContext): string => (ctx.platform.id === 'unknown' ? 'the server' : ctx.platform.name);

/** API Gateway serves the last deployment: a fix made in the console or a template is live only once deployed. */
export function deployNote(ctx: RuleContext): string {
  if (ctx.platform.id === 'aws-apigateway-rest') {
    const stage = ctx.spec.api.stage ? `stage "${ctx.spec.api.stage}"` : 'the stage';
    return ` If you already changed this in API Gateway, deploy the API to ${stage}: until then the stage keeps serving the old configuration.`;
  }
  if (ctx.platform.id === 'aws-apigateway-http') return ' If you already changed this, check that the stage was deployed (stages without automatic deployment keep the old configuration).';
  return '';
}

export function simple(ctx: RuleContext, id: 'redirect-contains-credentials' | 'preflight-network-error' | 'browser-refused-request' | 'local-network-access' | 'unexplained-block', explanation: string, headline: string, summary: string, evidence: Array<string | null> = []): Candidate {
  return { finding: makeFinding(id, { explanation, evidence: [`Chromium CORS error: ${ctx.verdict.corsError ?? 'none'}`, ...evidence] }), headline, summary };
}
