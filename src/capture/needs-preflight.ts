import type { Header } from '../model';
import { preflightNeed } from '../rules/cors';

/** The grouping's question, answered by the rules module: would Chromium preflight this request? */
export function needsPreflight(method: string, headers: Header[]): boolean {
  return preflightNeed(method, headers).reasons.length > 0;
}
