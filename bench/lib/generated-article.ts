/**
 * Filler articles for the server bench, so a feed page of 200 is full and the same size as a
 * real one (bodies of a few paragraphs, like content/articles).
 */
const PARAGRAPH =
  'Open the record, check the customer details against the request, and note what you changed ' +
  'in the internal comment so the next agent can follow. If the screen shows a warning, stop and ' +
  'follow the escalation steps below before you reply.';

export function generatedArticle(i: number) {
  const id = `bench-article-${String(i).padStart(4, '0')}`;
  return {
    type: 'article',
    template: 'how-to',
    id,
    title: `How to handle request type ${i}`,
    summary: `Steps for request type ${i}, checked by the support operations team.`,
    body: [`## Steps for request ${i}`, PARAGRAPH, `1. ${PARAGRAPH}`, `2. ${PARAGRAPH}`].join(
      '\n\n',
    ),
    owner: 'ops@example.com',
    status: 'published',
    verify_by: '2027-01-01',
    updated_at: '2026-11-01',
    version: 1,
    targeting: { apps: [], screens: [], roles: [], teams: [] },
  };
}
