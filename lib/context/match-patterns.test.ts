import { describe, expect, it } from 'vitest';
import { contentScriptPatterns } from './match-patterns';

describe('contentScriptPatterns', () => {
  it('injects on every app host over https and excludes bare domains and vendor sites', () => {
    expect(
      contentScriptPatterns([
        { hosts: ['*.zendesk.com'], exclude_hosts: ['www.zendesk.com'] },
        { hosts: ['app.hubspot.com'], exclude_hosts: [] },
      ]),
    ).toEqual({
      matches: ['https://*.zendesk.com/*', 'https://app.hubspot.com/*'],
      exclude_matches: ['https://www.zendesk.com/*', 'https://zendesk.com/*'],
    });
  });

  it('never excludes a host another app lists explicitly', () => {
    const patterns = contentScriptPatterns([
      { hosts: ['*.example.com'], exclude_hosts: [] },
      { hosts: ['example.com'], exclude_hosts: [] },
    ]);
    expect(patterns.exclude_matches).toEqual([]);
  });
});
