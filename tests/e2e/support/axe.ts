import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core's WCAG 2.2 A and AA rules, plus `page-has-heading-one` (best practice, but issue 16
 * names it) on whole pages. Each violation is listed by rule and element, so a failure says what
 * to fix.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include !== undefined) builder = builder.include(include);
  const { violations: found } = await builder.analyze();
  const extra =
    include === undefined
      ? (await new AxeBuilder({ page }).withRules(['page-has-heading-one']).analyze()).violations
      : [];
  return [...found, ...extra].flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
  );
}
