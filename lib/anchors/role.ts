/**
 * Roles from the element's own markup: explicit `role` first, else the implicit role of its tag
 * (https://www.w3.org/TR/html-aria/#docconformance). Only the roles a tip is likely to point at
 * and the landmarks used for context are listed; the rest fall back to the tag. Tables are
 * `tag role` word pairs, which read as a table and stay compact in the content-script bundle.
 */
const IMPLICIT_ROLES = pairs(
  'a link article article aside complementary button button dialog dialog fieldset group form form ' +
    'img img li listitem main main nav navigation option option section region select combobox ' +
    'table table td cell textarea textbox th columnheader tr row ul list',
);
const INPUT_ROLES = pairs(
  'button button checkbox checkbox email textbox number spinbutton radio radio range slider ' +
    'reset button search searchbox submit button tel textbox text textbox url textbox',
);

function pairs(list: string): Map<string, string> {
  const words = list.split(' ');
  return new Map(words.flatMap((word, i) => (i % 2 === 0 ? [[word, words[i + 1] ?? '']] : [])));
}

export function roleOf(element: Element): string | undefined {
  const explicit = element.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit.toLowerCase();
  const tag = element.localName;
  if (tag === 'input') return INPUT_ROLES.get(element.getAttribute('type') ?? 'text');
  if (tag === 'a' && !element.hasAttribute('href')) return undefined;
  return /^h[1-6]$/.test(tag) ? 'heading' : IMPLICIT_ROLES.get(tag);
}

/** Roles whose accessible name comes from their content (buttons, links, headings…). */
export const NAME_FROM_CONTENT = new Set(
  'button cell checkbox columnheader heading link listitem menuitem option radio tab treeitem'.split(
    ' ',
  ),
);

/** Landmarks and the containers that scope a field: where a tip's element "lives". */
export const CONTEXT_ROLES = new Set(
  'alertdialog article banner complementary contentinfo dialog form group main navigation region search tabpanel'.split(
    ' ',
  ),
);
