/**
 * The in-page UI's only stylesheet, inside a closed shadow root. Nothing outside the shadow root can
 * select our nodes. The page can still style the host element itself, so `:host` resets it with
 * `!important`: for important declarations the shadow tree's rules win over the page's
 * (https://www.w3.org/TR/css-cascade-5/#cascade-context), so `* { all: unset !important }` or
 * `waymark-root { display: none !important }` cannot hide or move it.
 */
export const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; top: 0 !important;
  left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important;
  visibility: visible !important; opacity: 1 !important; z-index: 2147483646 !important; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646;
  font: 400 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1b1b; }
.launcher { pointer-events: auto; position: fixed; right: 16px; bottom: 16px; display: flex; align-items: center;
  gap: 8px; font-weight: 500; font-size: 13px; line-height: 1.2; font-family: inherit; color: #fff; background: #1f4e79; border: 0;
  border-radius: 999px; padding: 8px 14px; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.launcher:focus-visible, .beacon:focus-visible, .card button:focus-visible, .card a:focus-visible {
  outline: 3px solid #f5a623; outline-offset: 2px; }
.launcher .mark { font-weight: 700; }
.launcher .count { min-width: 20px; padding: 1px 6px; border-radius: 999px; background: #fff; color: #1f4e79;
  font-weight: 700; text-align: center; }
.launcher[data-count='0'] .count { background: rgba(255,255,255,.25); color: #fff; }
.beacon { pointer-events: auto; position: fixed; width: 18px; height: 18px; margin: 0; padding: 0; border: 2px solid #fff;
  border-radius: 50%; background: #f5a623; box-shadow: 0 0 0 2px rgba(245,166,35,.45); cursor: pointer; }
.beacon::after { content: ''; position: absolute; inset: -6px; border-radius: 50%; border: 2px solid rgba(245,166,35,.6);
  animation: pulse 2s ease-out infinite; }
@media (prefers-reduced-motion: reduce) { .beacon::after { animation: none; } }
@keyframes pulse { from { transform: scale(.6); opacity: 1; } to { transform: scale(1.4); opacity: 0; } }
.card { pointer-events: auto; position: fixed; width: 300px; max-width: calc(100vw - 16px); background: #fff; color: #1b1b1b;
  border: 1px solid #c8c8c8; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.2); padding: 12px 14px 0;
  max-height: min(60vh, 420px); overflow: auto; overscroll-behavior: contain; }
.card h2 { font-weight: 600; font-size: 14px; line-height: 1.3; font-family: inherit; margin: 0 24px 6px 0; color: #1f4e79; }
.card p, .card ul, .card ol { margin: 0 0 8px; }
.card ul, .card ol { padding-left: 20px; }
.card code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
.card a { color: #0b5cad; }
.card .actions { position: sticky; bottom: 0; display: flex; gap: 8px; justify-content: flex-end; margin-top: 4px;
  padding: 8px 0 12px; background: #fff; }
.card button { font-weight: 500; font-size: 12px; line-height: 1; font-family: inherit; border-radius: 4px; padding: 6px 10px; cursor: pointer;
  border: 1px solid #1f4e79; background: #fff; color: #1f4e79; }
.card button.primary { background: #1f4e79; color: #fff; }
.card .close { position: absolute; top: 6px; right: 6px; border: 0; padding: 4px 6px; font-size: 16px; }
.highlight { position: fixed; border: 3px solid #f5a623; border-radius: 4px; box-shadow: 0 0 0 9999px rgba(0,0,0,.18);
  pointer-events: none; transition: all .15s ease-out; }
.layer.picking .beacon, .layer.picking .card, .layer.picking .launcher { visibility: hidden; }
.pick-box { position: fixed; border: 2px solid #1f4e79; border-radius: 3px; background: rgba(31,78,121,.12);
  box-shadow: 0 0 0 1px #fff; pointer-events: none; }
.pick-label { position: fixed; max-width: min(360px, 100vw); padding: 2px 6px; border-radius: 3px;
  background: #1f4e79; color: #fff; font: 500 12px/18px ui-monospace, Menlo, Consolas, monospace; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; pointer-events: none; }
.pick-banner { pointer-events: auto; position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%);
  display: flex; align-items: center; gap: 12px; width: max-content; max-width: calc(100vw - 16px); padding: 8px 8px 8px 16px;
  border-radius: 999px; background: #1b1b1b; color: #fff; font-weight: 500; box-shadow: 0 2px 12px rgba(0,0,0,.35); }
.pick-banner.top { top: 16px; bottom: auto; }
.pick-banner .cancel { font-weight: 500; font-size: 12px; line-height: 1; font-family: inherit; padding: 6px 10px; border-radius: 999px;
  border: 1px solid #fff; background: transparent; color: #fff; cursor: pointer; }
.pick-banner .cancel:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.pick-note { position: fixed; max-width: 320px; padding: 8px 12px; border-radius: 6px; border: 1px solid #2e7d32;
  background: #edf7ee; color: #1b4d1e; font-weight: 500; box-shadow: 0 4px 16px rgba(0,0,0,.2); pointer-events: none; }
.preview-spot { position: fixed; right: 16px; bottom: 64px; width: 0; height: 0; }
.pick-note.warn { border-color: #b26a00; background: #fff4e5; color: #6b3a00; }
.panel-note { pointer-events: auto; position: fixed; right: 16px; bottom: 64px; width: 320px; max-width: calc(100vw - 32px);
  padding: 12px 14px; border-radius: 8px; border: 1px solid #b26a00; background: #fff4e5; color: #1b1b1b;
  box-shadow: 0 6px 24px rgba(0,0,0,.2); }
.panel-note p { margin: 0 0 10px; }
.panel-note .actions { display: flex; gap: 8px; justify-content: flex-end; }
.panel-note button { font-weight: 500; font-size: 12px; line-height: 1; font-family: inherit; border-radius: 4px;
  padding: 6px 10px; cursor: pointer; border: 1px solid #1f4e79; background: #fff; color: #1f4e79; }
.panel-note button.primary { background: #1f4e79; color: #fff; }
.panel-note button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
`;
