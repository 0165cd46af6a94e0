import type { AppDefinition } from '@/lib/content-model';
import type { Detection } from '@/lib/context';

/** What the launcher shows: plain DOM in a closed shadow root, so host CSS and scripts cannot reach it. */
export interface Launcher {
  update(detection: Detection, app: AppDefinition): void;
  remove(): void;
}

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483646; right: 16px; bottom: 16px; }
button { all: initial; box-sizing: border-box; display: flex; align-items: center; gap: 8px;
  font: 500 13px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #fff;
  background: #1f4e79; border-radius: 999px; padding: 8px 14px; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); }
button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.mark { font-weight: 700; }
`;

export function mountLauncher(): Launcher {
  const host = document.createElement('waymark-launcher');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  const mark = document.createElement('span');
  mark.className = 'mark';
  mark.textContent = 'Waymark';
  const label = document.createElement('span');
  button.append(mark, label);
  shadow.append(style, button);
  document.documentElement.append(host);

  return {
    update(detection, app) {
      const screen = app.screens.find((s) => s.id === detection.screen)?.name;
      const where = [
        app.name,
        screen,
        detection.record ? `${detection.record.type} ${detection.record.id}` : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      label.textContent = where;
      button.setAttribute('aria-label', `Waymark help for ${where}`);
    },
    remove() {
      host.remove();
    },
  };
}
