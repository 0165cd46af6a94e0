/** Base64 digits of a source map's VLQ `mappings` (https://sourcemaps.info/spec.html). */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One generated line's segments as decoded numbers (each relative to the previous, per the spec). */
function decodeLine(line: string): number[][] {
  const segments: number[][] = [];
  let fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of line) {
    if (char === ',') {
      segments.push(fields);
      fields = [];
      continue;
    }
    const digit = DIGITS.indexOf(char);
    if (digit === -1) throw new Error(`source map: "${char}" is not a base64 digit`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    [value, shift] = [0, 0];
  }
  if (fields.length > 0) segments.push(fields);
  return segments;
}

export interface SourceMapLike {
  sources: string[];
  mappings: string;
}

/**
 * The generated code of a bundle split by the source each character came from (a segment runs to
 * the next one on its line); characters before a line's first segment, or mapped to no source,
 * are `(unmapped)`. Joined, the parts are the whole code.
 */
export function codeBySource(code: string, map: SourceMapLike): Map<string, string> {
  const parts = new Map<string, string>();
  const add = (source: string, text: string) => {
    if (text !== '') parts.set(source, (parts.get(source) ?? '') + text);
  };
  const mapLines = map.mappings.split(';');
  let source = 0;
  code.split('\n').forEach((line, index) => {
    if (index > 0) add('(unmapped)', '\n');
    const segments = decodeLine(mapLines[index] ?? '');
    let column = 0;
    const starts = segments.map((fields) => {
      column += fields[0] ?? 0;
      if (fields.length >= 4) source += fields[1] ?? 0;
      return { column, source: fields.length >= 4 ? map.sources[source] : undefined };
    });
    add('(unmapped)', line.slice(0, starts[0]?.column ?? line.length));
    starts.forEach((start, i) => {
      const end = starts[i + 1]?.column ?? line.length;
      add(start.source ?? '(unmapped)', line.slice(start.column, end));
    });
  });
  return parts;
}
