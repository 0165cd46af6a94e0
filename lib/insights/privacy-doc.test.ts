import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredFirefoxCategories, eventTypes } from './event-types';
import { GROUP_MIN_PEOPLE, IMPACT_MIN_PEOPLE, QUERY_K_DEFAULT, QUERY_K_MIN } from './k-anonymity';
import { analyticsLevels, analyticsPolicySchema } from './policy';
import { MAX_QUERY_CHARS, MAX_QUERY_WORDS } from './query';
import { RAW_EVENT_DAYS, ROLLUP_MONTHS, SUB_THRESHOLD_QUERY_DAYS } from './retention';
import { MAX_BATCH_EVENTS } from './wire';

const root = join(import.meta.dirname, '..', '..');
/** The document with runs of white space (table padding, line breaks) as one space. */
const doc = readFileSync(join(root, 'docs', 'privacy.md'), 'utf8').replace(/\s+/g, ' ');

/** docs/privacy.md is what works councils read: it must say what the code does. */
describe('docs/privacy.md', () => {
  it('lists every event type with the level that sends it', () => {
    const level = {
      usage: 'aggregate',
      service: 'aggregate',
      learning: 'learning',
      impact: 'impact',
    };
    for (const [type, info] of Object.entries(eventTypes))
      expect(doc).toContain(`| \`${type}\` | ${level[info.class]} |`);
  });

  it('states the thresholds, limits and retention the code applies', () => {
    for (const phrase of [
      `at least ${QUERY_K_DEFAULT} distinct people`,
      `lower this to ${QUERY_K_MIN}`,
      `at least ${GROUP_MIN_PEOPLE} people`,
      `at least ${IMPACT_MIN_PEOPLE}`,
      `At most ${MAX_QUERY_WORDS} words and ${MAX_QUERY_CHARS} characters`,
      `| Raw events | ${RAW_EVENT_DAYS} days |`,
      `| ${SUB_THRESHOLD_QUERY_DAYS} days |`,
      `| ${ROLLUP_MONTHS} months |`,
      `at most ${MAX_BATCH_EVENTS} events a`,
    ])
      expect(doc).toContain(phrase);
  });

  it('names the Firefox categories the manifest declares', () => {
    for (const category of declaredFirefoxCategories()) expect(doc).toContain(`\`${category}\``);
  });
});

describe('public/managed-schema.json', () => {
  const schema = JSON.parse(readFileSync(join(root, 'public', 'managed-schema.json'), 'utf8')) as {
    properties: Record<string, { type: string; enum?: string[] }>;
  };

  it('declares the analytics policy keys the extension reads, with the levels of the code', () => {
    for (const key of Object.keys(analyticsPolicySchema.shape))
      expect(schema.properties[key], key).toBeDefined();
    expect(schema.properties.analytics?.enum).toEqual([...analyticsLevels]);
  });
});
