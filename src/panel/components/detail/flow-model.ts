/**
 * The steps of the flow diagram, from an exchange and its verdict (pure): the preflight and its
 * answer (or the preflight cache), redirect hops, the actual request and its answer, with the step
 * where the browser stopped marked as failed and the steps it never took marked as skipped.
 */
import type { Diagnosis, Exchange, Header, ResponseRecord } from '../../../model';
import { urlParts } from '../../lib/url';

export type StepState = 'ok' | 'fail' | 'skipped' | 'cached' | 'pending';
export type StepKind = 'preflight' | 'preflight-response' | 'preflight-cached' | 'request' | 'redirect' | 'response';

export interface FlowStep {
  kind: StepKind;
  /** out = page → server, in = server → page, note = something that happened without a round trip. */
  dir: 'out' | 'in' | 'note';
  label: string;
  detail: string;
  state: StepState;
}

function header(headers: readonly Header[] | undefined, name: string): string | undefined {
  const lines = (headers ?? []).filter((h) => h.name.toLowerCase() === name);
  return lines.length ? lines.map((h) => h.value).join(', ') : undefined;
}

function statusLabel(r: ResponseRecord): string {
  return r.status === 0 ? 'no status' : `${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
}

function originDetail(r: ResponseRecord): string {
  const acao = header(r.headers, 'access-control-allow-origin');
  return acao === undefined ? 'no Access-Control-Allow-Origin' : `Allow-Origin: ${acao}`;
}

function pathOf(url: string): string {
  const p = urlParts(url);
  return p.host ? p.path : url;
}

export function flowSteps(exchange: Exchange, diagnosis: Diagnosis): FlowStep[] {
  const v = diagnosis.verdict;
  const failedAt = v.blocked ? v.phase : null;
  const why = v.corsError ?? 'blocked';
  const method = exchange.request.method;
  const steps: FlowStep[] = [];

  if (failedAt === 'request') {
    steps.push({ kind: 'request', dir: 'out', label: `${method} ${pathOf(exchange.request.url)}`, detail: `not sent: ${why}`, state: 'fail' });
    return steps;
  }

  const p = exchange.preflight;
  if (p) {
    const acrm = header(p.request.headers, 'access-control-request-method');
    const acrh = header(p.request.headers, 'access-control-request-headers');
    steps.push({
      kind: 'preflight', dir: 'out', label: `OPTIONS ${pathOf(p.request.url)}`,
      detail: `asks for ${acrm ?? method}${acrh ? ` + ${acrh}` : ''}`, state: 'ok',
    });
    const preflightFailed = failedAt === 'preflight';
    if (p.redirect) {
      steps.push({
        kind: 'redirect', dir: 'in', label: `${statusLabel(p.redirect.response)} → ${p.redirect.location}`,
        detail: 'a preflight may not be redirected', state: 'fail',
      });
    } else if (p.response) {
      steps.push({
        kind: 'preflight-response', dir: 'in', label: statusLabel(p.response),
        detail: preflightFailed ? `${why} · ${originDetail(p.response)}` : originDetail(p.response),
        state: preflightFailed ? 'fail' : 'ok',
      });
    } else if (p.error) {
      steps.push({ kind: 'preflight-response', dir: 'in', label: 'no response', detail: p.error, state: 'fail' });
    } else {
      steps.push({ kind: 'preflight-response', dir: 'in', label: 'waiting…', detail: '', state: 'pending' });
    }
    if (preflightFailed || p.redirect || (!p.response && p.error)) {
      steps.push({ kind: 'request', dir: 'out', label: `${method} ${pathOf(exchange.request.url)}`, detail: 'never sent: the preflight failed', state: 'skipped' });
      return steps;
    }
  } else if (exchange.preflightFromCache) {
    steps.push({
      kind: 'preflight-cached', dir: 'note', label: 'Preflight answered from the browser’s preflight cache',
      detail: exchange.cachedPreflightId ? `earlier preflight: ${exchange.cachedPreflightId}` : 'no OPTIONS request on the wire',
      state: 'cached',
    });
  }

  steps.push({ kind: 'request', dir: 'out', label: `${method} ${pathOf(exchange.request.url)}`, detail: v.credentials.mode === 'include' ? 'with credentials' : '', state: 'ok' });

  exchange.redirects.forEach((hop, i) => {
    const last = i === exchange.redirects.length - 1;
    const failed = failedAt === 'redirect' && last;
    steps.push({
      kind: 'redirect', dir: 'in', label: `${statusLabel(hop.response)} → ${hop.location}`,
      detail: failed ? why : 'redirect followed', state: failed ? 'fail' : 'ok',
    });
    if (!failed) steps.push({ kind: 'request', dir: 'out', label: `${method} ${pathOf(hop.location)}`, detail: 'after redirect', state: 'ok' });
  });
  if (failedAt === 'redirect') return steps;

  const r = exchange.response;
  if (r) {
    const failed = failedAt === 'actual';
    steps.push({
      kind: 'response', dir: 'in', label: statusLabel(r),
      detail: failed ? `${why} · the page cannot read it` : v.crossOrigin ? `${originDetail(r)} · readable` : 'readable',
      state: failed ? 'fail' : 'ok',
    });
  } else if (v.blocked || exchange.observed.failed) {
    steps.push({ kind: 'response', dir: 'in', label: 'no response', detail: exchange.observed.errorText ?? why, state: 'fail' });
  } else {
    steps.push({ kind: 'response', dir: 'in', label: 'waiting…', detail: '', state: 'pending' });
  }
  return steps;
}
