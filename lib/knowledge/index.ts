export { KnowledgeService } from './service';
export { InsightRecorder, type InsightContext, type LearningFact } from './insights';
export { LessonProgressService, isCorrect } from './lessons';
export { SearchCache } from './search-cache';
export { memoryTabPages, type TabPages } from './tab-pages';
export { fitsPage, fitsAudience, contextQuery, needsVerification } from './page-ranking';
export { suggestForPage, type PageSuggestions, type Suggestion } from './suggest';
