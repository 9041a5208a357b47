/** What the CLI touches outside itself, injectable so tests can run main() in-process. */

export interface CliStream {
  /** May return false when the stream wants the writer to wait for 'drain' (Node streams). */
  write(chunk: string): boolean | void;
  isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface CliIO {
  stdout: CliStream;
  stderr: CliStream;
  env: Readonly<Record<string, string | undefined>>;
}

/** Writes chunks in ~64 KiB batches, waiting for 'drain' when the stream asks: huge reports never pile up in memory. */
export async function writeAll(stream: CliStream, chunks: Iterable<string>): Promise<void> {
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (!buffer) return;
    const ok = stream.write(buffer);
    buffer = '';
    if (ok === false && stream.once) await new Promise<void>((resolve) => stream.once!('drain', resolve));
  };
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 65536) await flush();
  }
  await flush();
}

/** Colour for text output: on a TTY, unless NO_COLOR; FORCE_COLOR forces it. */
export function wantsColor(io: CliIO): boolean {
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}
