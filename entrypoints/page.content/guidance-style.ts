// Imported as a string (`?raw`, minified by scripts/css-string.ts), like page.css.
import css from './guidance.css?raw';

/** The guidance's stylesheet (guidance.css), added to the shadow root with its code. */
export const GUIDANCE_STYLE: string = css;
