import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No UI string is written into a component: every word a user sees or hears comes from the
 * catalogues (lib/i18n/catalogues). This scans the extension's UI sources with the TypeScript
 * parser for JSX text, user-facing JSX attributes and DOM text/attribute assignments that hold
 * letters, rather than trusting review.
 */
const ROOT = join(import.meta.dirname, '..');
const UI_DIRS = ['components', 'entrypoints'];
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'aria-description',
]);
const SPOKEN_PROPERTIES = new Set(['textContent', 'title', 'placeholder', 'ariaLabel']);
/** Words that are the same in every language: the product's name, symbols, an example URL. */
const ALLOWED = /^(Waymark|https:\/\/\S+|[^\p{L}]*)$/u;
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    const ui = /\.(tsx|ts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    const skipped = path.includes(join('entrypoints', 'background'));
    return ui && !skipped ? [path] : [];
  });
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const spoken = (text: string) => words(text) !== '' && !ALLOWED.test(words(text));

function literal(node: ts.Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => s.literal.text).join(' ');
  return undefined;
}

/** The hard-coded words in one file, as `file:line "text"`. */
function hardCoded(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, words: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${relative(ROOT, path)}:${line} "${words.trim().slice(0, 60)}"`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && spoken(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      const value = init && ts.isJsxExpression(init) ? literal(init.expression) : literal(init);
      if (value !== undefined && spoken(value)) report(node, value);
    }
    if (ts.isCallExpression(node) && node.expression.getText().endsWith('setAttribute')) {
      const [name, value] = node.arguments.map((a) => literal(a));
      if (name !== undefined && SPOKEN_ATTRIBUTES.has(name) && value && spoken(value))
        report(node, value);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left;
      const value = literal(node.right);
      if (
        ts.isPropertyAccessExpression(target) &&
        SPOKEN_PROPERTIES.has(target.name.text) &&
        value &&
        spoken(value)
      )
        report(node, value);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('UI strings', () => {
  it('are all in the catalogues: no component or in-page part hard-codes a word', () => {
    const files = UI_DIRS.flatMap((dir) => sources(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap(hardCoded)).toEqual([]);
  });

  it('are found by this scan when they are hard-coded (it can fail)', () => {
    const probe = join(ROOT, 'scripts', 'fixtures', 'hard-coded-probe.tsx');
    expect(hardCoded(probe)).toEqual([
      'scripts/fixtures/hard-coded-probe.tsx:2 "Save changes"',
      'scripts/fixtures/hard-coded-probe.tsx:3 "Close dialog"',
      'scripts/fixtures/hard-coded-probe.tsx:8 "Loading"',
    ]);
  });
});
