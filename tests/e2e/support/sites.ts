import { startFixtureServer, type FixtureServer } from './fixture-server';

/** Zendesk ticket, Salesforce case, ServiceNow incident and a hostile page, under real app hosts. */
export function startSites(): Promise<FixtureServer> {
  return startFixtureServer([
    { path: /^\/agent\/tickets\/666$/, page: 'hostile.html' },
    { path: /^\/agent\/tickets\/789$/, page: 'zendesk-apps.html' },
    { path: /^\/agent\/tickets\/901$/, page: 'corners.html' },
    { path: /^\/agent\/tickets\/\d+$/, page: 'zendesk-ticket.html' },
    { path: /^\/lightning\/r\/Case\/[A-Za-z0-9]+\/view$/, page: 'salesforce-case.html' },
    { path: /^\/incident\.do$/, page: 'servicenow-incident.html' },
    { path: /^\/now\/nav\/ui\/classic\/params\/target\//, page: 'servicenow-polaris.html' },
    { path: /.*/, page: 'plain.html' },
  ]);
}

export const URLS = {
  zendesk: ['acme.zendesk.com', '/agent/tickets/123'],
  salesforce: ['acme.lightning.force.com', '/lightning/r/Case/5003h00000AbCdEAAQ/view'],
  servicenow: ['acme.service-now.com', '/incident.do?sys_id=9d385017c611228701d22104cc95c371'],
  hostile: ['acme.zendesk.com', '/agent/tickets/666'],
  /** An app page whose primary actions sit at every corner. */
  corners: ['acme.zendesk.com', '/agent/tickets/901'],
  /** A ticket with an apps sidebar: an open shadow root and a same-origin iframe. */
  zendeskApps: ['acme.zendesk.com', '/agent/tickets/789'],
  /**
   * A ServiceNow Polaris incident: the classic form in an iframe inside the shell's shadow root,
   * a shadow-DOM widget in that form.
   */
  servicenowPolaris: [
    'acme.service-now.com',
    '/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D46d44a23a9fe19810012d100cca80666',
  ],
} as const;
