import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';

/**
 * The objects of a Confluence space export's `entities.xml` (Hibernate's dump: `<object class=…>`
 * with `<id>`, `<property>` and `<collection>` children), read as plain records. Only what an
 * import needs: spaces, pages, their storage-format bodies, labels, users.
 */
export interface EntityObject {
  className: string;
  id: string;
  /** Scalar properties (text or CDATA), e.g. `title`, `version`, `lastModificationDate`. */
  values: Map<string, string>;
  /** References to other objects, e.g. `space` → its id, `content` → the page's id. */
  refs: Map<string, string>;
  /** Collections of references, e.g. `bodyContents`, `labellings`. */
  lists: Map<string, string[]>;
  /** Line of each property in entities.xml, for notices (`body` especially). */
  lines: Map<string, number>;
  line: number;
}

const elements = (node: XmlElement | XmlRoot): XmlElement[] =>
  (node.children as { type: string }[]).filter((c) => c.type === 'element') as XmlElement[];

function textContent(node: XmlElement): string {
  return node.children
    .map((c) =>
      c.type === 'text' || c.type === 'cdata'
        ? c.value
        : c.type === 'element'
          ? textContent(c)
          : '',
    )
    .join('');
}

/** The id inside a reference: `<property name="space" class="Space"><id name="id">65537</id></property>`. */
function refId(node: XmlElement): string | undefined {
  const id = elements(node).find((c) => c.name === 'id');
  return id === undefined ? undefined : textContent(id).trim();
}

function readObject(node: XmlElement): EntityObject | undefined {
  const id = elements(node).find((c) => c.name === 'id');
  if (id === undefined) return undefined;
  const object: EntityObject = {
    className: node.attributes.class ?? '',
    id: textContent(id).trim(),
    values: new Map(),
    refs: new Map(),
    lists: new Map(),
    lines: new Map(),
    line: node.position?.start.line ?? 1,
  };
  for (const child of elements(node)) {
    const name = child.attributes.name;
    if (name === undefined || name === null) continue;
    object.lines.set(name, child.position?.start.line ?? object.line);
    if (child.name === 'collection')
      object.lists.set(
        name,
        elements(child)
          .map(refId)
          .filter((v): v is string => v !== undefined),
      );
    else if (child.name === 'property' && child.attributes.class !== undefined) {
      const ref = refId(child);
      if (ref !== undefined) object.refs.set(name, ref);
    } else if (child.name === 'property') object.values.set(name, textContent(child));
  }
  return object;
}

/** Every `<object>` of an entities.xml, by class; throws (with the line) on XML that does not parse. */
export function readEntities(xml: string): Map<string, EntityObject[]> {
  const root = fromXml(xml);
  const top = elements(root)[0];
  const byClass = new Map<string, EntityObject[]>();
  for (const node of top === undefined ? [] : elements(top)) {
    if (node.name !== 'object') continue;
    const object = readObject(node);
    if (object === undefined) continue;
    const list = byClass.get(object.className) ?? [];
    list.push(object);
    byClass.set(object.className, list);
  }
  return byClass;
}

/** Confluence writes dates as `2026-02-20 16:40:02.000` (server time, no zone): read as UTC. */
export function entityDate(value: string | undefined): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?/.exec(
    value?.trim() ?? '',
  );
  if (match === null) return undefined;
  return `${match[1]}T${match[2]}.${(match[3] ?? '0').padEnd(3, '0')}Z`;
}
