import { describe, expect, it } from 'vitest';
import { indexKeys } from './item-row';
import { article, tip } from './test-support';

describe('indexKeys', () => {
  it('returns wildcards when the item targets everywhere', () => {
    expect(indexKeys(article('a'))).toEqual({ apps: ['*'], screens: ['*:*'] });
  });

  it('returns every screen of each app when the item lists apps but no screens', () => {
    expect(indexKeys(tip('t', { apps: ['zendesk', 'jira'] }))).toEqual({
      apps: ['zendesk', 'jira'],
      screens: ['zendesk:*', 'jira:*'],
    });
  });

  it('returns the apps of listed screens when the item lists screens only', () => {
    expect(indexKeys(article('a', { screens: ['zendesk:ticket'] }))).toEqual({
      apps: ['zendesk'],
      screens: ['zendesk:ticket'],
    });
  });
});
