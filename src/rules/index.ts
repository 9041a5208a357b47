/**
 * The rules module: pure functions from an Exchange to a Verdict (Chromium's decision) and a
 * Diagnosis (verdict + platform + findings + fixes). No chrome.*, no DOM, no I/O — it runs in the
 * worker, the panel, the CLI and tests alike (enforced by eslint and a unit test).
 */
export { evaluate } from './evaluate';
export { createDiagnoser, diagnose } from './diagnose';
