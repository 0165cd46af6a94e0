import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { appSchema } from '@/lib/content-model';
import { compileApp, detectInApp } from './app-detector';
import { Catalogue } from './catalogue';
import type { QueryRoot } from './dom';

// Detection's edges: the forms a URL arrives in, the words of a refusal or an explanation (what
// `waymark detect --explain` and the side panel's "why this screen" print), and records whose
// captures are empty or missing. The catalogue is built inside each test: one built while the file
// loads would, under a mutant that breaks building, fail the file without failing a test.
const crm = appSchema.parse({
  id: 'crm',
  name: 'CRM',
  hosts: ['*.crm.example'],
  exclude_hosts: ['www.crm.example'],
  unwrap: [{ path: '^/go$', query: 'to' }],
  screens: [
    { id: 'board', name: 'Board', match: { hash: '^#board$' } },
    {
      id: 'list',
      name: 'List',
      match: { path: '^/list$', query: { view: '^(?<view>[a-z]+)$' } },
      record: { type: 'view', id: '{view}' },
    },
    {
      id: 'deal',
      name: 'Deal (page or workspace tab)',
      match: [
        { path: '^/deal\\.do$', query: { id: '^(?<id>\\d+)$' } },
        { hash: '^#deal/(?<id>\\d+)$' },
      ],
      record: { type: 'deal', id: '{id}' },
    },
    {
      id: 'contact',
      name: 'Contact',
      match: { path: '^/contacts/(?<id>\\d*)$' },
      record: { type: 'contact', id: '{id}' },
    },
    {
      id: 'object',
      name: 'Object',
      match: { path: '^/objects/(?<kind>[a-z]*)/(?<id>\\d+)$' },
      record: { type: '{kind}', id: '{id}' },
    },
    {
      id: 'note',
      name: 'Note (its template names a capture the rule lacks)',
      match: { path: '^/notes/(?<id>\\d+)$' },
      record: { type: 'note', id: '{note_id}' },
    },
    {
      id: 'item',
      name: 'Item, or a sub-item named in the hash',
      match: { path: '^/items/(?<id>\\d+)$', hash: '^(?:#(?<id>[a-z]+))?$' },
      record: { type: 'item', id: '{id}' },
    },
    { id: 'report', name: 'Report', match: { path: '^/report$' }, dom: [{ exists: '.report' }] },
  ],
});
const helpdesk = appSchema.parse({
  id: 'helpdesk',
  name: 'Helpdesk',
  hosts: ['help.example'],
  screens: [{ id: 'home', name: 'Home', match: { path: '^/$' } }],
});

const catalogue = () => new Catalogue([crm, helpdesk]);
const explained = (url: string | URL, root?: QueryRoot) =>
  catalogue().detect(url, root, { explain: true });
/** The failure an explanation gives for one screen of `url`. */
const failureOf = (url: string, screenId: string, root?: QueryRoot) =>
  explained(url, root).explain?.screens.find((screen) => screen.id === screenId)?.failed;

describe('Catalogue: the forms a URL arrives in', () => {
  it('detects a URL given as a URL object', () => {
    expect(catalogue().detect(new URL('https://acme.crm.example/list?view=open'))).toStrictEqual({
      app: 'crm',
      screen: 'list',
      record: { type: 'view', id: 'open' },
      context: {},
    });
  });

  it('detects a plain http page, not only https', () => {
    expect(catalogue().detect('http://acme.crm.example/contacts/4')).toStrictEqual({
      app: 'crm',
      screen: 'contact',
      record: { type: 'contact', id: '4' },
      context: {},
    });
  });

  it('adds no explanation unless asked, whether nothing, the app or a screen matched', () => {
    const nothing = { app: null, screen: null, record: null, context: {} };
    expect(catalogue().detect('https://other.example/')).toStrictEqual(nothing);
    expect(catalogue().detect('mailto:someone@crm.example')).toStrictEqual(nothing);
    expect(catalogue().detect('https://acme.crm.example/elsewhere')).toStrictEqual({
      ...nothing,
      app: 'crm',
    });
    expect(catalogue().detect('https://help.example/')).toStrictEqual({
      ...nothing,
      app: 'helpdesk',
      screen: 'home',
    });
  });
});

describe('Catalogue: refusals and explanations in words', () => {
  it('says a text that is not a URL is not a URL, and echoes it', () => {
    expect(explained('acme.crm.example/list')).toStrictEqual({
      app: null,
      screen: null,
      record: null,
      context: {},
      explain: {
        url: 'acme.crm.example/list',
        host: { hostname: '', pattern: null, reason: 'not a URL' },
        screens: [],
      },
    });
  });

  it('names the scheme it refuses, for text and for a URL object alike', () => {
    const refusal = (url: string) => ({
      url,
      host: { hostname: '', pattern: null, reason: 'scheme ftp: is not http(s)' },
      screens: [],
    });
    expect(explained('ftp://acme.crm.example/list').explain).toStrictEqual(
      refusal('ftp://acme.crm.example/list'),
    );
    expect(explained(new URL('ftp://acme.crm.example/list')).explain).toStrictEqual(
      refusal('ftp://acme.crm.example/list'),
    );
  });

  it('explains a host no app claims with no pattern and no screens', () => {
    expect(explained('https://other.example/list').explain).toStrictEqual({
      url: 'https://other.example/list',
      host: { hostname: 'other.example', pattern: null },
      screens: [],
    });
  });

  it('explains a page of the app where no screen matched, rule by rule', () => {
    expect(explained('https://help.example/settings')).toStrictEqual({
      app: 'helpdesk',
      screen: null,
      record: null,
      context: {},
      explain: {
        url: 'https://help.example/settings',
        host: { hostname: 'help.example', pattern: 'help.example' },
        screens: [{ id: 'home', matched: false, failed: 'path !~ /^\\/$/' }],
      },
    });
  });

  it('shows the unwrapped URL it matched screens against', () => {
    expect(explained('https://acme.crm.example/go?to=%2Fcontacts%2F4')).toStrictEqual({
      app: 'crm',
      screen: 'contact',
      record: { type: 'contact', id: '4' },
      context: {},
      explain: {
        url: 'https://acme.crm.example/go?to=%2Fcontacts%2F4',
        unwrapped: 'https://acme.crm.example/contacts/4',
        host: { hostname: 'acme.crm.example', pattern: '*.crm.example' },
        screens: [
          { id: 'board', matched: false, failed: 'hash !~ /^#board$/' },
          { id: 'list', matched: false, failed: 'path !~ /^\\/list$/' },
          {
            id: 'deal',
            matched: false,
            failed: 'path !~ /^\\/deal\\.do$/ | hash !~ /^#deal\\/(?<id>\\d+)$/',
          },
          { id: 'contact', matched: true },
        ],
      },
    });
  });

  it('names the query parameter that is missing or does not match', () => {
    expect(failureOf('https://acme.crm.example/list', 'list')).toBe(
      'query view !~ /^(?<view>[a-z]+)$/',
    );
    expect(failureOf('https://acme.crm.example/list?view=Open', 'list')).toBe(
      'query view !~ /^(?<view>[a-z]+)$/',
    );
    expect(failureOf('https://acme.crm.example/deal.do?id=x7', 'deal')).toBe(
      'query id !~ /^(?<id>\\d+)$/ | hash !~ /^#deal\\/(?<id>\\d+)$/',
    );
  });

  it('says a screen with DOM rules needs a document, and names the rule a document fails', () => {
    const url = 'https://acme.crm.example/report';
    expect(failureOf(url, 'report')).toBe('DOM rules need a document');
    const plain = new JSDOM('<h1>Weekly</h1>').window.document;
    expect(failureOf(url, 'report', plain)).toBe('exists .report');
    const report = new JSDOM('<div class="report"></div>').window.document;
    expect(explained(url, report).screen).toBe('report');
  });
});

describe('Catalogue: records from captures', () => {
  it('does not take a missing query parameter for a match', () => {
    expect(catalogue().detect('https://acme.crm.example/list').screen).toBeNull();
  });

  it('gives the screen but no record when a capture the record needs is empty', () => {
    expect(catalogue().detect('https://acme.crm.example/contacts/')).toStrictEqual({
      app: 'crm',
      screen: 'contact',
      record: null,
      context: {},
    });
    expect(catalogue().detect('https://acme.crm.example/objects//7')).toMatchObject({
      screen: 'object',
      record: null,
    });
    expect(catalogue().detect('https://acme.crm.example/objects/lead/7').record).toStrictEqual({
      type: 'lead',
      id: '7',
    });
  });

  it('gives no record when the template names a capture the rule does not have', () => {
    expect(catalogue().detect('https://acme.crm.example/notes/12')).toMatchObject({
      screen: 'note',
      record: null,
    });
  });

  it('keeps an earlier capture when a later group of the same name takes no part', () => {
    expect(catalogue().detect('https://acme.crm.example/items/5').record).toStrictEqual({
      type: 'item',
      id: '5',
    });
    expect(catalogue().detect('https://acme.crm.example/items/5#spare').record).toStrictEqual({
      type: 'item',
      id: 'spare',
    });
  });
});

describe('Catalogue: apps and hosts', () => {
  it('lists its apps in catalogue order', () => {
    expect(catalogue().appIds).toStrictEqual(['crm', 'helpdesk']);
  });

  it('answers no app for a host no app claims or one it excludes', () => {
    expect(catalogue().appForHost('other.example')).toBeUndefined();
    expect(catalogue().appForHost('www.crm.example')).toBeUndefined();
    expect(catalogue().appForHost('help.example')).toBe('helpdesk');
  });
});

describe("detectInApp: the content script's detection within its one app", () => {
  it('matches screens against the unwrapped URL and reads the record from it', () => {
    const detector = compileApp(crm);
    const inner = encodeURIComponent('https://acme.crm.example/deal.do?id=77');
    expect(detectInApp(detector, `https://acme.crm.example/go?to=${inner}`)).toStrictEqual({
      app: 'crm',
      screen: 'deal',
      record: { type: 'deal', id: '77' },
      context: {},
    });
  });

  it('gives the app with no screen and no record when no screen matches', () => {
    expect(detectInApp(compileApp(crm), 'https://acme.crm.example/settings')).toStrictEqual({
      app: 'crm',
      screen: null,
      record: null,
      context: {},
    });
  });

  it('takes the first screen in catalogue order whose rules hold, DOM rules included', () => {
    const page = new JSDOM('<div class="report"></div>').window.document;
    const bare = new JSDOM('<p></p>').window.document;
    const detector = compileApp(crm);
    expect(detectInApp(detector, 'https://acme.crm.example/report', page).screen).toBe('report');
    expect(detectInApp(detector, 'https://acme.crm.example/report', bare).screen).toBeNull();
  });
});
