/**
 * The CLI: `main(argv, io)` returns the exit code and never calls process.exit, so tests run it
 * in-process with captured streams. index.ts wires it to the real process.
 */
import { analyzeCommand } from './analyze';
import { EXIT, parseCommand, USAGE, UsageError } from './args';
import type { CliIO } from './io';
import { probeCommand } from './probe-command';
import { cliVersion } from './version';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`cors-lens: ${e.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  try {
    switch (command.kind) {
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return EXIT.ok;
      case 'version':
        io.stdout.write(`${cliVersion()}\n`);
        return EXIT.ok;
      case 'analyze':
        return await analyzeCommand(command, io);
      case 'probe':
        return await probeCommand(command, io);
    }
  } catch (e) {
    // A bug, not bad input: say so plainly, with the stack for the bug report.
    io.stderr.write(`cors-lens: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\nPlease report it with the command you ran.\n`);
    return EXIT.usage;
  }
}
