export {
  Catalogue,
  type Detection,
  type DetectionResult,
  type Explanation,
  type DetectOptions,
} from './catalogue';
export { compileApp, detectInApp, type AppDetector } from './app-detector';
export type { QueryRoot } from './dom';
export type { RecordRef } from './screens';
export { normaliseHost } from './hosts';
