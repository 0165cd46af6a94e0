import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { formatProblem, loadContent } from '@/lib/content-files';
import { Catalogue, type QueryRoot } from '@/lib/context';
import { DEFAULT_CONTENT_DIR, EXIT, readHtmlArg, UsageError, type Io } from '../io';

/** `waymark detect <url> [--html page.html] [--explain] [--content DIR]` */
export async function detectCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      html: { type: 'string' },
      explain: { type: 'boolean', default: false },
      content: { type: 'string', default: DEFAULT_CONTENT_DIR },
    },
  });
  if (positionals.length !== 1)
    throw new UsageError(`expected exactly one URL, got ${positionals.length}`);
  const url = positionals[0] ?? '';

  let root: QueryRoot | undefined;
  if (values.html !== undefined) {
    root = new JSDOM(await readHtmlArg(values.html)).window.document;
  }

  const content = await loadContent(values.content, { appsOnly: true });
  if (content.problems.length > 0) {
    content.problems.forEach((p) => io.err(formatProblem(p)));
    io.err(
      `waymark detect: the app catalogue has ${content.problems.length} problem(s); fix them first`,
    );
    return EXIT.problems;
  }
  const catalogue = new Catalogue(content.apps.map((a) => a.value));
  io.out(JSON.stringify(catalogue.detect(url, root, { explain: values.explain }), null, 2));
  return EXIT.ok;
}
