/**
 * Collects the ordered check rows of one evaluation. Chromium stops at the first failing check;
 * rows after it are still computed (so the panel can say "this would fail too") but recorded as
 * `skip`, with the would-be result in the note.
 */
import type { Check, CorsError, Phase } from '../../model';

export interface Failure {
  /** Null for failures that are not CORS errors (a network error, too many redirects). */
  corsError: CorsError | null;
  failedParameter: string | null;
  phase: Phase;
  /** For a failure that is not a CORS error: what ended the request instead, in one sentence. */
  reason?: string;
  /** True when that end is only the likeliest reading of what the capture lacks, not something it shows. */
  inferred?: boolean;
}

export interface Undecided {
  phase: Phase;
  reason: string;
}

export type Row = Omit<Check, 'result'>;

export class Recorder {
  readonly checks: Check[] = [];
  failure: Failure | null = null;
  undecided: Undecided | null = null;

  /**
   * quiet: keep only the outcome (failure / undecided), not the rows. For a credentials mode that is
   * evaluated only to be compared with another (see credentials.ts): the outcome is the same either way.
   */
  constructor(private readonly quiet = false) {}

  /** True once a check failed or could not be judged: later checks were never reached. */
  get stopped(): boolean {
    return this.failure !== null || this.undecided !== null;
  }

  pass(row: Row): void {
    if (this.quiet) return;
    if (this.stopped) this.checks.push(this.unreached(row, 'pass'));
    else this.checks.push({ ...row, result: 'pass' });
  }

  /** A failing check; the first one decides the verdict. */
  fail(row: Row, failure: Omit<Failure, 'phase'>): void {
    if (this.stopped) {
      if (!this.quiet) this.checks.push(this.unreached(row, 'fail'));
      return;
    }
    if (!this.quiet) this.checks.push({ ...row, result: 'fail' });
    this.failure = { ...failure, phase: row.phase };
  }

  /**
   * The request ended here for a reason that is not a CORS check (a redirect the page did not let the
   * browser follow, a network error): nothing after it was performed, and no CorsError applies.
   */
  halt(row: Row, reason: string, inferred = false): void {
    if (!this.quiet) this.checks.push({ ...row, result: 'skip', note: row.note ?? reason });
    if (!this.stopped) this.failure = { corsError: null, failedParameter: null, phase: row.phase, reason, ...(inferred ? { inferred } : {}) };
  }

  /** A check that was not performed (not needed, or its input is not in the capture). */
  skip(row: Row): void {
    if (!this.quiet) this.checks.push({ ...row, result: 'skip' });
  }

  /** The capture lacks what the next check needs: the verdict must come from the observed outcome. */
  cannotJudge(row: Row, reason: string): void {
    if (!this.quiet) this.checks.push({ ...row, result: 'skip', note: row.note ?? reason });
    if (!this.stopped) this.undecided = { phase: row.phase, reason };
  }

  private unreached(row: Row, wouldBe: 'pass' | 'fail'): Check {
    const why = this.failure ? (this.failure.corsError === null && this.failure.reason ? 'the request ended earlier' : 'an earlier check failed') : 'an earlier step could not be judged';
    const own = row.note ? ` On its own it would ${wouldBe}: ${row.note}` : ` On its own it would ${wouldBe}.`;
    return { ...row, result: 'skip', note: `Not reached: ${why}.${own}` };
  }
}
