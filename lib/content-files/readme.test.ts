import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appsTable, replaceAppsTable } from './apps-table';
import { loadContent } from './load';

const ROOT = join(import.meta.dirname, '..', '..');

describe('README.md', () => {
  it('lists exactly the apps in content/apps (run `npm run docs:apps` after changing an app)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const { apps } = await loadContent(join(ROOT, 'content'), { appsOnly: true });
    expect(readme).toBe(replaceAppsTable(readme, appsTable(apps.map((a) => a.value))));
  });

  it('shows the two commands of the quick start and the test command', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const command of ['npm install', 'npm start', 'npm test'])
      expect(readme).toContain(command);
  });

  it('documents every npm script', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const undocumented = Object.keys(scripts).filter(
      (name) =>
        name !== 'postinstall' &&
        !readme.includes(`\`npm run ${name}\``) &&
        !readme.includes(`\`npm ${name}\``),
    );
    expect(undocumented).toEqual([]);
  });
});
