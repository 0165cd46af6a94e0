/**
 * One anchor scenario: a page before and after a change. The target carries `data-wm-target` in
 * `before`; the element it should resolve to carries it in `after` (absent: null is expected). The
 * harness removes the marker before anchoring and before resolving, so it is never a signal.
 *
 * A page that starts with `<html` is a whole document (e.g. `<html lang="de">`), else the body.
 * Markup helpers: `<template data-shadow>` becomes an open shadow root of its parent, and
 * `<template data-iframe …attrs>` a same-origin iframe with that content (jsdom has neither
 * declarative shadow DOM nor synchronous srcdoc).
 */
/** What changed between the two pages: the table in scenarios.test.ts counts by kind. */
export const KINDS = [
  'look-alikes',
  'large-page',
  'other-record',
  'other-language',
  'frame-in-shadow',
  'dynamic-ids',
  'hashed-classes',
  'sibling-order',
  'restructure',
  'removed',
  'shadow-dom',
] as const;
export type Kind = (typeof KINDS)[number];

export interface Scenario {
  app:
    | 'zendesk'
    | 'salesforce'
    | 'servicenow'
    | 'jira'
    | 'hubspot'
    | 'dynamics365'
    | 'workday'
    | 'generic';
  kind: Kind;
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

/** `n` copies of a piece of markup: the long lists of a large page. */
export function repeat(n: number, piece: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => piece(i)).join('');
}
