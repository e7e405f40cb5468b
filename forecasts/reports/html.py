"""The HTML format: one self-contained file, charts inlined as SVG, readable on a phone, printable.

Nothing is fetched when the page is viewed (no fonts, scripts or images from elsewhere), and a
Content-Security-Policy says so to the browser. All text from articles is escaped, and only
http(s) URLs become links.
"""

from __future__ import annotations

import re
from html import escape

from forecasts.reports import charts
from forecasts.reports.layout import Link, Table, month_name, sections, title
from forecasts.reports.model import MonthlyReport

CARD_COLUMNS = 4
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d9d9d9; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; color: var(--ink);
       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--rule); }
.meta { color: var(--muted); font-size: 0.9rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.8rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
caption { text-align: left; font-style: italic; color: var(--muted); padding-bottom: 0.3rem; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; background: #f4f6f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; max-width: 40rem; height: auto; }
figcaption { color: var(--muted); font-size: 0.85rem; }
a { color: var(--accent); }
nav { font-size: 0.9rem; margin: 0.5rem 0 1rem; line-height: 1.9; }
nav a { margin-right: 0.9rem; white-space: nowrap; }
.nw { white-space: nowrap; }
@media (max-width: 40rem) {
  body { padding: 0.6rem; font-size: 15px; }
  th, td { padding: 0.25rem 0.4rem; }
  /* On a phone each row becomes a small card of label: value lines instead of a wide table. */
  table.cards { min-width: 0; width: 100%; }
  table.cards, table.cards tbody, table.cards tr, table.cards td, table.cards caption { display: block; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards tr { border-bottom: 1px solid var(--rule); padding: 0.35rem 0; }
  table.cards td { position: relative; border: 0; padding: 0.1rem 0 0.1rem 7.6rem; min-height: 1.6rem;
                   text-align: left; overflow-wrap: anywhere; }
  table.cards td::before { content: attr(data-label); position: absolute; left: 0; width: 7rem;
                           color: var(--muted); font-size: 0.85rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  nav { display: none; }
}
"""


# A date, or a window of two, is never broken inside a date ("2023-06-" / "30").
_DATES = re.compile(r"^(\d{4}-\d{2}-\d{2})(?: – (\d{4}-\d{2}-\d{2}))?$")


def _cell(cell: str | Link) -> str:
    if isinstance(cell, Link) and cell.safe_url:
        return (
            f'<a href="{escape(cell.safe_url)}" rel="noopener noreferrer">{escape(cell.text)}</a>'
        )
    text = str(cell)
    dates = _DATES.match(text)
    if dates:
        return " – ".join(f'<span class="nw">{d}</span>' for d in dates.groups() if d)
    return escape(text)


def table_html(table: Table) -> str:
    """One table as HTML (the dashboard's report page renders its tables with this too)."""
    return _table(table)


def _table(table: Table) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in table.numeric else ""

    head = "".join(f'<th{cls(i)} scope="col">{escape(h)}</th>' for i, h in enumerate(table.headers))
    labels = [escape(h) for h in table.headers]
    body = "".join(
        "<tr>"
        + "".join(
            f'<td{cls(i)} data-label="{labels[i]}">{_cell(c)}</td>' for i, c in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    # Narrow tables fit a phone as they are; wider ones turn into one card per row there.
    cards = ' class="cards"' if len(table.headers) > CARD_COLUMNS else ""
    return (
        f'<div class="scroll"><table{cards}>{caption}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _chart(report: MonthlyReport, kind: str) -> str:
    if kind == "reliability":
        label = f"Reliability diagram, {month_name(report.month)}"
        fig = charts.reliability_diagram(report.calibration, label, report.all_time)
        note = (
            "Points at each bin's mean forecast; bars: 95% Wilson interval; below: resolved "
            "claims per bin (n)."
        )
    else:
        label = "Hit rate and Brier score by month"
        fig = charts.trend_chart(report.trend, label)
        note = (
            "The last 12 months: hit rate with its 95% Wilson interval, Brier score, and claims "
            "resolved each month; gaps are months with nothing resolved."
        )
    svg = charts.to_svg(fig, salt=kind)
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{escape(label)}"', 1)
    return f'<figure class="chart" id="chart-{kind}">{svg}<figcaption>{escape(note)}</figcaption></figure>'


def render(report: MonthlyReport) -> str:
    """The whole report as one HTML document."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title(report))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>{escape(title(report))}</h1>",
        f'<p class="meta">Generated {report.generated_at:%Y-%m-%d %H:%M} UTC; '
        f"months in {escape(report.timezone)}. Claims are counted in the month their due "
        "window closes.</p></header><main>",
    ]
    outline = sections(report)
    if len(outline) > 1:
        links = " ".join(  # spaces: the line may break between links
            f'<a href="#s{i}">{escape(section.title)}</a>' for i, section in enumerate(outline)
        )
        parts.append(f'<nav aria-label="Sections">{links}</nav>')
    for i, section in enumerate(outline):
        parts.append(f'<section id="s{i}"><h2>{escape(section.title)}</h2>')
        parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
        if section.chart:
            parts.append(_chart(report, section.chart))
        parts += [_table(t) for t in section.tables if t.rows]
        parts.append("</section>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)
