import { z } from 'zod';
import { checkUnique, slugSchema } from './common';

/** A regular expression written as a string; checked to compile. */
export const regexSource = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid regular expression: ${(error as Error).message}`,
      });
    }
  });

/**
 * A host the app lives on: an exact host name (`app.hubspot.com`) or a wildcard for one or more
 * labels in front of a domain (`*.zendesk.com`). Matching is on DNS label boundaries only.
 */
export const hostPatternSchema = z
  .string()
  .regex(
    /^(\*\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z][a-z0-9-]*$/,
    'must be a lower-case host name, optionally starting with "*." (e.g. "*.zendesk.com")',
  );

/** A CSS selector, checked for syntax when a document is available (`waymark content check` does). */
const selectorSchema = z.string().trim().min(1).max(500);

/** A condition on the page's DOM, for screens the URL alone cannot tell apart. */
export const domRuleSchema = z.union([
  z.strictObject({ exists: selectorSchema }),
  z.strictObject({ absent: selectorSchema }),
  z.strictObject({ selector: selectorSchema, text: regexSource }),
]);
export type DomRule = z.infer<typeof domRuleSchema>;

/**
 * URL conditions. `path` and `hash` are regular expressions; `query` maps a parameter name to a
 * regular expression its value must match. Named groups (`(?<id>…)`) become captures for `record`.
 */
export const urlRuleSchema = z.strictObject({
  path: regexSource.optional(),
  query: z.record(z.string().min(1), regexSource).optional(),
  hash: regexSource.optional(),
});

/** Which record the screen shows: literal text or `{capture}` templates over the rule's named groups. */
export const recordRuleSchema = z.strictObject({
  type: z.string().min(1).max(80),
  id: z.string().min(1).max(80),
  lowercase: z.boolean().default(false),
});

/** Where the page's context text comes from: the first selector with non-empty text wins. */
export const contextRuleSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'context names are snake_case'),
  z.array(selectorSchema).min(1),
);

export const screenSchema = z.strictObject({
  id: slugSchema,
  name: z.string().trim().min(1).max(80),
  /** One URL rule, or several alternatives (the same screen reached by different URL shapes). */
  match: z.union([urlRuleSchema, z.array(urlRuleSchema).min(1, 'list at least one URL rule')]),
  dom: z.array(domRuleSchema).default([]),
  record: recordRuleSchema.optional(),
  context: contextRuleSchema.default({}),
});
export type Screen = z.infer<typeof screenSchema>;

/**
 * A URL that wraps the real one (ServiceNow's `nav_to.do?uri=…`): when `path` matches, the inner
 * URL is taken from the query parameter `query` or the named group `group`, decoded, resolved
 * against the page's origin (never another origin) and matched against the screens instead.
 */
export const unwrapRuleSchema = z
  .strictObject({
    path: regexSource,
    query: z.string().min(1).optional(),
    group: z.string().min(1).optional(),
  })
  .refine((rule) => (rule.query === undefined) !== (rule.group === undefined), {
    message: 'an unwrap rule takes exactly one of "query" or "group"',
  });

/** An app definition: `content/apps/<id>.yaml`, the id being the file name. */
export const appSchema = z
  .strictObject({
    id: slugSchema,
    name: z.string().trim().min(1).max(80),
    vendor: z.string().trim().min(1).max(80).optional(),
    hosts: z.array(hostPatternSchema).min(1, 'an app needs at least one host'),
    exclude_hosts: z.array(hostPatternSchema).default([]),
    unwrap: z.array(unwrapRuleSchema).default([]),
    screens: z.array(screenSchema).min(1, 'an app needs at least one screen'),
  })
  .superRefine((app, ctx) => {
    checkUnique(
      app.screens.map((s) => s.id),
      ctx,
      ['screens'],
      (id) => `duplicate screen id "${id}"`,
      ['id'],
    );
  });
export type AppDefinition = z.infer<typeof appSchema>;
