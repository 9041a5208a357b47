/**
 * Preflights answered with various statuses, once with complete CORS headers and once without any.
 * The request is a PUT; the actual response always allows the origin.
 */
import type { Scenario } from '../scenario';
import { ACAM, ACAO, APP, okFor, put } from './build';

const WITH_CORS = [200, 201, 202, 203, 204, 205, 206, 226, 299, 300, 304, 400, 401, 403, 404, 405, 408, 418, 429, 500, 501, 502, 503, 504];
const WITHOUT_CORS = [200, 204, 400, 401, 403, 404, 405, 500, 502, 503];

const withCors = WITH_CORS.map((status): Scenario => ({
  id: `preflight-status-${status}-with-cors`,
  title: `Preflight ${status} with CORS headers`,
  dimension: 'preflight-status',
  description: `A PUT whose preflight is answered ${status} with Access-Control-Allow-Origin (the page) and Access-Control-Allow-Methods: PUT${status === 300 ? ' (no Location)' : ''}.`,
  request: put(),
  preflight: { status, headers: [[ACAO, APP], [ACAM, 'PUT'], ['Content-Type', 'text/plain']], body: status === 204 || status === 304 ? '' : 'preflight' },
  actual: okFor(),
}));

const withoutCors = WITHOUT_CORS.map((status): Scenario => ({
  id: `preflight-status-${status}-without-cors`,
  title: `Preflight ${status} without CORS headers`,
  dimension: 'preflight-status',
  description: `A PUT whose preflight is answered ${status} with no CORS headers at all.`,
  request: put(),
  preflight: { status, headers: [['Content-Type', 'text/plain']], body: status === 204 ? '' : 'preflight' },
  actual: okFor(),
}));

const extra: readonly Scenario[] = [
  {
    id: 'preflight-status-200-with-body',
    title: 'Preflight 200 with a JSON body',
    dimension: 'preflight-status',
    description: 'A PUT whose preflight is answered 200 with CORS headers and a JSON body (the body is ignored).',
    request: put(),
    preflight: { status: 200, headers: [[ACAO, APP], [ACAM, 'PUT'], ['Content-Type', 'application/json']], body: '{"ok":true}' },
    actual: okFor(),
  },
  {
    id: 'preflight-status-default-404',
    title: 'Preflight with no OPTIONS handler (lab default 404)',
    dimension: 'preflight-status',
    description: 'A PUT to a server that has no OPTIONS handler: the lab default, 404 with no CORS headers.',
    request: put(),
    actual: okFor(),
  },
  {
    id: 'preflight-status-403-origin-mismatch',
    title: 'Preflight 403 with a mismatching origin',
    dimension: 'preflight-status',
    description: 'A PUT whose preflight is answered 403 with Access-Control-Allow-Origin of another site: which check does Chromium report first?',
    request: put(),
    preflight: { status: 403, headers: [[ACAO, 'https://example.com'], [ACAM, 'PUT']] },
    actual: okFor(),
  },
  {
    id: 'preflight-status-500-method-missing',
    title: 'Preflight 500 with origin allowed but no methods',
    dimension: 'preflight-status',
    description: 'A PUT whose preflight is answered 500 with the origin allowed and no Allow-Methods.',
    request: put(),
    preflight: { status: 500, headers: [[ACAO, APP]] },
    actual: okFor(),
  },
];

export const PREFLIGHT_STATUS: readonly Scenario[] = [...withCors, ...withoutCors, ...extra];
