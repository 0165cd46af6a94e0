import type { Nodes, Root } from 'mdast';

const MAX_SUMMARY = 240;

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'image') return '';
  return 'children' in node ? node.children.map((c) => plainText(c)).join('') : '';
}

/**
 * The first paragraph of an article as plain text, cut at a word boundary: what the summary of an
 * imported item starts as (sources have no summary of their own; search weighs it above the body).
 */
export function firstParagraphText(tree: Root): string {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const value = plainText(node).replace(/\s+/g, ' ').trim();
    if (value.length < 20) continue;
    if (value.length <= MAX_SUMMARY) return value;
    const cut = value.slice(0, MAX_SUMMARY - 1);
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_SUMMARY / 2))}…`;
  }
  return '';
}

/** Paragraphs left empty by removed elements would print as stray blank lines. */
export function dropEmptyParagraphs(tree: Root): void {
  const keep = (node: Nodes): boolean =>
    node.type !== 'paragraph' ||
    node.children.some((c) => c.type === 'image' || plainText(c).trim() !== '');
  const walk = (node: Nodes): void => {
    if (!('children' in node)) return;
    const parent = node as { children: Nodes[] };
    parent.children = parent.children.filter(keep);
    for (const child of parent.children) walk(child);
  };
  walk(tree);
}
