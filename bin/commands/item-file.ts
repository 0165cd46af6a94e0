import { stringify } from 'yaml';
import { itemTypeDef, type AppDefinition, type Item, type Template } from '@/lib/content-model';

/** Front-matter keys in the order people read them; anything else follows alphabetically. */
const KEY_ORDER = [
  'id',
  'type',
  'template',
  'title',
  'summary',
  'targeting',
  'tags',
  'owner',
  'status',
  'verify_by',
  'verify_days',
  'updated_at',
  'version',
  'source',
];

function ordered(fields: Record<string, unknown>): Record<string, unknown> {
  const rank = (key: string): number => {
    const i = KEY_ORDER.indexOf(key);
    return i === -1 ? KEY_ORDER.length : i;
  };
  return Object.fromEntries(
    Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)),
  );
}

/** Where an item lives in a content folder, e.g. `tips/zendesk-macros.md`. */
export function itemPath(item: Item): string {
  const def = itemTypeDef(item.type);
  if (def === undefined) throw new Error(`unknown item type "${item.type}"`);
  return `${def.folder}/${item.id}.md`;
}

/**
 * An item as the Markdown file `waymark content check` reads: front matter in a stable key order,
 * then the body exactly as stored (no newline added: the loader keeps the body byte for byte, so
 * anything added would read back as an edit on the next push).
 */
export function itemFileText(item: Item): string {
  const { body, ...fields } = item;
  return `---\n${stringify(ordered(fields), { lineWidth: 0 })}---\n${body}`;
}

export function appFileText(app: AppDefinition): string {
  return stringify(app, { lineWidth: 0 });
}

/**
 * A template as `templates/<id>.md`: front matter, then the body skeleton byte for byte. An empty
 * description or `fields` is left out (the loader's defaults give them back).
 */
export function templateFileText(template: Template): string {
  const { body, description, fields, ...rest } = template;
  const front = {
    id: rest.id,
    name: rest.name,
    ...(description === '' ? {} : { description }),
    item_type: rest.item_type,
    verify_days: rest.verify_days,
    ...(Object.keys(fields).length === 0 ? {} : { fields }),
  };
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${body}`;
}
