import { describe, expect, it } from 'vitest';
import { HostIndex, normaliseHost } from './hosts';

// Built inside each test: a table built while the file loads would, under a mutant that breaks
// building, fail the file without failing a test (and Stryker would count the mutant as survived).
const APPS = [
  {
    id: 'zendesk',
    hosts: ['*.zendesk.com'],
    exclude_hosts: ['www.zendesk.com', 'support.zendesk.com'],
  },
  { id: 'hubspot', hosts: ['app.hubspot.com', 'app-eu1.hubspot.com'], exclude_hosts: [] },
  { id: 'dynamics', hosts: ['*.crm4.dynamics.com'], exclude_hosts: [] },
];
const index = () => new HostIndex(APPS);

describe('HostIndex', () => {
  it('matches a subdomain of a wildcard pattern', () => {
    expect(index().match('acme.zendesk.com')).toEqual({
      appId: 'zendesk',
      pattern: '*.zendesk.com',
    });
  });

  it('matches several labels in front of a wildcard domain', () => {
    expect(index().match('eu.acme.zendesk.com')?.appId).toBe('zendesk');
  });

  it('does not match the bare wildcard domain', () => {
    expect(index().match('zendesk.com')).toBeUndefined();
  });

  it.each([
    'acme.zendesk.com.evil.example',
    'notzendesk.com',
    'acmezendesk.com',
    'xzendesk.com',
    'zendesk.com.evil',
    'evil-zendesk.com',
  ])('does not match %s, which is not on a label boundary', (host) => {
    expect(index().match(host)).toBeUndefined();
  });

  it('reports an excluded vendor site instead of matching it', () => {
    expect(index().match('www.zendesk.com')).toEqual({
      appId: 'zendesk',
      pattern: '*.zendesk.com',
      excludedBy: 'www.zendesk.com',
    });
  });

  it('matches exact hosts only exactly', () => {
    expect(index().match('app.hubspot.com')?.appId).toBe('hubspot');
    expect(index().match('x.app.hubspot.com')).toBeUndefined();
    expect(index().match('www.hubspot.com')).toBeUndefined();
  });

  it('normalises case and one trailing dot', () => {
    expect(normaliseHost('ACME.Zendesk.com.')).toBe('acme.zendesk.com');
    expect(index().match('ACME.zendesk.com.')?.appId).toBe('zendesk');
  });

  it('refuses a catalogue where two apps claim the same host', () => {
    expect(
      () =>
        new HostIndex([
          { id: 'a', hosts: ['*.example.com'], exclude_hosts: [] },
          { id: 'b', hosts: ['*.example.com'], exclude_hosts: [] },
        ]),
    ).toThrow('apps "a" and "b" both claim host "*.example.com"');
  });

  it('accepts an app that lists the same host twice: an app does not clash with itself', () => {
    const twice = new HostIndex([
      { id: 'a', hosts: ['a.example.com', 'a.example.com'], exclude_hosts: [] },
    ]);
    expect(twice.match('a.example.com')).toEqual({ appId: 'a', pattern: 'a.example.com' });
  });
});
