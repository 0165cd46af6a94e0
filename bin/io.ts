import { fileURLToPath } from 'node:url';

/** The exit codes every command uses. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Raised for a bad invocation: printed on stderr with the command's usage, exit 2. */
export class UsageError extends Error {}

/** The repository's own `content/` folder: the default when a command is given none. */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../content', import.meta.url));

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Reads the file given to `--html`; a missing or unreadable file is a usage error (exit 2). */
export async function readHtmlArg(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read --html ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
