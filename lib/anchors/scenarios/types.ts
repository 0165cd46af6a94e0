/**
 * One anchor scenario: a page before and after a change. The target carries `data-wm-target` in
 * `before`; the element it should resolve to carries it in `after` (absent: null is expected). The
 * harness removes the marker before anchoring and before resolving, so it is never a signal.
 *
 * Markup helpers: `<template data-shadow>` becomes an open shadow root of its parent, and
 * `<template data-iframe …attrs>` a same-origin iframe with that content (jsdom has neither
 * declarative shadow DOM nor synchronous srcdoc).
 */
export interface Scenario {
  app: 'zendesk' | 'salesforce' | 'servicenow' | 'jira' | 'generic';
  name: string;
  before: string;
  after: string;
}

export const MARK = 'data-wm-target';

/** ` data-wm-target` when `key` is the marked one: lets a page builder mark any of its elements. */
export const marker =
  (wanted: string | undefined) =>
  (key: string): string =>
    key === wanted ? ` ${MARK}` : '';
