import { marker, type Scenario } from './types';

/**
 * Design-system web components with open shadow roots (Salesforce LWC native shadow, ServiceNow
 * Next Experience `sn-polaris-*`) and same-origin iframes (Zendesk apps, embedded tools).
 */
interface Shell {
  mark?: string;
  extraButton?: boolean;
  wrapHosts?: boolean;
  nested?: boolean;
  frame?: boolean;
  frameWrapped?: boolean;
  hash?: string;
}

function dsButton(label: string, mark: string, hash: string): string {
  return `<ds-button class="x-${hash}"><template data-shadow><button part="control" class="btn-${hash}"${mark}>${label}</button></template></ds-button>`;
}

export function shellPage(o: Shell = {}): string {
  const m = marker(o.mark);
  const h = o.hash ?? 'a1';
  const buttons = [
    o.extraButton ? dsButton('Cancel', '', h) : '',
    dsButton('Save', m('save'), h),
  ].join('');
  const toolbar = o.wrapHosts ? `<div class="w"><div class="w2">${buttons}</div></div>` : buttons;
  const menu = `<sn-polaris-menu data-testid="all-menu"><template data-shadow>
      <nav aria-label="All"><button aria-label="Favorites"${m('fav')}>★</button><input type="search" placeholder="Filter"${m('filter')}></nav></template></sn-polaris-menu>`;
  const header = o.nested
    ? `<sn-polaris-header><template data-shadow><div class="shell">${menu}</div></template></sn-polaris-header>`
    : '';
  const frameBody = `<div class="app"><h3>Related tickets</h3><button data-qa="link-ticket"${m('frame-btn')}>Link ticket</button></div>`;
  const frame = o.frame
    ? `<aside aria-label="Apps">${o.frameWrapped ? '<div class="pane">' : ''}<template data-iframe title="Related tickets app" name="app_42">${frameBody}</template>${o.frameWrapped ? '</div>' : ''}</aside>`
    : '';
  return `${header}<main><div class="toolbar" role="toolbar" aria-label="Record actions">${toolbar}</div></main>${frame}`;
}

export const shadowFrameScenarios: Scenario[] = [
  {
    app: 'generic',
    kind: 'shadow-dom',
    name: 'shadow DOM: Save inside <ds-button>, a Cancel ds-button inserted before it',
    before: shellPage({ mark: 'save' }),
    after: shellPage({ mark: 'save', extraButton: true, hash: 'b2' }),
  },
  {
    app: 'generic',
    kind: 'shadow-dom',
    name: 'shadow DOM: host wrapped in new divs',
    before: shellPage({ mark: 'save', extraButton: true }),
    after: shellPage({ mark: 'save', extraButton: true, wrapHosts: true }),
  },
  {
    app: 'servicenow',
    kind: 'shadow-dom',
    name: 'nested shadow roots (polaris header → menu): Favorites button',
    before: shellPage({ mark: 'fav', nested: true }),
    after: shellPage({ mark: 'fav', nested: true, extraButton: true }),
  },
  {
    app: 'servicenow',
    kind: 'shadow-dom',
    name: 'nested shadow roots: Polaris header not rendered → null',
    before: shellPage({ mark: 'filter', nested: true }),
    after: shellPage({}),
  },
  {
    app: 'zendesk',
    kind: 'shadow-dom',
    name: 'same-origin app iframe: button inside, iframe wrapped in a pane',
    before: shellPage({ mark: 'frame-btn', frame: true }),
    after: shellPage({ mark: 'frame-btn', frame: true, frameWrapped: true }),
  },
  {
    app: 'zendesk',
    kind: 'removed',
    name: 'app iframe closed → null',
    before: shellPage({ mark: 'frame-btn', frame: true }),
    after: shellPage({}),
  },
];
