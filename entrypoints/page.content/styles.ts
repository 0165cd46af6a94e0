// Imported as a string (`?raw`, minified by scripts/css-string.ts): minified at build time, and it never reaches the
// page's document, only our closed shadow root (ui-root.ts).
import css from './page.css?raw';

/** The in-page UI's stylesheet (page.css). */
export const STYLE: string = css;
