/**
 * The Learn examples' exchanges: the rules' own test builder (the preflight request derived the way
 * Chromium builds it), with ids unique per step and variant so diagrams never share SVG ids.
 */
import type { Exchange } from '../../../model';
import { buildExchange, type ExchangeSpec } from '../../../rules/cors/test-support';
import type { StepId } from './ids';
import type { Variant } from './types';

export const APP = 'https://app.example.com';
export const API = 'https://api.example.com';

export function variant(step: StepId, id: string, label: string, note: string, spec: ExchangeSpec | (() => Exchange)): Variant {
  return {
    id,
    label,
    note,
    exchange: typeof spec === 'function'
      ? () => ({ ...spec(), id: `learn-${step}-${id}` })
      : () => buildExchange({ origin: APP, url: `${API}/items`, credentials: 'same-origin', ...spec, id: `learn-${step}-${id}` }),
  };
}
