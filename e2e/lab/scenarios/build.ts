/**
 * Small builders for scenario data, so the family files read like tables. They only return plain data.
 */
import type { Answer, HeaderLine, LabRequest, Scenario } from '../scenario';

export const ACAO = 'Access-Control-Allow-Origin';
export const ACAC = 'Access-Control-Allow-Credentials';
export const ACAM = 'Access-Control-Allow-Methods';
export const ACAH = 'Access-Control-Allow-Headers';
export const MAX_AGE = 'Access-Control-Max-Age';

/** The page's own origin, as a template token. */
export const APP = '{app}';

export const acao = (value: string = APP): HeaderLine => [ACAO, value];

/** A plain-text answer. */
export function text(status: number, headers: readonly HeaderLine[], body = 'ok'): Answer {
  return { status, headers: [['Content-Type', 'text/plain; charset=utf-8'], ...headers], body };
}

/** A JSON answer (body given as the exact text the server sends). */
export function json(status: number, headers: readonly HeaderLine[], body: string): Answer {
  return { status, headers: [['Content-Type', 'application/json'], ...headers], body };
}

/** 200 text answer with ACAO = the page origin, plus `extra`. */
export const okFor = (extra: readonly HeaderLine[] = []): Answer => text(200, [acao(), ...extra]);

/** 204 preflight answer allowing the page origin, plus `extra` (e.g. Allow-Methods). */
export const preflightOk = (extra: readonly HeaderLine[] = []): Answer => ({ status: 204, headers: [acao(), ...extra] });

/** A simple credential-less GET to the api origin, with overrides. */
export function get(over: Partial<LabRequest> = {}): LabRequest {
  return { target: 'api', method: 'GET', credentials: 'omit', ...over };
}

/** A credential-less PUT (always preflighted) to the api origin, with overrides. */
export function put(over: Partial<LabRequest> = {}): LabRequest {
  return { target: 'api', method: 'PUT', credentials: 'omit', body: '{"a":1}', ...over };
}

/** Show a header value in a title/description: visible spaces, tabs and emptiness. */
export function show(value: string): string {
  if (value === '') return '(empty)';
  return JSON.stringify(value);
}

/** Show header lines compactly: `Name: value` joined by " / ". */
export function showLines(lines: readonly HeaderLine[]): string {
  return lines.length ? lines.map(([n, v]) => `${n}: ${show(v)}`).join(' / ') : '(no such header)';
}

/** Identity helper that keeps literal types checked as Scenario. */
export const scenario = (s: Scenario): Scenario => s;
