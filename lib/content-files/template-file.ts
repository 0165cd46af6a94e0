import { templateSchema, type Template } from '@/lib/content-model';
import { findUnsafeMarkdown } from '@/lib/markdown/link-safety';
import { maskLiteralText } from '@/lib/markdown/literal-text';
import { readFrontMatterFile, reconcileId, type Located, type Parsed } from './parse';
import type { Problem } from './problem';
import { zodProblems } from './yaml-source';

/** Lesson step bodies in a lesson template's fields are Markdown too: check their links. */
function unsafeInSteps(located: Located<Template>): Problem[] {
  const { value: template, file, lineOf } = located;
  const steps: unknown = template.fields.steps;
  if (template.item_type !== 'lesson' || !Array.isArray(steps)) return [];
  return steps.flatMap((step: unknown, i): Problem[] => {
    const body = (step as { body?: unknown } | null)?.body;
    if (typeof body !== 'string') return [];
    return findUnsafeMarkdown(body, maskLiteralText).map((spot) => ({
      file,
      line: lineOf(['fields', 'steps', i, 'body']),
      message: spot.message,
    }));
  });
}

/**
 * A template file, `content/templates/<id>.md`: front matter (name, description, item_type,
 * verify_days, fields) and the body skeleton. The schema also checks that the template makes a
 * valid item of its type; those problems are reported at the template field that causes them.
 */
export function parseTemplateFile(text: string, file: string): Parsed<Template> {
  const read = readFrontMatterFile(text, file);
  if (!read.ok) return read;
  const { source, problems } = read;
  // The body is not in the front matter: its problems belong on the body's first line.
  const lineOf = (path: readonly PropertyKey[]): number =>
    path[0] === 'body' ? read.bodyLine : source.lineOf(path);
  const input = reconcileId({ ...read.fields, body: read.body }, file, source, problems);
  const result = templateSchema.safeParse(input);
  if (!result.success)
    return {
      ok: false,
      problems: [...problems, ...zodProblems(result.error, { ...source, lineOf }, file)],
    };
  const located: Located<Template> = { value: result.data, file, lineOf };
  problems.push(...unsafeInSteps(located));
  return problems.length === 0 ? { ok: true, located, problems } : { ok: false, problems };
}

/** Two templates with one id, or two of one item type with one name (authors pick by name). */
export function checkTemplates(templates: Located<Template>[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, Located<Template>>();
  const byName = new Map<string, Located<Template>>();
  for (const located of templates) {
    const { id, name, item_type } = located.value;
    const sameId = byId.get(id);
    const nameKey = `${item_type}\u0000${name.toLowerCase()}`;
    const sameName = byName.get(nameKey);
    if (sameId !== undefined)
      problems.push({
        file: located.file,
        line: located.lineOf(['id']),
        message: `duplicate template id "${id}" (also used by ${sameId.file}:${sameId.lineOf(['id'])})`,
      });
    else if (sameName !== undefined)
      problems.push({
        file: located.file,
        line: located.lineOf(['name']),
        message: `another ${item_type} template is named "${name}" (${sameName.file}:${sameName.lineOf(['name'])}); authors pick templates by name`,
      });
    byId.set(id, sameId ?? located);
    byName.set(nameKey, sameName ?? located);
  }
  return problems;
}
