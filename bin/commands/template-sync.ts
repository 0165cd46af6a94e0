import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Located } from '@/lib/content-files';
import { meSchema, templateSchema, type Template } from '@/lib/content-model';
import type { Io } from '../io';
import { templateFileText } from './item-file';
import { call, type Target } from './remote';

/** The server's templates (authors and up may read them); throws on anything but 200. */
async function serverTemplates(target: Target): Promise<Template[]> {
  const { status, json } = await call(target, 'GET', '/v1/templates');
  if (status !== 200) throw new Error(`GET /v1/templates: ${status} ${String(json.message)}`);
  return (json.templates as unknown[]).map((t) => templateSchema.parse(t));
}

/**
 * The template half of `content push`: local templates that differ from the server's are sent
 * with PUT. Only an admin may change templates, so another role's push says what it skipped and
 * moves on (its items still go). Returns how many failed.
 */
export async function pushTemplates(
  target: Target,
  templates: Located<Template>[],
  io: Io,
): Promise<number> {
  if (templates.length === 0) return 0;
  const remote = new Map((await serverTemplates(target)).map((t) => [t.id, t]));
  const changed = templates.filter(({ value }) => !isDeepStrictEqual(remote.get(value.id), value));
  const unchanged = templates.length - changed.length;
  if (changed.length > 0) {
    const me = meSchema.parse((await call(target, 'GET', '/v1/me')).json);
    if (me.role !== 'admin') {
      io.err(
        `templates: ${changed.length} changed, not sent: changing templates needs an admin token (this one is ${me.role} ${me.email}); ${unchanged} unchanged`,
      );
      return 0;
    }
  }
  const counts = { created: 0, updated: 0, failed: 0 };
  for (const { value: template, file } of changed) {
    const { status, json } = await call(target, 'PUT', `/v1/templates/${template.id}`, template);
    if (status === 200 || status === 201) counts[status === 201 ? 'created' : 'updated'] += 1;
    else {
      counts.failed += 1;
      io.out(`${file}: ${status} ${String(json.error)}: ${String(json.message)}`);
    }
  }
  io.err(
    `templates: ${counts.created} created, ${counts.updated} updated, ${unchanged} unchanged, ${counts.failed} failed`,
  );
  return counts.failed;
}

/** The template half of `content pull`: each server template as `templates/<id>.md`. */
export async function serverTemplateFiles(
  target: Target,
  dir: string,
): Promise<{ path: string; text: string }[]> {
  return (await serverTemplates(target)).map((template) => ({
    path: join(dir, 'templates', `${template.id}.md`),
    text: templateFileText(template),
  }));
}
