import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import { itemTypes, type AppDefinition, type Item, type Template } from '@/lib/content-model';
import { Catalogue } from '@/lib/context';
import { crossCheck } from './cross-check';
import { parseAppFile, parseItemFile, type Located, type Parsed } from './parse';
import { sortProblems, type Problem } from './problem';
import { checkSelectors, type SelectorValidator } from './selectors';
import { checkTemplates, parseTemplateFile } from './template-file';

export interface LoadedContent {
  apps: Located<AppDefinition>[];
  items: Located<Item>[];
  /** The templates authors start items from (`templates/`); not part of the bundle. */
  templates: Located<Template>[];
  /** Every problem found, across every file; empty means the content is valid. */
  problems: Problem[];
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function jsdomSelectorValidator(): SelectorValidator {
  const { document } = new JSDOM('<!doctype html><p></p>').window;
  return (selector) => {
    try {
      document.querySelector(selector);
      return undefined;
    } catch (error) {
      return (error as Error).message.split('\n')[0];
    }
  };
}

async function parseAll<T>(
  files: string[],
  parse: (text: string, shown: string) => Parsed<T>,
  problems: Problem[],
): Promise<Located<T>[]> {
  const located: Located<T>[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    const result = parse(await readFile(file, 'utf8'), shown);
    problems.push(...result.problems);
    if (result.ok) located.push(result.located);
  }
  return located;
}

/** Reads and checks a `content/` folder; one bad file never hides the problems of another. */
export async function loadContent(
  dir: string,
  options: { appsOnly?: boolean } = {},
): Promise<LoadedContent> {
  const problems: Problem[] = [];
  const show = (file: string): string => relative(process.cwd(), file) || file;

  const appFiles = await listFiles(join(dir, 'apps'));
  for (const file of appFiles.filter((f) => !/\.ya?ml$/.test(f)))
    problems.push({ file: show(file), line: 1, message: 'app definitions are .yaml files' });
  const apps = await parseAll(
    appFiles.filter((f) => /\.ya?ml$/.test(f)),
    parseAppFile,
    problems,
  );

  /** The Markdown files of one folder, parsed; anything else in it is a problem. */
  const parseFolder = async <T>(
    folder: string,
    parse: (text: string, shown: string) => Parsed<T>,
  ): Promise<Located<T>[]> => {
    const files = await listFiles(join(dir, folder));
    for (const file of files.filter((f) => !f.endsWith('.md')))
      problems.push({
        file: show(file),
        line: 1,
        message: `${folder}/ holds Markdown files (.md)`,
      });
    return parseAll(
      files.filter((f) => f.endsWith('.md')),
      parse,
      problems,
    );
  };

  const items: Located<Item>[] = [];
  for (const def of options.appsOnly ? [] : itemTypes)
    items.push(
      ...(await parseFolder(def.folder, (text, shown) => parseItemFile(text, shown, def))),
    );
  const templates = options.appsOnly ? [] : await parseFolder('templates', parseTemplateFile);
  problems.push(...checkTemplates(templates));

  try {
    new Catalogue(apps.map((a) => a.value));
  } catch (error) {
    problems.push({ file: show(join(dir, 'apps')), line: 1, message: (error as Error).message });
  }
  const loadedAppIds = new Set(apps.map((a) => a.value.id));
  const brokenAppIds = new Set(
    appFiles.map((f) => basename(f).replace(/\.ya?ml$/, '')).filter((id) => !loadedAppIds.has(id)),
  );
  problems.push(...crossCheck(apps, items, brokenAppIds));
  problems.push(...checkSelectors(apps, items, jsdomSelectorValidator()));
  return { apps, items, templates, problems: sortProblems(problems) };
}
