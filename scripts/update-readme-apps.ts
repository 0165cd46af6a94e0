import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '@/lib/content-files';
import { appsTable, replaceAppsTable } from '@/lib/content-files/apps-table';

const root = join(import.meta.dirname, '..');
const content = await loadContent(join(root, 'content'), { appsOnly: true });
if (content.problems.length > 0)
  throw new Error('content/apps has problems: run npm run content:check');
const readme = join(root, 'README.md');
writeFileSync(
  readme,
  replaceAppsTable(readFileSync(readme, 'utf8'), appsTable(content.apps.map((a) => a.value))),
);
console.log('README.md: supported apps table updated');
