// The inline style sheet of HTML briefs (brief_html.cc): screen and print.
#pragma once

namespace griot {

// Print rules: A4 with margins, no background fills that only cost ink
// (the sea, table stripes, highlights become underlines), figures, tables
// and events kept whole on a page.
inline constexpr const char* kBriefCss = R"css(
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9d9; }
* { box-sizing: border-box; }
body { font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .2rem; }
h1 .code { color: var(--muted); font-weight: normal; font-size: 1.1rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2rem; }
.period, .note, figcaption, .source, footer { color: var(--muted); }
.totals { display: flex; gap: 2rem; margin: .8rem 0; padding: 0; }
.totals div { margin: 0; } .totals dt { font-size: .8rem; text-transform: uppercase; color: var(--muted); }
.totals dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
figure { margin: 0; } figcaption { font-size: .85rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 0 2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { font-weight: 600; border-bottom: 1px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.bar { width: 30%; } .bar span { display: block; height: .7rem; background: #7a8ca3; min-width: 1px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.swatch { display: inline-block; width: .7rem; height: .7rem; margin-right: .35rem; vertical-align: -1px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.ids { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8rem; word-break: break-all; }
.event { border-left: 4px solid #999; padding: .1rem 0 .1rem .8rem; margin: 1rem 0; }
.event.q1 { border-color: #56b4e9; } .event.q2 { border-color: #009e73; }
.event.q3 { border-color: #e69f00; } .event.q4 { border-color: #d55e00; }
.event .meta { margin: 0; font-size: .9rem; } .event .type { font-weight: 600; }
.event blockquote { margin: .3rem 0; font-size: 1rem; }
.event .source { margin: 0; font-size: .85rem; }
mark { color: inherit; background: none; padding: 0 .05em; border-radius: 2px; }
mark.t { background: #ffe08a; font-weight: 600; }
mark.a { background: #cfe5ff; } mark.r { background: #f9d3e3; }
mark.a.r { background: linear-gradient(#cfe5ff 50%, #f9d3e3 50%); }
mark.t.a, mark.t.r { box-shadow: inset 0 -3px 0 #e0a800; }
footer { margin-top: 2.5rem; font-size: .8rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.2rem; }
  figure, table, tr, .event, .totals { break-inside: avoid; page-break-inside: avoid; }
  .grid { display: block; }
  a { color: inherit; text-decoration: none; }
  svg .sea { fill: #fff; } svg .land { fill: #f2f2f2; }
  mark.t, mark.a, mark.r, mark.a.r { background: none; box-shadow: none; }
  mark.t { text-decoration: underline 2px; } mark.a { border-bottom: 1px dashed; }
  mark.r { border-bottom: 1px dotted; }
}
)css";

}  // namespace griot
