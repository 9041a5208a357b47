/**
 * The scenario registry: every family in one list, in the order the lab page shows them.
 * Adding a family = one file exporting a `Scenario[]`, plus one line here.
 */
import type { Dimension, Scenario } from '../scenario';
import { SEED } from './seed';
import { ACAO_FORMS } from './acao';
import { CREDENTIALS } from './credentials';
import { METHODS } from './methods';
import { HEADERS } from './headers';
import { SAFELIST } from './safelist';
import { CONTENT_TYPES } from './content-type';
import { RANGES } from './range';
import { MODES } from './mode';
import { PREFLIGHT_STATUS } from './preflight-status';
import { PREFLIGHT_REDIRECTS } from './preflight-redirect';
import { REDIRECT_CHAINS } from './redirect-chain';
import { PREFLIGHT_CACHE } from './preflight-cache';
import { HTTP_CACHE, HTTP_CACHE_AFTER_REDIRECT } from './http-cache';
import { ERROR_STATUS } from './error-status';

export const SCENARIOS: readonly Scenario[] = [
  ...SEED,
  ...ACAO_FORMS,
  ...CREDENTIALS,
  ...METHODS,
  ...HEADERS,
  ...SAFELIST,
  ...CONTENT_TYPES,
  ...RANGES,
  ...MODES,
  ...PREFLIGHT_STATUS,
  ...PREFLIGHT_REDIRECTS,
  ...REDIRECT_CHAINS,
  ...PREFLIGHT_CACHE,
  ...HTTP_CACHE,
  ...HTTP_CACHE_AFTER_REDIRECT,
  ...ERROR_STATUS,
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

export function countByDimension(list: readonly Scenario[] = SCENARIOS): Map<Dimension, number> {
  const counts = new Map<Dimension, number>();
  for (const s of list) counts.set(s.dimension, (counts.get(s.dimension) ?? 0) + 1);
  return counts;
}
