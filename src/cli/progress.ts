/**
 * Progress on stderr: live-updated on a TTY; for large files on a pipe, one line per stage only
 * (logs stay readable). Silent for small files on a pipe.
 */
import type { CliStream } from './io';

export interface Progress {
  stage(text: string): void;
  count(label: string, done: number, total: number): void;
  done(): void;
}

export const SILENT: Progress = { stage: () => undefined, count: () => undefined, done: () => undefined };

export function createProgress(stderr: CliStream, enabled: boolean): Progress {
  if (!enabled) return SILENT;
  const tty = stderr.isTTY === true;
  let live = false;
  let lastPercent = -1;
  const end = (): void => {
    if (live) stderr.write('\n');
    live = false;
  };
  return {
    stage(text) {
      end();
      lastPercent = -1;
      stderr.write(`cors-lens: ${text}\n`);
    },
    count(label, done, total) {
      if (!tty) return;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (percent === lastPercent) return;
      lastPercent = percent;
      stderr.write(`\r\u001b[2Kcors-lens: ${label} ${done}/${total} (${percent}%)`);
      live = true;
    },
    done: end,
  };
}
