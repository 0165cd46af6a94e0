/**
 * A Zendesk Help Center export made from the vendored help-centre corpus (bench/corpus, CC BY 4.0):
 * each article's Markdown rendered to HTML by marked, every tenth one linking to another, in pages
 * of 100 as `GET /api/v2/help_center/articles.json` returns them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Marked } from 'marked';

const CORPUS = join(import.meta.dirname, '..', 'corpus', 'ms-help-support.jsonl.gz');
const HOST = 'https://bench.zendesk.example';

export interface CorpusArticle {
  title: string;
  html: string;
}

export function corpusHtml(count: number): CorpusArticle[] {
  const marked = new Marked({ gfm: true });
  return gunzipSync(readFileSync(CORPUS))
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(0, count)
    .map((line) => JSON.parse(line) as { title: string; body: string })
    .map((a) => ({ title: a.title, html: marked.parse(a.body, { async: false }) }));
}

/** Writes the export into `dir`; answers the number of articles. */
export function writeZendeskExport(dir: string, articles: CorpusArticle[]): number {
  mkdirSync(dir, { recursive: true });
  const id = (i: number) => 900000000000 + i;
  const url = (i: number) => `${HOST}/hc/en-us/articles/${id(i)}`;
  for (let page = 0; page * 100 < articles.length; page++) {
    const slice = articles.slice(page * 100, page * 100 + 100).map((a, k) => {
      const i = page * 100 + k;
      const link =
        i % 10 === 0
          ? `<p>See also <a href="${url((i + 7) % articles.length)}">a related article</a>.</p>`
          : '';
      return {
        id: id(i),
        html_url: url(i),
        title: a.title,
        body: a.html + link,
        label_names: ['bench'],
        updated_at: '2026-01-01T00:00:00Z',
        author_id: 1,
        section_id: 1,
      };
    });
    const json = {
      articles: slice,
      sections: [{ id: 1, name: 'Bench' }],
      users: [{ id: 1, email: 'bench@example.com' }],
    };
    writeFileSync(join(dir, `articles-${page + 1}.json`), JSON.stringify(json));
  }
  return articles.length;
}
