/** Bundle entry (vite.cli.config.ts → dist-cli/cors-lens.mjs), loaded by bin/cors-lens.js. */
import { main } from './main';

export { main };

export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // A closed pipe (`cors-lens analyze big.har | head`) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return main(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}
