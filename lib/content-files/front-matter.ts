/**
 * Splits a Markdown file into YAML front matter and body. The front matter must open on the first
 * line with `---` and close with a line holding only `---`.
 */
export interface FrontMatterSplit {
  yaml: string;
  /** 1-based line where the YAML starts (the line after the opening `---`). */
  yamlLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export function splitFrontMatter(text: string): FrontMatterSplit | string {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!source.startsWith('---\n'))
    return 'the file must start with a "---" line opening the YAML front matter';
  const close = /^---[ \t]*$/m;
  const rest = source.slice(4);
  const match = close.exec(rest);
  if (match === null) return 'the YAML front matter is never closed by a "---" line';
  const yaml = rest.slice(0, match.index);
  const yamlLines = yaml.split('\n').length - 1;
  const afterClose = rest.slice(match.index + match[0].length).replace(/^\n/, '');
  return {
    yaml,
    yamlLine: 2,
    body: afterClose.trim() === '' ? '' : afterClose,
    bodyLine: 2 + yamlLines + 1,
  };
}
