/** `cors-lens probe <url> --origin <origin> …`: probe, diagnose, report. */
import { buildReport } from '../report/model';
import { renderChunks } from '../report/render';
import { diagnose } from '../rules';
import { EXIT, type ProbeCommand } from './args';
import { wantsColor, writeAll, type CliIO } from './io';
import { probe } from './probe';
import { cliVersion } from './version';

export async function probeCommand(cmd: ProbeCommand, io: CliIO): Promise<number> {
  const { exchange, unreachable } = await probe({
    url: cmd.url, origin: cmd.origin, method: cmd.method, headers: cmd.headers, credentials: cmd.credentials,
    timeoutMs: cmd.timeoutMs, userAgent: `cors-lens/${cliVersion()} (probe; like Chromium)`,
  });
  const diagnosis = diagnose(exchange);
  const report = buildReport([{ exchange, diagnosis }], {
    source: { kind: 'probe', name: cmd.url, pageUrl: cmd.origin }, includeSensitive: cmd.includeSensitive,
  });
  await writeAll(io.stdout, renderChunks(report, cmd.format, { color: cmd.format === 'text' && wantsColor(io) }));
  if (cmd.includeSensitive) io.stderr.write(`cors-lens: ${report.redaction.notice}\n`);
  if (unreachable) {
    io.stderr.write(`cors-lens: ${cmd.url} could not be reached: ${exchange.observed.errorText ?? exchange.preflight?.error ?? 'network error'}\n`);
    return EXIT.unreachable;
  }
  return diagnosis.verdict.blocked ? EXIT.blocked : EXIT.ok;
}
