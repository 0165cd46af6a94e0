import { describe, expect, it } from 'vitest';
import { dynamicRegistration, originsFor, pendingApps, serverOnlyApps } from './server-apps';

const builtIn = [{ id: 'zendesk', hosts: ['*.zendesk.com'], exclude_hosts: ['www.zendesk.com'] }];
const intranet = {
  id: 'intranet',
  hosts: ['helpdesk.acme.example', '*.tools.acme.example'],
  exclude_hosts: [],
};

describe('server apps', () => {
  it('finds the apps whose hosts the manifest does not cover', () => {
    expect(serverOnlyApps([builtIn[0]!, intranet], builtIn).map((a) => a.id)).toEqual(['intranet']);
  });

  it('lists the origins to ask the user for', () => {
    expect(originsFor([intranet])).toEqual([
      'https://*.tools.acme.example/*',
      'https://helpdesk.acme.example/*',
    ]);
  });

  it('registers only the granted hosts, and nothing when none is granted', () => {
    expect(dynamicRegistration([intranet], new Set(['https://helpdesk.acme.example/*']))).toEqual({
      matches: ['https://helpdesk.acme.example/*'],
      exclude_matches: ['https://tools.acme.example/*'],
    });
    expect(dynamicRegistration([intranet], new Set())).toBeUndefined();
  });
});

describe('pendingApps', () => {
  const named = { ...intranet, name: 'Acme Helpdesk' };
  it('lists each app with the origins still to grant, and drops apps fully granted', () => {
    expect(pendingApps([named], new Set(['https://helpdesk.acme.example/*']))).toEqual([
      { id: 'intranet', name: 'Acme Helpdesk', origins: ['https://*.tools.acme.example/*'] },
    ]);
    expect(pendingApps([named], new Set(originsFor([named])))).toEqual([]);
  });
});
