/** A file of an export, read by the command line (lib/import itself never touches the disk). */
export interface SourceFile {
  /** The path shown in notices (relative to where the command runs). */
  path: string;
  text: string;
}

/** 1-based line of the `nth` match of `pattern` (a global regular expression) in `text`; 1 if none. */
export function lineOfMatch(text: string, pattern: RegExp, nth: number): number {
  let count = 0;
  for (const match of text.matchAll(pattern)) {
    if (count++ === nth) return text.slice(0, match.index).split('\n').length;
  }
  return 1;
}
