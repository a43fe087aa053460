#include "render/report/report_common.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "render/svg/icons.h"
#include "render/text.h"

namespace kaizen::render {

const Indicator& IndicatorOf(const ReportSeries& s) {
  static const Indicator kEmpty;
  return s.indicator ? *s.indicator : kEmpty;
}

std::vector<int> ReportOrder(const ReportInput& input) {
  std::vector<int> order(input.series.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const SummaryRow& x = input.series[a].row;
    const SummaryRow& y = input.series[b].row;
    return std::tie(y.exception, x.domain, x.reference, x.indicator_name, x.organisation) <
           std::tie(x.exception, y.domain, y.reference, y.indicator_name, y.organisation);
  });
  return order;
}

std::vector<const Narrative*> NarrativesFor(const Indicator& indicator,
                                            const SeriesResult& result) {
  std::vector<const Narrative*> out;
  if (result.points.empty()) return out;
  const Date first = result.points.front().period, last = result.points.back().period;
  for (const Narrative& n : indicator.narratives) {
    if (n.period >= first && n.period <= last && !n.text.empty() &&
        n.AppliesTo(result.organisation))
      out.push_back(&n);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Narrative* a, const Narrative* b) { return a->period > b->period; });
  return out;
}

std::string GhostReason(const Indicator& indicator, Date period) {
  for (const Ghost& g : indicator.ghosts) {
    if (g.date == period && !g.decision.reason.empty()) return g.decision.reason;
  }
  return "no reason recorded";
}

std::string SeriesHeading(const ReportSeries& s) {
  std::string heading = s.row.reference.empty() ? "" : s.row.reference + " ";
  heading += s.row.indicator_name.empty() ? s.row.indicator_id : s.row.indicator_name;
  if (!s.row.organisation.empty()) heading += " \xE2\x80\x94 " + s.row.organisation;
  return heading;
}

std::string TargetText(const ReportSeries& s, int decimals) {
  if (!s.row.target) return "\xE2\x80\x93";
  std::string text = FormatValue(*s.row.target, decimals, IndicatorOf(s).unit);
  if (!s.row.target_set_by.empty()) text += " (" + s.row.target_set_by + ")";
  return text;
}

std::string LimitsText(const SummaryRow& row, int decimals) {
  if (row.judgement == Judgement::kZeroVariation) return "none (no variation)";
  if (!std::isfinite(row.lower_limit) && !std::isfinite(row.upper_limit)) return "\xE2\x80\x93";
  return FormatValue(row.lower_limit, decimals) + " \xE2\x80\x93 " +
         FormatValue(row.upper_limit, decimals);
}

std::vector<KeyFigureText> KeyFigureTexts(const ReportSeries& s) {
  const SummaryRow& row = s.row;
  const bool run_chart = s.result.chart == ChartType::kRun;
  const std::string& unit = IndicatorOf(s).unit;
  const int decimals = DisplayDecimals(s.result);
  std::string updated = row.updated_to ? PeriodText(*row.updated_to, row.period_kind) : "no data";
  if (row.stale) updated += " (stale)";
  std::vector<KeyFigureText> figures = {
      {"Updated to", updated},
      {"Latest", FormatValue(row.latest_value, decimals, unit)},
      {run_chart ? "Median" : "Mean", FormatValue(row.mean, decimals, unit)},
  };
  if (!run_chart) figures.push_back({"Process limits", LimitsText(row, decimals)});
  figures.push_back({"Target", TargetText(s, decimals)});
  return figures;
}

std::string VariationText(const ReportSeries& s) { return VariationAccessibleName(s); }

std::string AssuranceText(const ReportSeries& s) {
  const SummaryRow& row = s.row;
  std::string text = AssuranceAccessibleName(s);
  if (row.assurance == AssuranceIcon::kNone && row.target_met)
    text +=
        std::string(*row.target_met ? "; target met" : "; target not met") + " by the latest value";
  return text;
}

// Inline SVG in HTML takes its namespace from the HTML parser; dropping the attribute keeps the
// file free of any URL, so nothing in it can look like an external reference.
std::string InlineSvg(std::string svg) {
  for (std::string_view name :
       {std::string_view(" xmlns=\"http://www.w3.org/2000/svg\""),
        std::string_view(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")}) {
    for (std::size_t at = svg.find(name); at != std::string::npos; at = svg.find(name, at))
      svg.erase(at, name.size());
  }
  return svg;
}

// The board report's look, shared by every kaizen HTML page (board report, analysis report).
constexpr std::string_view kReportStyle = R"css(
:root { --text: #231f20; --muted: #4c6272; --rule: #d8dde0; --band: #f0f4f5; --nhs-blue: #005eb8; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; color: var(--text); margin: 0 auto;
  max-width: 1400px; padding: 16px 24px; font-size: 14px; line-height: 1.4; }
h1 { font-size: 24px; margin: 0 0 4px 0; }
h2 { font-size: 19px; margin: 28px 0 6px 0; }
h3 { font-size: 15px; margin: 16px 0 4px 0; }
.meta { color: var(--muted); margin: 0 0 8px 0; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; vertical-align: top;
  text-align: left; }
thead th { background: var(--band); font-size: 13px; position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.icon { text-align: center; white-space: nowrap; }
/* The summary table: a reference never breaks at its hyphen, and the name keeps room to read
   when the table is crowded. */
#ipr td:nth-child(2) { white-space: nowrap; }
#ipr td:nth-child(3) { min-width: 9em; }
table.matrix { margin: 0 0 1.5em; font-size: 13px; table-layout: fixed; }
table.matrix caption { text-align: left; font-weight: bold; padding: 4px 0; }
table.matrix th, table.matrix td { border: 1px solid #d8dde0; vertical-align: top; padding: 4px; }
table.matrix th svg { vertical-align: middle; }
table.matrix ul { margin: 0; padding-left: 1.1em; }
table.matrix tbody tr:first-child td:nth-child(2) { background: #fdf0e0; }
td.icon svg { vertical-align: middle; }
td.icon .note { display: block; font-size: 11px; color: var(--muted); white-space: normal; }
td.icon .note.missed { color: #8a1538; font-weight: bold; }
tr.exception td:first-child { box-shadow: inset 4px 0 0 #d5281b; }
.badge { display: inline-block; font-size: 11px; font-weight: bold; padding: 0 4px;
  border-radius: 3px; border: 1px solid; }
.badge.stale { color: #8a1538; border-color: #8a1538; background: #fde8ec; }
.badge.exception { color: #8a1538; border-color: #8a1538; }
.sentence { font-size: 13px; }
.narrative { border-left: 4px solid var(--nhs-blue); background: #eef4fb; padding: 4px 10px;
  margin: 4px 0; font-style: italic; }
.narrative .by { font-style: normal; font-size: 12px; color: var(--muted); margin: 0; }
.narrative p { margin: 2px 0; }
.controls { margin: 8px 0; display: flex; gap: 16px; align-items: center; }
.controls input[type=search] { font-size: 14px; padding: 3px 6px; width: 20em; }
th[data-sort] { cursor: pointer; }
th[aria-sort=ascending]::after { content: " \25B2"; }
th[aria-sort=descending]::after { content: " \25BC"; }
.figures { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 6px 0 10px 0; }
.figures div { min-width: 7em; }
.figures .label { display: block; font-size: 12px; color: var(--muted); }
.figures .value { font-size: 17px; font-weight: bold; }
.figures .icon-text { display: flex; align-items: center; gap: 6px; font-size: 13px; }
svg.chart { width: 100%; height: auto; max-width: 1100px; display: block; }
ul.signals li.concern { list-style: square; }
.warnings { color: #8a1538; }
table.data { width: auto; min-width: 60%; font-size: 13px; }
.key { font-size: 12px; color: var(--muted); }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); }
svg.chart.narrow { display: none; }
.table-scroll { max-width: 100%; overflow-x: auto; }
/* A phone: the summary matrix keeps its five columns inside the page, long names wrap; the
   summary table becomes a card per indicator, each cell headed by its column's name; the
   charts are the ones drawn for the phone's width. */
@media (max-width: 600px) {
  body { padding: 12px 15px; }
  h1 { font-size: 21px; }
  table.matrix { font-size: 11px; }
  table.matrix th, table.matrix td { padding: 2px; overflow-wrap: anywhere; }
  table.matrix ul { padding-left: 0.9em; }
  table.matrix svg.mdc-icon { width: 22px; height: 22px; }
  table.matrix thead th { overflow-wrap: normal; font-size: 10px; }
  .controls { flex-wrap: wrap; gap: 6px 16px; }
  .controls label:first-child, .controls input[type=search] { width: 100%; }
  #ipr thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  #ipr, #ipr tbody, #ipr tr, #ipr td { display: block; width: 100%; }
  #ipr tr { border: 1px solid var(--rule); border-radius: 4px; margin: 0 0 12px 0;
    padding: 6px 8px; }
  #ipr tr.exception { border-left: 5px solid #d5281b; }
  #ipr tr.exception td:first-child { box-shadow: none; }
  #ipr td { border: 0; padding: 2px 0 2px 7.5em; position: relative; text-align: left;
    white-space: normal; overflow-wrap: anywhere; min-height: 1.4em; }
  #ipr td::before { content: attr(data-label); position: absolute; left: 0; width: 7em;
    color: var(--muted); font-size: 12px; }
  #ipr td.icon .note { display: inline; margin-left: 6px; }
  .figures { gap: 8px 20px; }
  .figures div { min-width: 0; max-width: 100%; }
  .figures .value { overflow-wrap: anywhere; }
  svg.chart.wide { display: none; }
  svg.chart.narrow { display: block; width: 100%; max-width: 360px; height: auto; }
  /* The data table keeps its columns at their natural width and scrolls in its own box. */
  table.data { min-width: 0; width: max-content; font-size: 12px; }
  table.data td:nth-last-child(-n+2) { max-width: 16em; }
}
/* Print: a compact A4 pack. The summary (key, matrix, table) on as few pages as it needs: the
   table leaves out its Summary column, as the PDF pack does (each series page opens with the
   sentence and the narrative), so a row takes two or three lines. Then one series a page: its
   data table is left out (the chart and figures carry it; the HTML and `kaizen export` hold
   the numbers) and the chart is sized to leave room for its words. */
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { max-width: none; padding: 0; font-size: 10px; line-height: 1.3; }
  h1 { font-size: 18px; }
  h2 { font-size: 15px; margin: 0 0 4px 0; }
  h3 { font-size: 12px; margin: 6px 0 2px 0; }
  .key { font-size: 9px; margin: 2px 0; }
  .controls, .no-print, .data-block { display: none !important; }
  table.matrix { font-size: 9px; margin: 0 0 8px 0; break-inside: avoid; }
  table.matrix th, table.matrix td { padding: 2px 3px; }
  table.matrix svg.mdc-icon { width: 20px; height: 20px; }
  #ipr { font-size: 9px; line-height: 1.2; break-before: page; }
  #ipr th, #ipr td { padding: 2px 3px; }
  #ipr td:nth-child(2) { white-space: nowrap; }
  #ipr thead th { font-size: 9px; }
  #ipr td.icon svg { width: 20px; height: 20px; }
  #ipr th:last-child, #ipr td.sentence { display: none; }
  thead { display: table-header-group; }
  tr, .figures, .narrative, svg.chart { break-inside: avoid; page-break-inside: avoid; }
  section.series { break-before: page; page-break-before: always; }
  section.series > p { margin: 2px 0; }
  .figures { margin: 2px 0 4px 0; gap: 4px 20px; }
  .figures .value { font-size: 13px; }
  .figures .icon-text svg { width: 24px; height: 24px; }
  svg.chart.wide { width: auto; max-width: 100%; max-height: 78mm; }
  ul.signals, ul.decisions, ul.warnings { margin: 2px 0; }
  thead th { position: static; }
  a { color: inherit; text-decoration: none; }
  footer { margin-top: 8px; }
}
)css";

std::string_view ReportStyle() { return kReportStyle; }

void OpenReportDocument(MarkupWriter& w, const std::string& title) {
  w.Raw("<!DOCTYPE html>\n");
  w.Open("html", {{"lang", "en-GB"}});
  w.Open("head");
  w.Leaf("meta", {{"charset", "utf-8"}});
  w.Leaf("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  w.Leaf("meta", {{"name", "generator"}, {"content", "kaizen"}});
  w.Leaf("title", {}, title);
  w.Open("style");
  // CDATA markers inside CSS comments keep the page well-formed XML as well as HTML.
  w.Raw("/*<![CDATA[*/");
  w.Raw(ReportStyle());
  w.Raw("/*]]>*/");
  w.Close();
  w.Close();
  w.Open("body");
}

}  // namespace kaizen::render
