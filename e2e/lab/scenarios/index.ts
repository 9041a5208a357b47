/**
 * The scenario registry: every family in one list, in the order the lab page shows them.
 * Adding a family = one file exporting a `Scenario[]`, plus one line here.
 */
import type { Dimension, Scenario } from '../scenario';
import { SEED } from './seed';

export const SCENARIOS: readonly Scenario[] = [
  ...SEED,
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

export function countByDimension(list: readonly Scenario[] = SCENARIOS): Map<Dimension, number> {
  const counts = new Map<Dimension, number>();
  for (const s of list) counts.set(s.dimension, (counts.get(s.dimension) ?? 0) + 1);
  return counts;
}
