/** `cors-lens analyze <file.har>`: import, diagnose, report. */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { HarImportError } from '../har/errors';
import { importHar, parseHarText } from '../har/import';
import type { Exchange } from '../model';
import { jsonExchange, jsonHead, jsonTail } from '../report/format-json';
import { textExchange, textHead, textSummary } from '../report/format-text';
import { ReportBuilder, type AnalyzedExchange, type ReportExchange } from '../report/model';
import { renderChunks, type ReportFormat } from '../report/render';
import { createDiagnoser } from '../rules';
import { EXIT, type AnalyzeCommand } from './args';
import { wantsColor, writeAll, type CliIO } from './io';
import { gcHint } from './memory';
import { createProgress, type Progress } from './progress';

/** Files from this size on get progress lines even when stderr is not a terminal. */
export const LARGE_FILE_BYTES = 16 * 1024 * 1024;
/** Beyond this a HAR cannot become one JavaScript string (V8's limit is ~512 Mi characters). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

const MiB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Reads and parses the file; the text is dropped as soon as it is parsed. */
function loadDocument(file: string, size: number, progress: Progress): unknown {
  if (size > MAX_FILE_BYTES) throw new HarImportError('too-large', `${file} is ${MiB(size)}: HAR files over ${MiB(MAX_FILE_BYTES)} are not supported. Export a shorter recording.`);
  let text: string;
  try {
    // Sync on purpose: Node decodes the file straight into a string (no intermediate Buffer of the file's size).
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_STRING_TOO_LONG') {
      throw new HarImportError('too-large', `${file} is ${MiB(size)}: too large to read as one document. Export a shorter recording.`);
    }
    throw e;
  }
  const doc = parseHarText(text);
  progress.stage('pairing preflights with their requests');
  return doc;
}

/**
 * Diagnoses and renders exchange by exchange. Text and JSON stream (their summary comes last), so
 * nothing but the current exchange is held; Markdown and HTML open with the summary, so they are
 * built whole first. Each exchange is released from the input array once diagnosed.
 */
function* reportChunks(builder: ReportBuilder, exchanges: (Exchange | undefined)[], format: ReportFormat, color: boolean, tick: (done: number) => void): Generator<string> {
  // A recording repeats a few request shapes: their verdicts are computed once (exact; see verdict-cache.ts).
  const diagnose = createDiagnoser();
  const diagnosed = function* (): Generator<AnalyzedExchange> {
    for (let i = 0; i < exchanges.length; i++) {
      const exchange = exchanges[i]!;
      exchanges[i] = undefined;
      yield { exchange, diagnosis: diagnose(exchange) };
      if ((i & 1023) === 1023) tick(i + 1);
    }
    tick(exchanges.length);
  };
  if (format === 'text' || format === 'json') {
    yield format === 'text' ? [...textHead(builder.head, { color })].join('') : jsonHead(builder.head);
    let n = 0;
    for (const item of diagnosed()) {
      const x = builder.add(item);
      if (!x) continue;
      n++;
      if (format === 'text') yield* textExchange(x, n, { color });
      else yield jsonExchange(x, n === 1);
    }
    if (format === 'text') yield* textSummary(builder.head, builder.summary(), { color });
    else yield jsonTail(builder.summary(), n === 0);
    return;
  }
  const listed: ReportExchange[] = [];
  for (const item of diagnosed()) {
    const x = builder.add(item);
    if (x) listed.push(x);
  }
  yield* renderChunks({ ...builder.head, exchanges: listed, summary: builder.summary() }, format);
}

export async function analyzeCommand(cmd: AnalyzeCommand, io: CliIO): Promise<number> {
  let size: number;
  try {
    const info = await stat(cmd.file);
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    size = info.size;
  } catch (e) {
    io.stderr.write(`cors-lens: cannot read ${cmd.file}: ${(e as { code?: string }).code ?? (e as Error).message}\n`);
    return EXIT.usage;
  }
  const progress = createProgress(io.stderr, io.stderr.isTTY === true || size >= LARGE_FILE_BYTES);
  try {
    progress.stage(`reading ${cmd.file} (${MiB(size)})`);
    // The parsed document is never bound to a name here: it must die as soon as it is converted.
    const gc = gcHint();
    let nextGc = -1;
    const imported = importHar(loadDocument(cmd.file, size, progress), {
      releaseEntries: true,
      onProgress: (done, total) => {
        progress.count('entries', done, total);
        // Collect the converted half of the document (large files only; each full GC costs ~0.1 s there).
        if (nextGc < 0) nextGc = total / 2;
        if (size >= LARGE_FILE_BYTES && done >= nextGc) {
          gc();
          nextGc = done + total / 2;
        }
      },
    });
    if (size >= LARGE_FILE_BYTES) gc();
    const exchanges: (Exchange | undefined)[] = imported.exchanges;
    const source = { kind: 'har' as const, name: basename(cmd.file), counts: { ...imported.stats } };
    const builder = new ReportBuilder({
      source: imported.creator ? { ...source, creator: imported.creator } : source,
      includeSensitive: cmd.includeSensitive, onlyBlocked: cmd.onlyBlocked, warnings: imported.warnings,
    });
    progress.stage(`diagnosing ${exchanges.length} cross-origin requests (${cmd.format} report to stdout)`);
    await writeAll(io.stdout, reportChunks(builder, exchanges, cmd.format, wantsColor(io), (done) => {
      progress.count('requests', done, exchanges.length);
      if (size >= LARGE_FILE_BYTES && done % 32768 === 0) gc();
    }));
    const summary = builder.summary();    progress.done();
    if (cmd.includeSensitive) io.stderr.write(`cors-lens: ${builder.head.redaction.notice}\n`);
    return summary.blocked > 0 ? EXIT.blocked : EXIT.ok;
  } catch (e) {
    progress.done();
    if (e instanceof HarImportError) {
      io.stderr.write(`cors-lens: ${cmd.file}: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
