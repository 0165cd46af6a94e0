import {
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problem';

/** A YAML document that remembers where each value came from, so schema errors get a line. */
export interface YamlSource {
  doc: Document;
  value: unknown;
  /** Problems from the YAML parser itself (syntax, duplicate keys). */
  problems: Problem[];
  lineOf(path: readonly PropertyKey[]): number;
}

/** Parses `text`, which starts at line `firstLine` of `file` (front matter starts at 2). */
export function parseYamlSource(text: string, file: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => counter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((error) => ({
    file,
    line: lineAt(error.pos[0]),
    message: `YAML: ${error.message.split('\n')[0] ?? error.message}`,
  }));

  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = doc.contents;
    let line = node !== null && isNode(node) && node.range ? lineAt(node.range[0]) : firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
        );
        if (pair === undefined) break;
        const keyNode = pair.key as Node;
        if (keyNode.range) line = lineAt(keyNode.range[0]);
        node = pair.value;
        if (isNode(node) && node.range && !isMap(node) && !isSeq(node))
          line = lineAt(node.range[0]);
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (!isNode(node)) break;
        if (node.range) line = lineAt(node.range[0]);
      } else break;
    }
    return line;
  };

  return { doc, value: doc.errors.length > 0 ? undefined : doc.toJS(), problems, lineOf };
}

function describePath(path: readonly PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
    .join('')
    .replace(/^\./, '');
}

/** Turns zod issues into problems at the line of the offending value (or its nearest parent). */
export function zodProblems(error: z.ZodError, source: YamlSource, file: string): Problem[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length > 0 ? [...issue.path, keys[0] as string] : issue.path;
    const where = describePath(issue.path);
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${where ? `${where}.` : ''}${k}"`).join(', ')}`
        : `${where || '(top level)'}: ${issue.message}`;
    return { file, line: source.lineOf(path), message };
  });
}
