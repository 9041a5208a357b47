/**
 * A garbage-collection hint for the CLI's big batch jobs. V8 grows the old generation lazily: after a
 * 100 MiB HAR is parsed and converted, the dead document and per-request garbage would otherwise
 * stay in memory for the whole analysis (peak RSS ~2× of JSON.parse instead of ~1.1×). Node exposes
 * gc() only with --expose-gc; the flag can be turned on at run time and gc() fetched from a fresh
 * context. If that ever stops working, the hint is a no-op and only memory use suffers.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let cached: (() => void) | undefined;

export function gcHint(): () => void {
  if (cached) return cached;
  let gc: unknown;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('typeof gc === "function" ? gc : undefined');
  } catch {
    gc = undefined;
  }
  cached = typeof gc === 'function' ? () => (gc as () => void)() : () => undefined;
  return cached;
}
