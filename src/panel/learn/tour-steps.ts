/**
 * The first-run tour: four short tips, each pointing at one part of the panel (the App marks the
 * part with `data-tour-step` on its root, and the stylesheet outlines it).
 */
export type TourStepId = 'toolbar' | 'list' | 'detail' | 'learn';

export interface TourStep {
  id: TourStepId;
  title: string;
  text: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'toolbar',
    title: 'The toolbar',
    text: 'Filter by text, show only blocked or cross-origin requests, pick a platform, import a HAR file or export a report.',
  },
  {
    id: 'list',
    title: 'One row per request',
    text: 'Each cross-origin request, its preflight included: ✕ blocked, ✓ allowed, ! worth a look, with the reason in plain words. ↑ ↓ to move, Enter to open.',
  },
  {
    id: 'detail',
    title: 'The details',
    text: 'Select a row to see what happened, what the browser asked and what the server allowed, and the fix for your stack. “Explain like I’m new” spells out the jargon.',
  },
  {
    id: 'learn',
    title: 'Learn and simulate',
    text: 'The Learn tab explains CORS step by step with live examples; its simulator lets you try a fix before you deploy it.',
  },
];
