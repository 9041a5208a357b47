/** The walk-through, in order (ids in ./ids.ts; a test checks both lists agree). */
import { awsStep } from './aws';
import { originStep, sameOriginPolicyStep } from './basics';
import { cachesStep } from './caches';
import { credentialsStep } from './credentials';
import { checksStep, responseHeadersStep } from './headers';
import type { StepId } from './ids';
import { preflightStep, simpleRequestsStep } from './requests';
import type { LearnStep } from './types';

export const STEPS: readonly LearnStep[] = [
  originStep,
  sameOriginPolicyStep,
  simpleRequestsStep,
  preflightStep,
  responseHeadersStep,
  checksStep,
  credentialsStep,
  cachesStep,
  awsStep,
];

export function stepById(id: StepId): LearnStep {
  return STEPS.find((s) => s.id === id) ?? STEPS[0]!;
}

export type { LearnStep, Variant } from './types';
export { STEP_IDS, type StepId } from './ids';
