/**
 * Real error statuses on the actual response, with and without CORS headers: with them the page can
 * read the error (fetch resolves with the status); without them it sees only a CORS failure.
 */
import type { Scenario } from '../scenario';
import { ACAM, ACAO, APP, get, json, put } from './build';

const STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504];

const simple = STATUSES.flatMap((status): Scenario[] => [
  {
    id: `error-${status}-with-acao`,
    title: `GET answered ${status} with ACAO`,
    dimension: 'error-status',
    description: `A simple GET answered ${status} with a JSON error body and Access-Control-Allow-Origin = the page.`,
    request: get(),
    actual: json(status, [[ACAO, APP]], `{"error":${status}}`),
  },
  {
    id: `error-${status}-without-acao`,
    title: `GET answered ${status} without ACAO`,
    dimension: 'error-status',
    description: `A simple GET answered ${status} with a JSON error body and no CORS headers.`,
    request: get(),
    actual: json(status, [], `{"error":${status}}`),
  },
]);

const preflighted = [401, 403, 500, 502].flatMap((status): Scenario[] => [
  {
    id: `error-put-${status}-with-acao`,
    title: `PUT (preflight OK) answered ${status} with ACAO`,
    dimension: 'error-status',
    description: `A PUT whose preflight is allowed; the actual answer is ${status} with Access-Control-Allow-Origin.`,
    request: put(),
    preflight: { status: 204, headers: [[ACAO, APP], [ACAM, 'PUT']] },
    actual: json(status, [[ACAO, APP]], `{"error":${status}}`),
  },
  {
    id: `error-put-${status}-without-acao`,
    title: `PUT (preflight OK) answered ${status} without ACAO`,
    dimension: 'error-status',
    description: `A PUT whose preflight is allowed; the actual answer is ${status} with no CORS headers.`,
    request: put(),
    preflight: { status: 204, headers: [[ACAO, APP], [ACAM, 'PUT']] },
    actual: json(status, [], `{"error":${status}}`),
  },
]);

export const ERROR_STATUS: readonly Scenario[] = [...simple, ...preflighted];
