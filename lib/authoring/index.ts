export * from './api';
export * from './drafts';
export * from './service';
