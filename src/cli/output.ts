// Where the command line's words go. People read short Chinese lines on stdout; with --json stdout
// carries exactly one JSON document and everything else (progress, hints) goes to stderr.
import { ApiError } from '../main/api/errors';
import type { JobControl } from '../main/jobs/jobRegistry';
import { MESSAGES } from './text';

export class Output {
  constructor(readonly json: boolean) {}

  /** A line for people on stdout (skipped in --json mode, where stdout is the document only). */
  line(text = ''): void {
    if (!this.json) process.stdout.write(`${text}\n`);
  }

  /** The one JSON document of a --json run (or of `call`, which always answers in JSON). */
  document(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Progress and hints: stderr, so stdout stays clean for pipes. */
  note(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  /** A refusal: the stable code and the Chinese message; in --json mode also as the document. */
  refusal(code: string, message: string, details: Record<string, unknown> = {}): void {
    if (this.json) this.document({ ok: false, code, message, ...details });
    process.stderr.write(`${MESSAGES.refused(code, message)}\n`);
  }
}

/** A refusal that carries more for machines than the code and message (e.g. fingerprints to compare). */
export class DetailedRefusal extends ApiError {
  constructor(
    code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(code, message);
  }
}

/** Progress lines at most this often, so a long import does not flood the terminal. */
const PROGRESS_INTERVAL_MS = 400;

export interface CliJobControl extends JobControl {
  cancel(): void;
}

/**
 * A JobControl for work run in this process: prints progress to stderr (unless --json) and
 * turns a cancel request (Ctrl+C) into `cancelled`, which the work checks at its safe points.
 */
export function progressControl(output: Output): CliJobControl {
  let cancelled = false;
  let lastPrinted = 0;
  let lastMessage = '';
  return {
    progress(done, total, message) {
      if (output.json) return;
      const now = Date.now();
      // A new stage is always shown; repeats of the same stage at most every PROGRESS_INTERVAL_MS.
      if (message === lastMessage && now - lastPrinted < PROGRESS_INTERVAL_MS && done < total) return;
      lastPrinted = now;
      lastMessage = message;
      output.note(MESSAGES.progress(done, total, message));
    },
    get cancelled() {
      return cancelled;
    },
    cancel() {
      cancelled = true;
    },
  };
}

/**
 * While `work` runs, the first Ctrl+C asks it to stop at a safe point (nothing half-written);
 * a second one exits at once.
 */
export async function interruptible<T>(output: Output, onInterrupt: () => void, work: () => Promise<T>): Promise<T> {
  let interrupts = 0;
  const handler = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    output.note(MESSAGES.interrupted);
    onInterrupt();
  };
  process.on('SIGINT', handler);
  try {
    return await work();
  } finally {
    process.off('SIGINT', handler);
  }
}
