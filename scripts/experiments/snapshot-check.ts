/**
 * Compares today's diagnoses with a reference built from a baseline commit's copy of the files
 * being optimised, while everything else (the CORS engine, HAR import, the model, fixtures) is
 * taken from the working tree. Other people change the engine meanwhile; this keeps their changes
 * on both sides, so a difference can only come from the optimised files.
 *
 *   npx tsx scripts/experiments/snapshot-check.ts [baseline-commit=755e108]
 * Runs diagnose-snapshot.ts and report-snapshot.ts on both sides; exits 1 unless both are byte-identical.
 *
 * The reference tree lives in /tmp/cors-lens-ref (git archive of the baseline; no git state touched).
 */
import { execFileSync, execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const base = process.argv[2] ?? '755e108';
const ref = '/tmp/cors-lens-ref';
/** The files being optimised: they come from the baseline commit in the reference tree. */
const OWNED = ['src/rules/diagnose.ts', 'src/rules/findings', 'src/rules/platforms', 'src/report', 'src/cli', 'src/panel/state'];
const SYNCED = ['src', 'test/fixtures', 'test/golden/files/sample.har', 'scripts/experiments/diagnose-snapshot.ts', 'scripts/experiments/report-snapshot.ts'];

const owned = (path: string): boolean => OWNED.some((o) => path === o || path.startsWith(`${o}/`));

if (!existsSync(join(ref, '.base')) || execSync(`cat ${ref}/.base`, { encoding: 'utf8' }).trim() !== base) {
  rmSync(ref, { recursive: true, force: true });
  mkdirSync(ref, { recursive: true });
  execSync(`git -C ${root} archive ${base} | tar -x -C ${ref} && echo ${base} > ${ref}/.base`);
  symlinkSync(join(root, 'node_modules'), join(ref, 'node_modules'));
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir).flatMap((f) => files(join(dir, f)));
}

for (const top of SYNCED) {
  const here = new Set(files(join(root, top)).map((f) => relative(root, f)).filter((f) => !owned(f)));
  for (const f of files(join(ref, top)).map((x) => relative(ref, x))) if (!owned(f) && !here.has(f)) rmSync(join(ref, f));
  for (const f of here) cpSync(join(root, f), join(ref, f));
}

const run = (dir: string, script: string, out: string): string => execFileSync('npx', ['tsx', `scripts/experiments/${script}`, out], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
for (const [script, kind] of [['diagnose-snapshot.ts', 'jsonl'], ['report-snapshot.ts', 'txt']] as const) {
  const a = `/tmp/cors-lens-${script.replace('.ts', '')}-ref.${kind}`;
  const b = `/tmp/cors-lens-${script.replace('.ts', '')}-now.${kind}`;
  console.log(`${script} reference (${base}'s optimised files): ${run(ref, script, a)}`);
  console.log(`${script} working tree:                        ${run(root, script, b)}`);
  try {
    execFileSync('cmp', [a, b], { stdio: 'inherit' });
    console.log('IDENTICAL');
  } catch {
    console.log('DIFFERENT');
    process.exitCode = 1;
  }
}
