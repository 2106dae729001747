/** Served at /assets/dashboard.css: the pages carry no inline style, so the CSP can forbid it. */
export const DASHBOARD_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #f6f7f9; --card: #fff;
  --support: #1f7a4d; --oppose: #b3261e; --conditional: #8a6d00; --accent: #2b59c3; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header.top { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: .6rem 1rem;
  background: var(--ink); color: #fff; flex-wrap: wrap; }
header.top a { color: #fff; text-decoration: none; }
header.top .brand { font-weight: 700; letter-spacing: .02em; }
header.top nav { display: flex; gap: 1rem; align-items: center; }
header.top form { margin: 0; }
header.top button { background: transparent; color: #fff; border: 1px solid #fff6; border-radius: 4px; padding: .2rem .6rem; cursor: pointer; font: inherit; }
main { max-width: 980px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
a { color: var(--accent); }
.muted { color: var(--muted); font-size: .9rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: .6rem 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: .8rem; }
.grid .card { margin: 0; }
ul.plain { list-style: none; padding: 0; margin: .3rem 0; }
ul.plain li { padding: .2rem 0; border-top: 1px solid var(--line); }
ul.plain li:first-child { border-top: 0; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .45rem; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; }
.badge.support { color: var(--support); } .badge.oppose { color: var(--oppose); } .badge.conditional { color: var(--conditional); }
.badge.high { color: var(--oppose); } .badge.medium { color: var(--conditional); } .badge.low { color: var(--muted); }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
@media (max-width: 640px) { .pair { grid-template-columns: 1fr; } body { font-size: 15px; } main { padding: .6rem; } }
blockquote { margin: .3rem 0; padding: .3rem .7rem; border-left: 3px solid var(--line); background: var(--bg); overflow-wrap: anywhere; }
.evidence .side h4 { margin: 0; font-size: .85rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.chart-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
.chart { width: 100%; min-width: 460px; height: auto; display: block; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
.chart .axis { stroke: var(--line); stroke-width: 1; }
.chart .label { fill: var(--muted); font-size: 12px; }
.chart .step { fill: none; stroke-width: 2; stroke-opacity: .55; }
.chart .pt { stroke: #fff; stroke-width: 1.5; }
.chart .pt.evidence-only { fill: #fff; stroke-width: 2; }
.chart .pt.retracted { opacity: .35; }
.chart .contra-ring { fill: none; stroke: var(--oppose); stroke-width: 2.5; }
.chart .contra-link { stroke: var(--oppose); stroke-width: 2; stroke-dasharray: 5 4; fill: none; }
.p0 { fill: #2b59c3; stroke: #2b59c3; } .p1 { fill: #c2410c; stroke: #c2410c; } .p2 { fill: #0f766e; stroke: #0f766e; }
.p3 { fill: #7c3aed; stroke: #7c3aed; } .p4 { fill: #a16207; stroke: #a16207; } .p5 { fill: #be185d; stroke: #be185d; }
.p6 { fill: #4d7c0f; stroke: #4d7c0f; } .p7 { fill: #475569; stroke: #475569; }
.chart .pt.p0, .chart .pt.p1, .chart .pt.p2, .chart .pt.p3, .chart .pt.p4, .chart .pt.p5, .chart .pt.p6, .chart .pt.p7 { stroke: #fff; }
.chart .pt.evidence-only.p0 { stroke: #2b59c3; } .chart .pt.evidence-only.p1 { stroke: #c2410c; } .chart .pt.evidence-only.p2 { stroke: #0f766e; }
.chart .pt.evidence-only.p3 { stroke: #7c3aed; } .chart .pt.evidence-only.p4 { stroke: #a16207; } .chart .pt.evidence-only.p5 { stroke: #be185d; }
.chart .pt.evidence-only.p6 { stroke: #4d7c0f; } .chart .pt.evidence-only.p7 { stroke: #475569; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: .4rem 0; font-size: .85rem; }
.legend svg { vertical-align: middle; margin-right: .25rem; }
.legend .step { stroke: none; }
details summary { cursor: pointer; color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
td, th { text-align: left; vertical-align: top; padding: .35rem .4rem; border-top: 1px solid var(--line); }
@media (max-width: 640px) { table.statements thead { display: none; } table.statements td { display: block; border-top: 0; padding: .1rem .2rem; } table.statements tr { display: block; border-top: 1px solid var(--line); padding: .4rem 0; } }
form.login { max-width: 420px; }
form.login label { display: block; font-weight: 600; margin-bottom: .3rem; }
form.login input[type=password] { width: 100%; font: inherit; padding: .5rem; border: 1px solid var(--line); border-radius: 6px; }
form.login button { margin-top: .8rem; font: inherit; padding: .45rem 1.1rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
.error { color: var(--oppose); font-weight: 600; }
.banner { background: #fff4d6; border: 1px solid #e8c66a; border-radius: 8px; padding: .5rem .8rem; }
blockquote.in-context mark { background: #fff1a8; color: inherit; }
form.inline { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .4rem 0; }
form.inline input[type=text], form.inline select { font: inherit; padding: .3rem .4rem; border: 1px solid var(--line); border-radius: 6px; min-width: 10rem; }
form.inline button { font: inherit; padding: .35rem .9rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
form.inline button.secondary { background: transparent; color: var(--ink); border: 1px solid var(--line); }
.verdicts { border-top: 1px solid var(--line); margin-top: .6rem; padding-top: .4rem; }
`;
