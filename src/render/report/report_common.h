// What the two forms of the board report (HTML and A4 pages) share: the order of the series
// (exceptions first, then by domain and reference) and the lookups from a point back to the
// analyst's records (ghost reasons, narratives).
#ifndef KAIZEN_RENDER_REPORT_REPORT_COMMON_H_
#define KAIZEN_RENDER_REPORT_REPORT_COMMON_H_

#include <string>
#include <string_view>
#include <vector>

#include "kaizen/render.h"
#include "render/svg/svg_writer.h"

namespace kaizen::render {

// The series' indicator, or an empty one when the caller left it unset, so a bad input gives
// a sparse report instead of a crash.
const Indicator& IndicatorOf(const ReportSeries& s);

// Indices into input.series: exceptions (SummaryRow::exception) first,
// then by domain, reference, indicator name and organisation; ties keep the input order.
std::vector<int> ReportOrder(const ReportInput& input);

// The narratives written for periods of this series, newest first.
std::vector<const Narrative*> NarrativesFor(const Indicator& indicator, const SeriesResult& result);

// Why the point at `period` was ghosted; "no reason recorded" when the analyst gave none.
std::string GhostReason(const Indicator& indicator, Date period);

// "OP-01 A&E type 1: % seen within 4 hours — R1H" (reference and organisation when known).
std::string SeriesHeading(const ReportSeries& s);

// "95.0% (national)", or "–" without a target.
std::string TargetText(const ReportSeries& s, int decimals);

// The process limits at the latest point as the row shows them: "87.4 – 95.7", "none (no
// variation)" when sigma is 0 (limits on the mean are not limits), "–" without limits.
std::string LimitsText(const SummaryRow& row, int decimals);

// A key figure of a series as both forms of the report show it: "Latest" and "91.3%".
struct KeyFigureText {
  std::string_view label;
  std::string value;
};
// The series' key figures in the order shown: the period the data reach ("(stale)" when late),
// the latest value, the mean (median on a run chart), the process limits (not on a run
// chart) and the target.
std::vector<KeyFigureText> KeyFigureTexts(const ReportSeries& s);

// The words beside the variation icon: the icon's accessible name (render/svg/icons.h), so the
// caption, the tooltip and the screen reader say the same ("Cannot be judged: fewer than 15
// points" where there is none).
std::string VariationText(const ReportSeries& s);

// The words beside the assurance icon: its accessible name, and, without an icon, the latest
// value against the target as a plain fact ("Cannot be judged: no process limits; target not
// met by the latest value").
std::string AssuranceText(const ReportSeries& s);

// An SVG document ready to inline in HTML: the namespace declarations are dropped (HTML
// implies them), so the page holds no URL at all.
std::string InlineSvg(std::string svg);

// The CSS of kaizen's HTML pages (NHS colours, tables, figures, print rules), so the board
// report and the analysis report look like one product.
std::string_view ReportStyle();

// Writes the doctype, <html>, the <head> (charset, viewport, title, the shared style) and
// opens <body>; the caller closes <body> and <html>.
void OpenReportDocument(MarkupWriter& w, const std::string& title);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_REPORT_REPORT_COMMON_H_
