import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { stringify } from 'yaml';
import { createAnchor, resolveAnchor } from '@/lib/anchors';
import { EXIT, readHtmlArg, UsageError, type Io } from '../io';

/**
 * `waymark anchor --html page.html --selector CSS [--json]`: the anchor for one element of a saved
 * page, as YAML to paste under a tip's `anchor:` (or JSON), after checking it resolves back to the
 * same element. Authors pick elements in the page itself with the element picker; this is for
 * docs-as-code and for fixtures.
 */
export async function anchorCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      html: { type: 'string' },
      selector: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.html === undefined || values.selector === undefined)
    throw new UsageError('anchor needs --html FILE and --selector CSS');
  const { document } = new JSDOM(await readHtmlArg(values.html)).window;
  let matches: Element[];
  try {
    matches = [...document.querySelectorAll(values.selector)];
  } catch {
    throw new UsageError(`invalid CSS selector "${values.selector}"`);
  }
  if (matches.length !== 1) {
    io.err(
      `waymark anchor: the selector matches ${matches.length} elements in ${values.html}; it must match exactly one`,
    );
    return EXIT.problems;
  }
  const [element] = matches as [Element];
  const anchor = createAnchor(element);
  if (resolveAnchor(JSON.parse(JSON.stringify(anchor)), document) !== element) {
    io.err(
      'waymark anchor: the anchor does not resolve back to this element (too few stable signals); pick a more distinctive element',
    );
    return EXIT.problems;
  }
  io.out(values.json ? JSON.stringify(anchor, null, 2) : stringify({ anchor }, { lineWidth: 0 }));
  return EXIT.ok;
}
