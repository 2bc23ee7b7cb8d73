"""The report's stylesheet: inline, system fonts only, for screens, phones and paper."""

from __future__ import annotations

__all__ = ["STYLE"]

STYLE = """
:root{--ink:#1a1a1a;--muted:#555;--line:#d0d0d0;--bg:#fff;--band:#f4f6f8;
--error:#b10026;--warning:#8a4b00;--info:#1d4f91;--ok:#1b6b2f}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:var(--bg);
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header.top{padding-top:1.5rem;border-bottom:3px solid var(--ink)}
h1{font-size:1.9rem;margin:0 0 .25rem}
h2{font-size:1.5rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
h3{font-size:1.25rem;margin:1.75rem 0 .5rem}
h4{font-size:1.05rem;margin:1.25rem 0 .4rem}
h5{font-size:1rem;margin:.75rem 0 .25rem}
p.as-of,p.counts,footer{color:var(--muted)}
a{color:#0b4f8a}
nav ol{padding-left:1.25rem}
article.partnership{border-top:2px solid var(--ink);margin-top:2.5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
dl.facts ul{margin:0;padding-left:1.1rem}
.scroll{overflow-x:auto;max-width:100%}
.scroll:focus{outline:2px solid #0b4f8a;outline-offset:2px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0;color:var(--muted)}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--band);border-bottom:2px solid var(--ink)}
tbody th{font-weight:600}
td ul{margin:0;padding-left:1.1rem}
.number{white-space:nowrap}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:700}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;
overflow-wrap:anywhere;color:var(--muted)}
ul.findings{list-style:none;padding:0;margin:.25rem 0 1rem}
li.finding{border-left:5px solid var(--line);padding:.35rem .6rem;margin:.4rem 0;
background:var(--band)}
li.finding.error{border-color:var(--error)}
li.finding.warning{border-color:var(--warning)}
li.finding.info{border-color:var(--info)}
.badge{display:inline-block;font-weight:700;font-size:.8rem;text-transform:uppercase;
letter-spacing:.03em;padding:0 .4rem;border-radius:.2rem;color:#fff}
.badge.error{background:var(--error)}
.badge.warning{background:var(--warning)}
.badge.info{background:var(--info)}
.location{display:block;font-size:.9rem}
p.missing{font-weight:600;color:var(--error)}
p.ok{color:var(--ok)}
p.level{font-size:1.1rem;font-weight:700}
.score{white-space:nowrap;font-weight:700}
li.cliff{color:var(--error)}
figure.picture{margin:1rem 0}
figure.picture .scroll{border:1px solid var(--line);padding:.25rem}
figcaption{font-weight:600;margin:0 0 .25rem}
figure.picture p{margin:.25rem 0 0;color:var(--muted);font-size:.9rem}
svg.picture{display:block;width:100%;min-width:34rem;max-width:820px;height:auto;font-size:14px;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
svg .grid{stroke:#e6e6e6;stroke-width:1}
svg .tick{fill:var(--muted);text-anchor:middle;font-size:12px}
svg .as-of{stroke:var(--error);stroke-width:1.5;stroke-dasharray:5 4}
svg .as-of-label{fill:var(--error);text-anchor:middle;font-size:12px}
svg .phase{stroke:#fff;stroke-width:1}
svg .planned{fill:none;stroke:#777;stroke-dasharray:4 3}
svg .review{fill:var(--ink)}
svg .in-bar{font-size:12px}
svg .strong{font-weight:700}
svg .end{text-anchor:end}
svg .money{fill:#d5e4f3;stroke:#1d4f91;stroke-width:1}
svg .money.open-ended{stroke-dasharray:4 3}
svg .cliff{stroke:var(--error);stroke-width:2.5}
svg .cliff-mark{fill:var(--error)}
svg .cliff-label{fill:var(--error);font-weight:700;text-anchor:end;font-size:12px}
svg .link{fill:none;stroke:#9a9a9a;stroke-width:1.2}
svg .node-partnership{fill:var(--ink)}
svg .node-organisation{stroke:var(--ink);stroke-width:1}
svg .sector{fill:var(--muted);font-size:12px}
svg .swatch{stroke:#777;stroke-width:.5}
footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid var(--line);font-size:.9rem}
@media (max-width:40rem){
body{font-size:15px}
h1{font-size:1.5rem}
h2{font-size:1.3rem}
dl.facts{grid-template-columns:1fr}
dl.facts dd{margin-bottom:.4rem}
header.top,main,footer{padding:0 .75rem}
table.stack,table.stack caption,table.stack tbody,table.stack tr,table.stack th,
table.stack td{display:block;width:100%}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stack tbody tr{border-bottom:1px solid var(--line);padding:.4rem 0}
table.stack tbody th,table.stack td{border:0;padding:.1rem 0}
table.stack td::before{content:attr(data-label) ": ";font-weight:600}
svg.picture{min-width:40rem}
}
@media print{
@page{margin:15mm}
body{font-size:10.5pt;color:#000}
a{color:#000;text-decoration:none}
nav{display:none}
.scroll{overflow:visible}
svg.picture{width:100%;min-width:0;max-width:100%}
article.partnership{break-before:page}
figure,table,li.finding,tr{break-inside:avoid}
h2,h3,h4{break-after:avoid}
.badge{color:#000;background:none!important;border:1px solid #000}
li.finding{background:none}
thead th{background:none}
}
"""
