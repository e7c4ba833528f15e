/**
 * Progress on stderr for long work — only when stderr is a TTY and `--quiet` is not given, so
 * pipes, files and CI logs get machine output only. A no-op object otherwise.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** Names the step now running and sets how many are done. */
  step(done: number, label: string): void;
  stop(): void;
}

const NONE: Progress = { step: () => {}, stop: () => {} };

export interface ProgressOptions {
  quiet?: boolean;
  /** For tests: the stream to draw on (default process.stderr). */
  stream?: NodeJS.WriteStream;
}

export function createProgress(total: number, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet || !stream.isTTY) return NONE;
  const bar = new cliProgress.SingleBar(
    { stream, format: 'iamgraph [{bar}] {value}/{total} {label}', hideCursor: true, clearOnComplete: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  let stopped = false;
  return {
    step(done, label) {
      bar.update(done, { label });
    },
    stop() {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
