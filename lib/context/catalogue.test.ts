import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { appSchema } from '@/lib/content-model';
import { Catalogue } from './catalogue';

const desk = appSchema.parse({
  id: 'desk',
  name: 'Desk',
  hosts: ['*.desk.example'],
  exclude_hosts: ['www.desk.example'],
  unwrap: [
    { path: '^/nav_to\\.do$', query: 'uri' },
    { path: '^/now/nav/ui/classic/params/target/(?<target>.+)$', group: 'target' },
  ],
  screens: [
    {
      id: 'new-ticket',
      name: 'New ticket',
      match: { path: '^/tickets/new$' },
    },
    {
      id: 'ticket',
      name: 'Ticket',
      match: { path: '^/tickets/(?<id>\\d+)' },
      record: { type: 'ticket', id: '{id}' },
      context: { subject: ['[data-test="subject"]', 'h1'] },
    },
    {
      id: 'entity',
      name: 'Entity',
      match: {
        path: '^/main\\.aspx$',
        query: { etn: '^(?<etn>[a-z_]+)$', id: '^\\{?(?<id>[0-9A-Fa-f-]{36})\\}?$' },
      },
      record: { type: '{etn}', id: '{id}', lowercase: true },
    },
    {
      id: 'case',
      name: 'Case (page or workspace)',
      match: [
        { path: '^/case\\.do$', query: { sys_id: '^(?<id>[0-9a-f]{32})$' } },
        { path: '^/ws/record/case/(?<id>[0-9a-f]{32})$' },
      ],
      record: { type: 'case', id: '{id}' },
      context: { priority: ['select[name="priority"]'] },
    },
    {
      id: 'classic',
      name: 'Classic record',
      match: { path: '^/(?<table>[a-z_]+)\\.do$', query: { sys_id: '^(?<id>[0-9a-f]{32})$' } },
      record: { type: '{table}', id: '{id}' },
    },
    {
      id: 'board-issue',
      name: 'Board with issue open',
      match: { hash: '^#issue=(?<key>[A-Z]+-\\d+)$' },
      record: { type: 'issue', id: '{key}' },
    },
    {
      id: 'report',
      name: 'Report',
      match: { path: '^/page$' },
      dom: [{ exists: '.report' }, { absent: '.dashboard' }, { selector: 'h1', text: '^Report' }],
    },
  ],
});

// Built per test: one built while the file loads would, under a mutant that breaks building, fail
// the file without failing a test (Stryker counts that mutant as survived).
const catalogue = () => new Catalogue([desk]);
const page = (html: string) => new JSDOM(html).window.document;
const SYS_ID = '0123456789abcdef0123456789abcdef';

describe('Catalogue.detect', () => {
  it('returns the app, first matching screen and record for a ticket URL', () => {
    expect(catalogue().detect('https://acme.desk.example/tickets/42')).toEqual({
      app: 'desk',
      screen: 'ticket',
      record: { type: 'ticket', id: '42' },
      context: {},
    });
  });

  it('tries screens in order so the specific one wins', () => {
    expect(catalogue().detect('https://acme.desk.example/tickets/new').screen).toBe('new-ticket');
  });

  it('returns app with a null screen when no screen matches', () => {
    expect(catalogue().detect('https://acme.desk.example/elsewhere')).toEqual({
      app: 'desk',
      screen: null,
      record: null,
      context: {},
    });
  });

  it('extracts the record from query parameters, stripping braces and lower-casing the id', () => {
    const d = catalogue().detect(
      'https://acme.desk.example/main.aspx?etn=incident&id=%7BA1B2C3D4-0000-1111-2222-333344445555%7D',
    );
    expect(d.record).toEqual({ type: 'incident', id: 'a1b2c3d4-0000-1111-2222-333344445555' });
  });

  it('extracts the record from the hash', () => {
    expect(catalogue().detect('https://acme.desk.example/board#issue=ABC-7').record).toEqual({
      type: 'issue',
      id: 'ABC-7',
    });
  });

  it('matches a screen listed with several URL rules through any of them', () => {
    expect(catalogue().detect(`https://acme.desk.example/case.do?sys_id=${SYS_ID}`)).toMatchObject({
      screen: 'case',
      record: { id: SYS_ID },
    });
    expect(catalogue().detect(`https://acme.desk.example/ws/record/case/${SYS_ID}`)).toMatchObject({
      screen: 'case',
      record: { id: SYS_ID },
    });
  });

  it('reads the label of the chosen option of a select, not its value', () => {
    const doc = page(
      '<select name="priority"><option value="1">Low</option><option value="4" selected>Urgent</option></select>',
    );
    expect(
      catalogue().detect(`https://acme.desk.example/ws/record/case/${SYS_ID}`, doc).context,
    ).toEqual({ priority: 'Urgent' });
  });

  it('unwraps a URL carried in a query parameter', () => {
    const url = `https://acme.desk.example/nav_to.do?uri=${encodeURIComponent(`/incident.do?sys_id=${SYS_ID}`)}`;
    expect(catalogue().detect(url)).toMatchObject({
      screen: 'classic',
      record: { type: 'incident', id: SYS_ID },
    });
  });

  it('unwraps a URL carried percent-encoded in the path', () => {
    const url = `https://acme.desk.example/now/nav/ui/classic/params/target/${encodeURIComponent(`change_request.do?sys_id=${SYS_ID}`)}`;
    expect(catalogue().detect(url).record).toEqual({ type: 'change_request', id: SYS_ID });
  });

  it('ignores a wrapped URL that points at another origin', () => {
    const url = `https://acme.desk.example/nav_to.do?uri=${encodeURIComponent(`https://evil.example/incident.do?sys_id=${SYS_ID}`)}`;
    expect(catalogue().detect(url)).toMatchObject({ app: 'desk', screen: null, record: null });
  });

  it('reads context text from the first selector that has text, input values included', () => {
    const doc = page('<h1>  Printer   on fire </h1>');
    expect(catalogue().detect('https://acme.desk.example/tickets/1', doc).context).toEqual({
      subject: 'Printer on fire',
    });
    const withInput = page('<input data-test="subject" value="Refund for order 7"><h1>Other</h1>');
    expect(catalogue().detect('https://acme.desk.example/tickets/1', withInput).context).toEqual({
      subject: 'Refund for order 7',
    });
  });

  it('lets DOM rules decide between screens for the same URL', () => {
    const url = 'https://acme.desk.example/page';
    expect(
      catalogue().detect(url, page('<div class="report"></div><h1>Report: Q3</h1>')).screen,
    ).toBe('report');
    expect(
      catalogue().detect(
        url,
        page('<div class="report"></div><div class="dashboard"></div><h1>Report</h1>'),
      ).screen,
    ).toBeNull();
    expect(
      catalogue().detect(url, page('<div class="report"></div><h1>Summary</h1>')).screen,
    ).toBeNull();
  });

  it('does not match screens with DOM rules when no document is given', () => {
    expect(catalogue().detect('https://acme.desk.example/page').screen).toBeNull();
  });

  it.each([
    ['a vendor site', 'https://www.desk.example/tickets/1'],
    ['a non-http scheme', 'ftp://acme.desk.example/tickets/1'],
    ['a look-alike host', 'https://acme.desk.example.evil.example/tickets/1'],
    ['a catalogue URL in the path', 'https://evil.example/acme.desk.example/tickets/1'],
    [
      'a catalogue URL in the query',
      'https://evil.example/?next=https://acme.desk.example/tickets/1',
    ],
    ['userinfo that looks like the host', 'https://acme.desk.example@evil.example/tickets/1'],
    ['not a URL at all', 'acme.desk.example/tickets/1'],
  ])('returns app null for %s', (_, url) => {
    expect(catalogue().detect(url)).toEqual({ app: null, screen: null, record: null, context: {} });
  });

  it('explains which rules matched and which did not', () => {
    const { explain } = catalogue().detect('https://acme.desk.example/tickets/9', undefined, {
      explain: true,
    });
    expect(explain?.host).toEqual({ hostname: 'acme.desk.example', pattern: '*.desk.example' });
    expect(explain?.screens).toEqual([
      { id: 'new-ticket', matched: false, failed: 'path !~ /^\\/tickets\\/new$/' },
      { id: 'ticket', matched: true },
    ]);
  });

  it('explains an excluded host', () => {
    const { explain } = catalogue().detect('https://www.desk.example/', undefined, {
      explain: true,
    });
    expect(explain?.host).toEqual({
      hostname: 'www.desk.example',
      pattern: '*.desk.example',
      excludedBy: 'www.desk.example',
    });
  });

  it('answers the app for a host without a URL', () => {
    expect(catalogue().appForHost('acme.desk.example')).toBe('desk');
    expect(catalogue().appForHost('www.desk.example')).toBeUndefined();
  });
});
