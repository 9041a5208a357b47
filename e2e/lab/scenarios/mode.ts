/**
 * Request modes other than cors against a cross-origin URL.
 */
import type { Scenario } from '../scenario';
import { ACAM, ACAO, APP, okFor } from './build';

export const MODES: readonly Scenario[] = [
  {
    id: 'mode-same-origin-get',
    title: 'mode "same-origin" to another origin',
    dimension: 'mode',
    description: 'fetch(url, { mode: "same-origin" }) to the api origin: refused before anything is sent, whatever the server would allow.',
    request: { target: 'api', method: 'GET', credentials: 'omit', mode: 'same-origin' },
    actual: okFor(),
  },
  {
    id: 'mode-same-origin-put',
    title: 'mode "same-origin" PUT to another origin',
    dimension: 'mode',
    description: 'A PUT with mode "same-origin" to the api origin; the preflight would allow it.',
    request: { target: 'api', method: 'PUT', credentials: 'omit', mode: 'same-origin', body: 'x' },
    preflight: { status: 204, headers: [[ACAO, APP], [ACAM, 'PUT']] },
    actual: okFor(),
  },
  {
    id: 'mode-same-origin-third',
    title: 'mode "same-origin" to the third origin',
    dimension: 'mode',
    description: 'A GET with mode "same-origin" to the third origin, which answers ACAO *.',
    request: { target: 'third', method: 'GET', credentials: 'include', mode: 'same-origin' },
    actual: okFor([[ACAO, '*']]),
  },
];
