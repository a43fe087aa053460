// Rendering: SPC charts and MDC icons as SVG, the self-contained HTML board report, and PNG
// and PDF output. Pure functions from results to text (SVG, HTML); the raster functions write
// one file and leave nothing behind on failure.
#ifndef KAIZEN_RENDER_H_
#define KAIZEN_RENDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/spc.h"
#include "kaizen/status.h"
#include "kaizen/summary.h"

namespace kaizen {

// MDC colours (domain.md): "mdc" the NHS England icons' palette (grey #7B7D7D, blue #289DE0,
// purple #361475, orange #FAB428); "mdc-alt" the second palette in circulation (#BFBFBF,
// #0072C6, #8000C0, #FF6600); "colour-blind" the Okabe–Ito safe set. Icons always carry a
// letter too (H/L, P/F/?), never colour alone.
enum class Palette { kMdc, kMdcAlternative, kColourBlind };
Result<Palette> ParsePalette(std::string_view name);  // "mdc", "mdc-alt", "colour-blind"

struct ChartOptions {
  int width = 900;  // SVG user units (px); readable on A4 landscape at this size
  int height = 380;
  Palette palette = Palette::kMdc;
  std::string title;  // defaults to the indicator's name and the organisation
};

// The SPC chart: points and line, centre line, process limits (dashed), the target (a step
// line when it changes), special-cause points coloured by class, segment breaks, ghosted
// points hollow, annotations, axis labels with periods. A run chart has its median only.
std::string RenderChartSvg(const Indicator& indicator, const SeriesResult& result,
                           const ChartOptions& options);

// The MDC icons as inline SVG (a circle with the MDC symbol and letter), `size` px square.
std::string RenderVariationIconSvg(VariationIcon icon, Palette palette, int size);
std::string RenderAssuranceIconSvg(AssuranceIcon icon, Palette palette, int size);

// The MDC icons in a board's words, short and lower-case for table cells and the summary
// matrix: "special cause concern (low)", "common cause", "special cause neither (high)",
// "not judged"; "pass", "fail", "hit or miss", "no assurance".
std::string_view VariationIconWords(VariationIcon icon);
std::string_view AssuranceIconWords(AssuranceIcon icon);
// A point's class the same way: "special cause concern", "common cause", "not judged".
std::string PointClassWords(PointClass c);

struct ReportSeries {
  const Indicator* indicator;  // not owned; outlives the call
  SeriesResult result;
  SummaryRow row;
  std::vector<Annotation> comments;  // the data's comment column for this series, by period
};

// A block of plain sentences shown above the summary, under its heading: for a report from a
// workspace, what its figures are as at, what changed since the last frozen pack and what is
// pending (app::WorkspaceReportNotices). Drawn as given.
struct ReportNotice {
  std::string heading;
  std::vector<std::string> lines;
};

struct ReportInput {
  std::string title;
  std::string organisation_filter;  // shown in the header when the report is for one org
  Date generated_on;                // supplied by the caller (the engine never reads clocks)
  Palette palette = Palette::kMdc;
  std::vector<ReportNotice> notices;  // shown in order above the summary (PDF: pages before it)
  std::vector<ReportSeries> series;
};

// The board report: one self-contained HTML document (inline SVG, CSS and a little
// JavaScript; no external requests; prints well): the summary table, exceptions first,
// sortable and filterable, then per series its chart and data table.
std::string RenderReportHtml(const ReportInput& input);

// The report as a sequence of A4-landscape SVG pages (summary table pages, then one chart per
// page with its key figures), for PDF output.
std::vector<std::string> RenderReportPagesSvg(const ReportInput& input);

// Writes one SVG as PNG (scale 2 for crisp print) or PDF, and several SVG pages as one PDF,
// via librsvg and cairo. The file appears complete or not at all (written beside and renamed).
Status WriteSvgAsPng(const std::string& svg, const std::string& path);
Status WriteSvgAsPdf(const std::string& svg, const std::string& path);
Status WriteSvgPagesAsPdf(const std::vector<std::string>& pages, const std::string& path);

}  // namespace kaizen

#endif  // KAIZEN_RENDER_H_
