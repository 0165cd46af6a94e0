import css from './author.css?raw';

/**
 * The authors' tools' stylesheet (element picker, tip preview): added to the shadow root with
 * the tools themselves (author-tools.ts), so learners' pages never carry it.
 */
export const AUTHOR_STYLE: string = css;
