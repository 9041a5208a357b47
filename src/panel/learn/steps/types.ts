import type { FunctionComponent } from 'preact';
import type { Exchange } from '../../../model';
import type { StepId } from './ids';

/** One version of a step's example: the exchange is built, never judged here — the rules judge it. */
export interface Variant {
  id: string;
  label: string;
  /** What this variant changes, in plain words (not its outcome: that is computed). */
  note: string;
  exchange: () => Exchange;
}

export interface LearnLink {
  label: string;
  href: string;
}

export interface LearnStep {
  id: StepId;
  title: string;
  /** Short label for the step list. */
  short: string;
  Body: FunctionComponent;
  variants: readonly Variant[];
  /** Open "Asked vs allowed" under the example by default (steps about the checks). */
  showChecks?: boolean;
  /** Open "The messages on the wire" under the example by default (steps about the request itself). */
  showWire?: boolean;
  links: readonly LearnLink[];
}
