import type { Plugin } from 'vite';

/**
 * Whitespace and comments out of a stylesheet. Enough for our own hand-written CSS (no strings
 * holding braces or semicolons); a stylesheet that needs more than this should not be inline.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * Minifies stylesheets imported as strings (`import css from './page.css?raw'`) for the content
 * script's closed shadow root: Vite's `?raw` keeps every comment and space, and its `?inline`
 * CSS does not run in WXT's content-script builds. Without this plugin (tests) the raw text works
 * the same.
 */
export function cssString(): Plugin {
  return {
    name: 'waymark-css-string',
    transform(code, id) {
      if (!/\.css\?raw$/.test(id)) return null;
      const match = /^export default (".*");?\s*$/s.exec(code);
      if (match === null) return null;
      const text = JSON.parse(match[1]!) as string;
      return { code: `export default ${JSON.stringify(minifyCss(text))};`, map: null };
    },
  };
}
