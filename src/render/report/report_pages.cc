// The board report as A4-landscape SVG pages for PDF output: the summary table over as many
// pages as its rows need (a row is never split), then one page per series with its chart, key
// figures, signals and narrative. Each page is a standalone SVG of 1123 × 794 px (A4 at 96 dpi).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "kaizen/render.h"
#include "render/report/report_common.h"
#include "render/report/summary_matrix.h"
#include "render/svg/palette.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::FormatValue;
using render::MarkupWriter;
using render::Num;

constexpr double kPageWidth = 1123;
constexpr double kPageHeight = 794;
constexpr double kMargin = 30;
constexpr double kFooterY = kPageHeight - 18;
constexpr double kContentBottom = kPageHeight - 44;
constexpr double kRowHeight = 38;
constexpr double kTableTop = 92;
constexpr std::string_view kText = "#231F20";
constexpr std::string_view kMuted = "#4C6272";
constexpr std::string_view kRule = "#D8DDE0";
constexpr std::string_view kExceptionEdge = "#D5281B";

// The characters of `text` that fit `width` px at `font_size`, with an ellipsis when cut.
std::string Fit(const std::string& text, double width, double font_size) {
  const int max_chars = static_cast<int>(width / (font_size * 0.6));
  if (render::CharCount(text) <= max_chars) return text;
  std::string out;
  int chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && ++chars > max_chars - 1) break;
    out += text[i];
  }
  return out + "\xE2\x80\xA6";  // …
}

void TextAt(MarkupWriter& w, double x, double y, std::string_view text, double size,
            std::string_view colour = kText, std::string_view anchor = "start", bool bold = false,
            bool italic = false) {
  std::vector<render::Attr> attrs = {
      {"x", Num(x)}, {"y", Num(y)}, {"font-size", Num(size)}, {"fill", std::string(colour)}};
  if (anchor != "start") attrs.push_back({"text-anchor", std::string(anchor)});
  if (bold) attrs.push_back({"font-weight", "bold"});
  if (italic) attrs.push_back({"font-style", "italic"});
  w.Leaf("text", attrs, text);
}

MarkupWriter OpenPage(const std::string& heading, const std::string& meta) {
  MarkupWriter w;
  w.Open("svg", render::SvgRootAttrs(kPageWidth, kPageHeight));
  w.Leaf("title", {}, heading);
  w.Leaf("rect", {{"width", Num(kPageWidth)}, {"height", Num(kPageHeight)}, {"fill", "#FFFFFF"}});
  TextAt(w, kMargin, 42, Fit(heading, kPageWidth - 2 * kMargin, 20), 20, kText, "start", true);
  TextAt(w, kMargin, 62, Fit(meta, kPageWidth - 2 * kMargin, 12), 12, kMuted);
  return w;
}

// The footer goes on once the page count is known.
std::string ClosePage(MarkupWriter& w, const std::string& title, Date generated_on, int page,
                      int pages) {
  w.Leaf("line", {{"x1", Num(kMargin)},
                  {"y1", Num(kFooterY - 14)},
                  {"x2", Num(kPageWidth - kMargin)},
                  {"y2", Num(kFooterY - 14)},
                  {"stroke", std::string(kRule)}});
  TextAt(w, kMargin, kFooterY, title + " \xC2\xB7 generated " + render::UkDate(generated_on), 11,
         kMuted);
  TextAt(w, kPageWidth - kMargin, kFooterY,
         "Page " + std::to_string(page) + " of " + std::to_string(pages), 11, kMuted, "end");
  return w.Finish();
}

// An icon (a standalone SVG) placed with its top-left corner at (x, y).
void PlaceSvg(MarkupWriter& w, double x, double y, const std::string& svg) {
  w.Open("g", {{"transform", "translate(" + Num(x) + " " + Num(y) + ")"}});
  w.Raw(svg);
  w.Close();
}

struct Column {
  std::string_view name;
  double x, width;
  bool right;  // right-aligned numbers
};
constexpr Column kColumns[] = {
    {"Ref", 36, 50, false},           {"Indicator", 90, 240, false},
    {"Dir", 334, 24, false},          {"Updated to", 362, 94, false},
    {"Target", 460, 120, false},      {"Latest", 584, 64, true},
    {"Mean", 652, 64, true},          {"Process limits", 720, 116, true},
    {"Variation", 846, 60, false},    {"Assurance", 908, 66, false},
    {"Accountable", 978, 115, false},
};

void SummaryRowOnPage(MarkupWriter& w, const ReportSeries& s, double top, Palette palette) {
  const SummaryRow& row = s.row;
  const int decimals = render::DisplayDecimals(s.result);
  const double line1 = top + 16, line2 = top + 30;
  if (row.exception) {
    w.Leaf("rect", {{"x", Num(kMargin)},
                    {"y", Num(top + 2)},
                    {"width", "4"},
                    {"height", Num(kRowHeight - 4)},
                    {"fill", std::string(kExceptionEdge)}});
  }
  auto col = [](int i) { return kColumns[i]; };
  TextAt(w, col(0).x, line1, Fit(row.reference, col(0).width, 12), 12);
  TextAt(w, col(1).x, line1,
         Fit(row.indicator_name.empty() ? row.indicator_id : row.indicator_name, col(1).width, 12),
         12, kText, "start", true);
  std::string sub = row.domain;
  if (!row.organisation.empty()) sub += (sub.empty() ? "" : " \xC2\xB7 ") + row.organisation;
  if (row.exception) sub += (sub.empty() ? "" : " \xC2\xB7 ") + std::string("exception");
  TextAt(w, col(1).x, line2, Fit(sub, col(1).width, 11), 11, kMuted);
  TextAt(w, col(2).x + 4, line1, render::DirectionArrow(row.direction), 14);
  TextAt(w, col(3).x, line1, row.updated_to ? render::PeriodText(*row.updated_to) : "no data", 12);
  if (row.stale) TextAt(w, col(3).x, line2, "STALE", 11, "#8A1538", "start", true);
  TextAt(w, col(4).x, line1, Fit(render::TargetText(s, decimals), col(4).width, 12), 12);
  TextAt(w, col(5).x + col(5).width, line1, FormatValue(row.latest_value, decimals), 12, kText,
         "end");
  TextAt(w, col(6).x + col(6).width, line1, FormatValue(row.mean, decimals), 12, kText, "end");
  TextAt(w, col(7).x + col(7).width, line1, render::LimitsText(row, decimals), 12, kText, "end");
  PlaceSvg(w, col(8).x + 10, top + 3, RenderVariationIconSvg(row.variation, palette, 32));
  if (row.assurance == AssuranceIcon::kNone && row.target_met) {
    // No icon can be given: the plain fact instead, so a failing series is never lost.
    const bool met = *row.target_met;
    TextAt(w, col(9).x, line1, "Target", 11, met ? kText : "#8A1538", "start", !met);
    TextAt(w, col(9).x, line2, met ? "met" : "not met", 11, met ? kText : "#8A1538", "start", !met);
  } else {
    PlaceSvg(w, col(9).x + 12, top + 3, RenderAssuranceIconSvg(row.assurance, palette, 32));
  }
  TextAt(w, col(10).x, line1, Fit(row.accountable_person, col(10).width, 11), 11);
  if (!row.data_quality.empty()) {
    TextAt(w, col(10).x, line2, Fit("DQ: " + row.data_quality, col(10).width, 11), 11, kMuted);
  }
  w.Leaf("line", {{"x1", Num(kMargin)},
                  {"y1", Num(top + kRowHeight)},
                  {"x2", Num(kPageWidth - kMargin)},
                  {"y2", Num(top + kRowHeight)},
                  {"stroke", std::string(kRule)}});
}

void SummaryHeader(MarkupWriter& w) {
  w.Leaf("rect", {{"x", Num(kMargin)},
                  {"y", Num(kTableTop - 20)},
                  {"width", Num(kPageWidth - 2 * kMargin)},
                  {"height", "26"},
                  {"fill", "#F0F4F5"}});
  for (const Column& c : kColumns) {
    TextAt(w, c.right ? c.x + c.width : c.x, kTableTop - 2, c.name, 11, kText,
           c.right ? "end" : "start", true);
  }
}

struct PageText {
  std::string text;
  double size;
  std::string_view colour;
  bool italic;
};

// One series on one page: heading, chart, key figures with icons, sentence, signals, narrative.
MarkupWriter SeriesPage(const ReportInput& input, const ReportSeries& s) {
  const Indicator& ind = render::IndicatorOf(s);
  const SeriesResult& r = s.result;
  const SummaryRow& row = s.row;
  const int decimals = render::DisplayDecimals(r);
  std::string meta = row.domain;
  auto add = [&meta](const std::string& part) {
    if (!part.empty()) meta += (meta.empty() ? "" : " \xC2\xB7 ") + part;
  };
  add(std::string(render::ChartTypeLabel(r.chart)));
  add(std::string(render::DirectionArrow(row.direction)) + " " +
      std::string(render::DirectionText(row.direction)));
  if (!row.accountable_person.empty()) add("accountable: " + row.accountable_person);
  if (!row.data_quality.empty()) add("data quality: " + row.data_quality);
  MarkupWriter w = OpenPage(render::SeriesHeading(s), meta);

  // The chart's own title would repeat the page heading: give it the figures' context instead.
  ChartOptions options{.width = static_cast<int>(kPageWidth - 2 * kMargin),
                       // Annotation notes grow the chart downwards: leave them room.
                       .height = std::max(300, 440 - 17 * static_cast<int>(ind.annotations.size())),
                       .palette = input.palette,
                       .title = ind.name.empty() ? ind.id : ind.name};
  const std::string chart = RenderChartSvg(ind, r, options);
  // The chart's height: its root element's height attribute.
  double chart_height = options.height;
  if (const std::size_t at = chart.find("height=\""); at != std::string::npos) {
    chart_height = std::atof(chart.c_str() + at + 8);
  }
  chart_height = std::min(chart_height, kContentBottom - 78 - 140);
  PlaceSvg(w, kMargin, 74, chart);

  // Key figures and icons in one band below the chart.
  double y = 74 + chart_height + 8;
  w.Leaf("rect", {{"x", Num(kMargin)},
                  {"y", Num(y)},
                  {"width", Num(kPageWidth - 2 * kMargin)},
                  {"height", "46"},
                  {"fill", "#F0F4F5"}});
  struct Figure {
    std::string_view label;
    std::string value;
  };
  std::string updated = row.updated_to ? render::PeriodText(*row.updated_to) : "no data";
  if (row.stale) updated += " (stale)";
  const Figure figures[] = {
      {"Updated to", updated},
      {"Latest", FormatValue(row.latest_value, decimals, ind.unit)},
      {r.chart == ChartType::kRun ? "Median" : "Mean", FormatValue(row.mean, decimals, ind.unit)},
      {"Process limits", render::LimitsText(row, decimals)},
      {"Target", render::TargetText(s, decimals)},
  };
  double x = kMargin + 10;
  for (const Figure& f : figures) {
    TextAt(w, x, y + 17, f.label, 11, kMuted);
    TextAt(w, x, y + 36, f.value, 14, kText, "start", true);
    x += std::max(96.0, render::CharCount(f.value) * 14 * 0.6 + 18);
  }
  // The icons' meanings in words beside them, on two lines when they need it.
  const double icon_text_width = (kPageWidth - kMargin - x - 2 * 46) / 2;
  auto icon = [&](const std::string& svg, std::string_view label) {
    PlaceSvg(w, x, y + 5, svg);
    const std::vector<std::string> words =
        render::WrapWords(label, static_cast<int>(icon_text_width / (11 * 0.6)));
    const double first_line = words.size() > 1 ? y + 20 : y + 28;
    for (std::size_t k = 0; k < std::min<std::size_t>(words.size(), 2); ++k) {
      TextAt(w, x + 42, first_line + 14 * k, words[k], 11);
    }
    x += 46 + icon_text_width;
  };
  icon(RenderVariationIconSvg(row.variation, input.palette, 36), render::VariationText(row));
  icon(RenderAssuranceIconSvg(row.assurance, input.palette, 36), render::AssuranceText(row));
  y += 46 + 18;

  // Then the words, as many lines as fit: the summary sentence, the owner's narrative (labelled
  // as opinion; it must not be the part cut off), then the signals and warnings.
  std::vector<PageText> lines;
  const int max_chars = static_cast<int>((kPageWidth - 2 * kMargin - 20) / (12 * 0.6));
  auto wrap = [&](const std::string& text, std::string_view colour, bool italic,
                  const std::string& bullet) {
    bool first = true;
    for (const std::string& l : render::WrapWords(text, max_chars - 3)) {
      lines.push_back(
          {(first ? bullet : std::string(bullet.empty() ? "" : "   ")) + l, 12, colour, italic});
      first = false;
    }
  };
  wrap(row.sentence, kText, false, "");
  for (const Narrative* n : render::NarrativesFor(ind, r)) {
    lines.push_back({"Narrative by " +
                         (n->author.empty() ? std::string("an unnamed author") : n->author) +
                         ", for " + render::PeriodText(n->period) + " (opinion, not data):",
                     11, kMuted, false});
    wrap(n->text, "#003087", true, "");
  }
  for (const Signal& sig : r.signals) wrap(sig.sentence, kText, false, "\xE2\x80\xA2 ");
  for (const Warning& warning : r.warnings) {
    wrap("Warning: " + warning.message, "#8A1538", false, "");
  }
  const double line_height = 16;
  const int room = static_cast<int>((kContentBottom - y) / line_height);
  const int shown = std::min<int>(room, static_cast<int>(lines.size()));
  for (int i = 0; i < shown; ++i) {
    const bool cut = i == shown - 1 && shown < static_cast<int>(lines.size());
    const PageText& l =
        cut ? PageText{"\xE2\x80\xA6 more in the HTML report", 11, kMuted, true} : lines[i];
    TextAt(w, kMargin + 4, y + 4, l.text, l.size, l.colour, "start", false, l.italic);
    y += line_height;
  }
  return w;
}

// The MDC summary matrix as the pack's first page: variation down the side, assurance across,
// each cell listing its series by reference and organisation (the series pages follow in the
// same order). A cell with more series than fit ends "… and N more".
MarkupWriter MatrixPage(const ReportInput& input, const std::vector<int>& order,
                        const std::string& title, const std::string& meta) {
  using render::kMatrixColumns;
  using render::kMatrixRows;
  constexpr double kHeaderWidth = 200, kTop = 84, kHeadHeight = 40, kLine = 14;
  const double cell_width = (kPageWidth - 2 * kMargin - kHeaderWidth) / kMatrixColumns;
  const double row_height = (kContentBottom - 10 - kTop - kHeadHeight) / kMatrixRows;
  const render::MatrixCells cells = render::SummaryMatrixCells(input, order);
  MarkupWriter w = OpenPage(title, meta);
  auto rule = [&w](double x1, double y1, double x2, double y2) {
    w.Leaf("line", {{"x1", Num(x1)},
                    {"y1", Num(y1)},
                    {"x2", Num(x2)},
                    {"y2", Num(y2)},
                    {"stroke", std::string(kRule)}});
  };
  for (int c = 0; c < kMatrixColumns; ++c) {
    const double x = kMargin + kHeaderWidth + c * cell_width;
    PlaceSvg(w, x + 6, kTop + 6,
             RenderAssuranceIconSvg(render::MatrixColumnIcon(c), input.palette, 26));
    TextAt(w, x + 38, kTop + 24, render::MatrixColumnLabel(c), 13, kText, "start", true);
  }
  for (int r = 0; r < kMatrixRows; ++r) {
    const double y = kTop + kHeadHeight + r * row_height;
    rule(kMargin, y, kPageWidth - kMargin, y);
    const std::vector<VariationIcon> icons = render::MatrixRowIcons(r);
    for (std::size_t k = 0; k < icons.size(); ++k)
      PlaceSvg(w, kMargin + 2 + 30 * k, y + 6, RenderVariationIconSvg(icons[k], input.palette, 26));
    int line = 0;
    for (const std::string& l : render::WrapWords(render::MatrixRowLabel(r), 28))
      TextAt(w, kMargin + 2, y + 50 + kLine * line++, l, 12, kText, "start", true);
    const int room = static_cast<int>((row_height - 8) / kLine);
    for (int c = 0; c < kMatrixColumns; ++c) {
      const double x = kMargin + kHeaderWidth + c * cell_width;
      const std::vector<int>& entries = cells[r][c];
      const int n = static_cast<int>(entries.size());
      const int shown = n <= room ? n : room - 1;
      for (int k = 0; k < shown; ++k) {
        const SummaryRow& row = input.series[entries[k]].row;
        // "UEC-01 R1H (low) · A&E type 1: % seen wi…": the reference and side first, so a
        // cut name still leaves the entry readable.
        std::string entry = row.reference.empty() ? row.indicator_name : row.reference;
        entry += " " + row.organisation + std::string(render::MatrixSide(row.variation));
        if (!row.reference.empty()) entry += " \xC2\xB7 " + row.indicator_name;
        TextAt(w, x + 6, y + 16 + kLine * k, Fit(entry, cell_width - 10, 11), 11);
      }
      if (shown < n)
        TextAt(w, x + 6, y + 16 + kLine * shown,
               "\xE2\x80\xA6 and " + std::to_string(n - shown) + " more", 11, kMuted);
    }
  }
  const double bottom = kTop + kHeadHeight + kMatrixRows * row_height;
  rule(kMargin, bottom, kPageWidth - kMargin, bottom);
  for (int c = 0; c <= kMatrixColumns; ++c) {
    const double x = kMargin + kHeaderWidth + c * cell_width;
    rule(x, kTop, x, bottom);
  }
  return w;
}

}  // namespace

std::vector<std::string> RenderReportPagesSvg(const ReportInput& input) {
  const std::vector<int> order = render::ReportOrder(input);
  const std::string title = input.title.empty() ? "Integrated Performance Report" : input.title;
  std::string meta = "Integrated Performance Report";
  if (!input.organisation_filter.empty()) meta += " \xC2\xB7 " + input.organisation_filter;
  int exceptions = 0;
  for (const ReportSeries& s : input.series) exceptions += s.row.exception;
  meta += " \xC2\xB7 " + std::to_string(input.series.size()) + " series \xC2\xB7 " +
          std::to_string(exceptions) + (exceptions == 1 ? " exception" : " exceptions") +
          " (first, red edge)";

  std::vector<MarkupWriter> pages;
  pages.push_back(MatrixPage(input, order, title, meta));
  const int rows_per_page = static_cast<int>((kContentBottom - 26 - kTableTop - 8) / kRowHeight);
  const int row_count = static_cast<int>(order.size());
  for (int first = 0; first < row_count || pages.empty(); first += rows_per_page) {
    MarkupWriter w = OpenPage(title, meta);
    SummaryHeader(w);
    double top = kTableTop + 6;
    for (int i = first; i < std::min(row_count, first + rows_per_page); ++i) {
      SummaryRowOnPage(w, input.series[order[i]], top, input.palette);
      top += kRowHeight;
    }
    if (row_count == 0) TextAt(w, kMargin, top + 20, "No series to report.", 12, kMuted);
    TextAt(w, kMargin, kContentBottom - 6,
           "Variation: H/L special cause high/low (blue improvement, orange concern, purple "
           "neither), grey common cause. Assurance: P passes, F fails, ? hit or miss. DQ: data "
           "quality rating.",
           11, kMuted);
    pages.push_back(std::move(w));
    if (row_count == 0) break;
  }
  for (const int index : order) pages.push_back(SeriesPage(input, input.series[index]));

  std::vector<std::string> out;
  out.reserve(pages.size());
  for (std::size_t k = 0; k < pages.size(); ++k) {
    out.push_back(ClosePage(pages[k], title, input.generated_on, static_cast<int>(k + 1),
                            static_cast<int>(pages.size())));
  }
  return out;
}

}  // namespace kaizen
