/** `cors-lens analyze <file.har>`: import, diagnose, report. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { HarImportError } from '../har/errors';
import { importHar, parseHarText } from '../har/import';
import { buildReport, type AnalyzedExchange } from '../report/model';
import { renderChunks } from '../report/render';
import { diagnose } from '../rules';
import { EXIT, type AnalyzeCommand } from './args';
import { wantsColor, writeAll, type CliIO } from './io';
import { createProgress } from './progress';

/** Files from this size on get progress lines even when stderr is not a terminal. */
export const LARGE_FILE_BYTES = 16 * 1024 * 1024;
/** Beyond this a HAR cannot become one JavaScript string (V8's limit is ~512 Mi characters). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

const MiB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Reads and parses the file; the text is dropped as soon as it is parsed. */
async function loadDocument(file: string, size: number): Promise<unknown> {
  if (size > MAX_FILE_BYTES) throw new HarImportError('too-large', `${file} is ${MiB(size)}: HAR files over ${MiB(MAX_FILE_BYTES)} are not supported. Export a shorter recording.`);
  let text: string;
  try {
    text = (await readFile(file)).toString('utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_STRING_TOO_LONG') {
      throw new HarImportError('too-large', `${file} is ${MiB(size)}: too large to read as one document. Export a shorter recording.`);
    }
    throw e;
  }
  return parseHarText(text);
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
    const doc = await loadDocument(cmd.file, size);
    progress.stage('pairing preflights with their requests');
    const imported = importHar(doc, { onProgress: (done, total) => progress.count('entries', done, total) });
    const { exchanges } = imported;
    progress.stage(`diagnosing ${exchanges.length} cross-origin requests`);
    const items: AnalyzedExchange[] = new Array<AnalyzedExchange>(exchanges.length);
    for (let i = 0; i < exchanges.length; i++) {
      items[i] = { exchange: exchanges[i]!, diagnosis: diagnose(exchanges[i]!) };
      if ((i & 1023) === 1023) progress.count('requests', i + 1, exchanges.length);
    }
    const source = { kind: 'har' as const, name: basename(cmd.file), counts: { ...imported.stats } };
    const report = buildReport(items, {
      source: imported.creator ? { ...source, creator: imported.creator } : source,
      includeSensitive: cmd.includeSensitive, onlyBlocked: cmd.onlyBlocked, warnings: imported.warnings,
    });
    progress.stage(`writing the ${cmd.format} report`);
    await writeAll(io.stdout, renderChunks(report, cmd.format, { color: cmd.format === 'text' && wantsColor(io) }));
    progress.done();
    if (cmd.includeSensitive) io.stderr.write(`cors-lens: ${report.redaction.notice}\n`);
    return report.summary.blocked > 0 ? EXIT.blocked : EXIT.ok;
  } catch (e) {
    progress.done();
    if (e instanceof HarImportError) {
      io.stderr.write(`cors-lens: ${cmd.file}: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
