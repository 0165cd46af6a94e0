/**
 * Changes an "after" page the way apps change between releases, records and users, for the
 * generated test (generated.test.ts). Each perturbation keeps the element the anchor should find
 * (it may move, be wrapped or renamed, never replaced), so "right" stays well defined.
 */
export const PERTURBATIONS = [
  'regenerate-ids',
  'rehash-classes',
  'shuffle-siblings',
  'add-wrappers',
  'translate-ui',
  'insert-look-alikes',
  'grow-tenfold',
] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

type Random = () => number;
type Root = Document | ShadowRoot;

/** The document and every open shadow root and same-origin frame document in it. */
export function roots(root: Root): Root[] {
  const found: Root[] = [root];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const inner = element.shadowRoot ?? (element as HTMLIFrameElement).contentDocument ?? null;
    if (inner) found.push(...roots(inner));
  }
  return found;
}

const elements = (document: Document): Element[] =>
  roots(document).flatMap((root) => Array.from(root.querySelectorAll('*')));
const pickOne = <T>(list: readonly T[], random: Random): T | undefined =>
  list[Math.floor(random() * list.length)];
const hash = (length: number, random: Random): string =>
  Array.from(
    { length },
    () => 'abcdefghkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(random() * 54)],
  ).join('');

/** New digits in every id that has some (ember123, input-45, header_2000:0), references kept. */
function regenerateIds(document: Document, random: Random): void {
  const renamed = new Map<string, string>();
  for (const element of elements(document)) {
    const id = element.getAttribute('id');
    if (!id || !/\d/.test(id)) continue;
    const fresh = id.replace(/\d+/g, (run) =>
      String(Math.floor(random() * 10 ** run.length)).padStart(run.length, '7'),
    );
    renamed.set(id, fresh);
    element.setAttribute('id', fresh);
  }
  for (const element of elements(document)) {
    for (const name of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
      const value = element.getAttribute(name);
      if (value)
        element.setAttribute(
          name,
          value
            .split(/\s+/)
            .map((id) => renamed.get(id) ?? id)
            .join(' '),
        );
    }
  }
}

/** A new hash in every class token that carries one (css-1k2x9qz, Button_primary__3xK9a). */
function rehashClasses(document: Document, random: Random): void {
  const rehashed = new Map<string, string>();
  for (const element of elements(document)) {
    const tokens = (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    if (!tokens.some((token) => /\d/.test(token))) continue;
    const fresh = tokens.map((token) => {
      if (!/\d/.test(token)) return token;
      if (!rehashed.has(token))
        rehashed.set(
          token,
          token.replace(/[A-Za-z0-9]+$/, (tail) => hash(tail.length, random)),
        );
      return rehashed.get(token)!;
    });
    element.setAttribute('class', fresh.join(' '));
  }
}

const FIXED = /^(html|head|body|select|tr|template|script|style)$/;

function shuffleSiblings(document: Document, random: Random): void {
  const parents = elements(document).filter(
    (e) => e.children.length > 1 && !FIXED.test(e.localName),
  );
  for (let n = 0; n < 3; n += 1) {
    const parent = pickOne(parents, random);
    if (!parent) return;
    const children = Array.from(parent.children);
    for (let i = children.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [children[i], children[j]] = [children[j]!, children[i]!];
    }
    parent.append(...children);
  }
}

function addWrappers(document: Document, target: Element | undefined, random: Random): void {
  const all = elements(document).filter(
    (e) => !FIXED.test(e.localName) && !/^(td|th|li|option)$/.test(e.localName),
  );
  const chosen = [...Array.from({ length: 4 }, () => pickOne(all, random)), target?.parentElement];
  for (const element of chosen) {
    if (!element || FIXED.test(element.localName) || !element.parentNode) continue;
    const wrapper = element.ownerDocument.createElement('div');
    wrapper.className = `wrap-${hash(5, random)}`;
    element.replaceWith(wrapper);
    wrapper.append(element);
  }
}

const translate = (text: string): string =>
  text.replace(/[A-Za-zÀ-ÿ]+/g, (word) => `${word.split('').reverse().join('')}ö`);
const UI_TEXT = /^[^\d]{1,30}$/;

/** Every short, digit-free text and label pseudo-translated alike; `lang` changes half the time. */
function translateUi(document: Document, random: Random): void {
  for (const root of roots(document)) {
    const walker = (root.ownerDocument ?? root).createTreeWalker(root, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      if (
        UI_TEXT.test(text.trim()) &&
        !/^(script|style)$/.test(node.parentElement?.localName ?? '')
      )
        node.nodeValue = translate(text);
    }
    for (const element of Array.from(
      root.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
    )) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value && UI_TEXT.test(value)) element.setAttribute(name, translate(value));
      }
    }
  }
  if (random() < 0.5) document.documentElement.setAttribute('lang', 'xx');
}

const CONTAINERS = /^(div|section|article|aside|ul|ol|li|nav|main|form|footer|header|span|td)$/;

/** A copy of the target in another container, or of one of its containers with new names. */
function insertLookAlikes(target: Element | undefined, random: Random): void {
  if (!target) return;
  const root = target.getRootNode() as Root;
  const copy = (element: Element): Element => {
    const clone = element.cloneNode(true) as Element;
    for (const e of [clone, ...Array.from(clone.querySelectorAll('[id]'))])
      if (e.id) e.id = `${e.id}-copy`;
    return clone;
  };
  const others = Array.from(root.querySelectorAll('*')).filter(
    (e) => CONTAINERS.test(e.localName) && !e.contains(target) && !target.contains(e),
  );
  pickOne(others, random)?.append(copy(target));
  const levels = Math.ceil(random() * 3);
  let container: Element | null = target;
  for (let i = 0; i < levels && container?.parentElement; i += 1)
    container = container.parentElement;
  if (!container || /^(html|body|main)$/.test(container.localName) || container === target) return;
  const clone = copy(container);
  for (const named of Array.from(
    clone.querySelectorAll('h1, h2, h3, h4, h5, h6, th, [aria-label]'),
  )) {
    if (named.hasAttribute('aria-label'))
      named.setAttribute('aria-label', `${named.getAttribute('aria-label')} Copy`);
    else named.append(' Copy');
  }
  container.after(clone);
}

/** Filler records (rows of an activity list) until the page has ten times its elements. */
function growTenfold(document: Document, random: Random): void {
  const have = document.querySelectorAll('*').length;
  const want = Math.min(10 * have, 20_000);
  const rows = Math.max(0, Math.ceil((want - have) / 5));
  const html = Array.from(
    { length: rows },
    (_, i) =>
      `<li><span>Activity ${i}</span><a href="/r/${i}">Record ${i}</a><time>${i % 28} Mar</time></li>`,
  ).join('');
  const section = document.createElement('section');
  section.setAttribute('aria-label', 'Activity');
  section.innerHTML = `<ul>${html}</ul>`;
  if (random() < 0.5) document.body.prepend(section);
  else document.body.append(section);
}

export function perturb(
  document: Document,
  target: Element | undefined,
  kind: Perturbation,
  random: Random,
): void {
  if (kind === 'regenerate-ids') regenerateIds(document, random);
  else if (kind === 'rehash-classes') rehashClasses(document, random);
  else if (kind === 'shuffle-siblings') shuffleSiblings(document, random);
  else if (kind === 'add-wrappers') addWrappers(document, target, random);
  else if (kind === 'translate-ui') translateUi(document, random);
  else if (kind === 'insert-look-alikes') insertLookAlikes(target, random);
  else growTenfold(document, random);
}
