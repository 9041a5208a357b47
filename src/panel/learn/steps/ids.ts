/** The Learn walk-through's steps, in reading order. Ids are stable: "Explain like I'm new" links to them. */
export const STEP_IDS = [
  'origin',
  'same-origin-policy',
  'simple-requests',
  'preflight',
  'response-headers',
  'checks',
  'credentials',
  'caches',
  'aws',
] as const;

export type StepId = (typeof STEP_IDS)[number];

export const FIRST_STEP: StepId = 'origin';

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}
