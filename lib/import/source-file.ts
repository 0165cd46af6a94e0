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

/** The 1-based line of the first match of each value of `pattern`'s first group, in one pass. */
export function linesByMatch(text: string, pattern: RegExp): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    for (
      let i = text.indexOf('\n', last);
      i !== -1 && i < match.index;
      i = text.indexOf('\n', i + 1)
    )
      line++;
    last = match.index;
    const key = match[1] ?? '';
    if (!lines.has(key)) lines.set(key, line);
  }
  return lines;
}
