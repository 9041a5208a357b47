/**
 * A platform module: how to recognise one platform on the wire, what its error answers mean,
 * which fix stacks apply, and its own findings. Adding a platform = one file + one line in index.ts.
 */
import type { Exchange, PlatformMatch, Verdict } from '../../model';
import type { Candidate, PlatformRules, RuleContext } from '../findings/context';
import type { SignalInput } from './signals';

export interface PlatformModule extends PlatformRules {
  /**
   * `cdn` modules are reported as Diagnosis.cdn when an origin platform is also recognised; a `proxy`
   * (nginx) is the origin when it is all that is recognised, and in front of the app (Diagnosis.cdn,
   * unless a CDN is recognised too) when the app behind it shows as well.
   */
  role: 'origin' | 'cdn' | 'proxy';
  /** `input`: what detection reads of the exchange, shared by every platform (built when absent). */
  detect(exchange: Exchange, verdict: Verdict, input?: SignalInput): PlatformMatch | null;
  /** Findings only this platform can explain (deploy state, platform quirks). */
  findings(ctx: RuleContext): Candidate[];
}
