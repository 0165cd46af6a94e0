/** The dashboard's stylesheet (served at /insights/dashboard.css; the CSP allows no inline style). */
export const DASHBOARD_CSS = `
:root { color-scheme: light; --ink: #1d2433; --muted: #545d6e; --line: #d6dbe4; --accent: #1f5fbf; --bar: #2f6fd0; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .6rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; margin: 0; }
nav ul { display: flex; gap: .25rem; list-style: none; margin: 0; padding: 0; flex-wrap: wrap; }
nav a { display: block; padding: .35rem .7rem; border-radius: 6px; color: var(--accent); text-decoration: none; }
nav a[aria-current="page"] { background: #e6eefb; color: #123d7a; font-weight: 600; }
nav a:hover, nav a:focus-visible { text-decoration: underline; }
.signout { margin-left: auto; display: flex; align-items: center; gap: .5rem; color: var(--muted); }
main { max-width: 1180px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; margin: .6rem 0; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }
.lead { color: var(--muted); }
.period { display: flex; gap: .8rem; align-items: center; margin: .5rem 0 1rem; flex-wrap: wrap; }
input, select, button { font: inherit; }
input, select { padding: .25rem .4rem; border: 1px solid #8a93a3; border-radius: 4px; background: #fff; color: var(--ink); }
button { padding: .3rem .8rem; border: 1px solid #8a93a3; border-radius: 6px; background: #fff; color: var(--ink); cursor: pointer; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
a.button { display: inline-block; padding: .4rem .9rem; border-radius: 6px; text-decoration: none; }
a.button.primary { background: var(--accent); color: #fff; font-weight: 600; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f2b01e; outline-offset: 1px; }
table { border-collapse: collapse; width: 100%; background: #fff; margin: .4rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .35rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: #eef1f5; }
.twin { overflow-x: auto; }
.twin table { font-size: .82rem; }
.twin th { white-space: nowrap; }
summary { cursor: pointer; color: var(--accent); }
.csv { font-weight: 400; margin-left: .5rem; }
.muted { color: var(--muted); }
.figure { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem 0; margin: 1rem 0; }
.chart { display: block; max-width: 100%; height: auto; }
.chart .bar { fill: var(--bar); }
.chart .axis { stroke: #8a93a3; }
.chart text { font-size: 12px; fill: var(--ink); }
h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
.chart .value { fill: var(--muted); }
.gaps td form { margin: 0 0 .4rem; }
.queries { margin: 0; padding-left: 1rem; }
.queries .more { list-style: none; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600; border: 1px solid; }
.badge.open { color: #8a3b00; background: #fff3e6; }
.badge.addressed { color: #135e2c; background: #e8f6ec; }
.badge.dismissed { color: var(--muted); background: #f0f1f3; }
.closed { margin: .3rem 0 0; font-size: .85rem; }
.notice { background: #e8f6ec; border: 1px solid #9ccfab; padding: .5rem .8rem; border-radius: 6px; }
.error { background: #fdeceb; border: 1px solid #e3a29c; padding: .5rem .8rem; border-radius: 6px; }
.note { background: #fff8e5; border: 1px solid #e8cf8a; padding: .5rem .8rem; border-radius: 6px; }
.indicators { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: .8rem; margin: 0; }
.indicators div { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem; }
.indicators dt { color: var(--muted); font-size: .85rem; }
.indicators dd { margin: 0; font-size: 1.5rem; font-weight: 700; }
.signin { max-width: 26rem; display: grid; gap: .5rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
`;
