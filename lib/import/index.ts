export {
  htmlToMarkdown,
  parseHtml,
  type ConvertOptions,
  type ConvertResult,
} from './html-to-markdown';
export { planImport, itemHref, type ImportPlan, type PlannedItem, type PlanOptions } from './plan';
export { readZendesk, type SourceReport } from './zendesk';
export { readConfluence } from './confluence';
export { readGuru } from './guru';
export { readFolder, FOLDER_EXTENSIONS, type FolderKind } from './folder';
export type { SourceDocument, ImportNotice } from './source-document';
export type { SourceFile } from './source-file';
