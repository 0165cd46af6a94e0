export { loadContent, type LoadedContent } from './load';
export { buildBundle } from './bundle';
export { formatProblem, type Problem } from './problem';
export { parseAppFile, parseItemFile, type Located } from './parse';
export { findUnsafeMarkdown, isSafeLink } from '@/lib/markdown/link-safety';
