// The board report as A4-landscape SVG pages for PDF output: the summary matrix, the summary
// table over as many pages as its rows need (a row is never split), then one page per series
// with its chart, key figures, icons with their meaning, signals and narrative (continued on a
// further page when the words need it: the pack is complete without the HTML report). Each page
// is a standalone SVG of 1123 × 794 px (A4 at 96 dpi).
//
// Nothing is cut short: names, targets and captions wrap within their column, and every layout
// decision is made from estimated text widths (PageTextWidth) before anything is drawn, so no
// text runs into its neighbour.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "kaizen/render.h"
#include "render/report/report_common.h"
#include "render/report/summary_matrix.h"
#include "render/svg/icons.h"
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
constexpr double kRight = kPageWidth - kMargin;
constexpr double kFooterY = kPageHeight - 18;
constexpr double kContentBottom = kPageHeight - 44;
constexpr double kMinRowHeight = 38;
constexpr double kCellLine = 14;  // line spacing of 11–12 px text in a table cell
constexpr std::string_view kText = "#231F20";
constexpr std::string_view kMuted = "#4C6272";
constexpr std::string_view kRule = "#D8DDE0";
constexpr std::string_view kBand = "#F0F4F5";
constexpr std::string_view kMissed = "#8A1538";
constexpr std::string_view kExceptionEdge = "#D5281B";

// The pages are drawn by cairo and pango with DejaVu Sans (fontconfig's sans-serif on Debian):
// its advance averages about 0.58 em for mixed text and 0.64 em bold (capitals and digits are
// wider than lower case, 0.64–0.77 em). The estimate errs wide so that a line never runs into
// its neighbour; tests/browser/pdf_pack.test.mjs checks the drawn boxes never overlap.
double EmOf(bool bold) { return bold ? 0.67 : 0.61; }

double PageTextWidth(std::string_view text, double size, bool bold) {
  return render::CharCount(text) * size * EmOf(bold);
}

// `text` wrapped at spaces into lines no wider than `width` px.
std::vector<std::string> WrapToWidth(std::string_view text, double width, double size, bool bold) {
  const int max_chars = std::max(1, static_cast<int>(width / (size * EmOf(bold))));
  std::vector<std::string> lines = render::WrapWords(text, max_chars);
  if (lines.empty()) lines.emplace_back();
  return lines;
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

// Lines drawn one under another from baseline `y`; returns the baseline after the last.
double LinesAt(MarkupWriter& w, double x, double y, const std::vector<std::string>& lines,
               double size, std::string_view colour = kText, bool bold = false) {
  for (const std::string& l : lines) {
    TextAt(w, x, y, l, size, colour, "start", bold);
    y += kCellLine;
  }
  return y;
}

// A band shaded across the text width from `y`, behind a table's head or the key figures.
void ShadedBand(MarkupWriter& w, double y, double height) {
  w.Leaf("rect", {{"x", Num(kMargin)},
                  {"y", Num(y)},
                  {"width", Num(kRight - kMargin)},
                  {"height", Num(height)},
                  {"fill", std::string(kBand)}});
}

void Rule(MarkupWriter& w, double x1, double y1, double x2, double y2) {
  w.Leaf("line", {{"x1", Num(x1)},
                  {"y1", Num(y1)},
                  {"x2", Num(x2)},
                  {"y2", Num(y2)},
                  {"stroke", std::string(kRule)}});
}

struct Page {
  MarkupWriter w;
  double top;  // where the page's content starts, below its heading
};

// A page with its heading and meta line, both wrapped to the page's width.
Page OpenPage(const std::string& heading, const std::string& meta) {
  Page page;
  MarkupWriter& w = page.w;
  w.Open("svg", render::SvgRootAttrs(kPageWidth, kPageHeight));
  w.Leaf("title", {}, heading);
  w.Leaf("rect", {{"width", Num(kPageWidth)}, {"height", Num(kPageHeight)}, {"fill", "#FFFFFF"}});
  double y = 42;
  for (const std::string& l : WrapToWidth(heading, kRight - kMargin, 20, true)) {
    TextAt(w, kMargin, y, l, 20, kText, "start", true);
    y += 24;
  }
  y -= 4;
  for (const std::string& l : WrapToWidth(meta, kRight - kMargin, 12, false)) {
    TextAt(w, kMargin, y, l, 12, kMuted);
    y += 16;
  }
  page.top = y;
  return page;
}

// The footer goes on once the page count is known.
std::string ClosePage(MarkupWriter& w, const std::string& title, Date generated_on, int page,
                      int pages) {
  Rule(w, kMargin, kFooterY - 14, kRight, kFooterY - 14);
  TextAt(w, kMargin, kFooterY, title + " \xC2\xB7 generated " + render::UkDate(generated_on), 11,
         kMuted);
  TextAt(w, kRight, kFooterY, "Page " + std::to_string(page) + " of " + std::to_string(pages), 11,
         kMuted, "end");
  return w.Finish();
}

// An icon (a standalone SVG) placed with its top-left corner at (x, y).
void PlaceSvg(MarkupWriter& w, double x, double y, const std::string& svg, double scale = 1) {
  std::string transform = "translate(" + Num(x) + " " + Num(y) + ")";
  if (scale != 1) transform += " scale(" + Num(scale, 4) + ")";
  w.Open("g", {{"transform", transform}});
  w.Raw(svg);
  w.Close();
}

// ---- The summary table ----

struct Column {
  std::string_view name;
  double x, width;
  bool right;  // right-aligned numbers
};
enum ColumnIndex {
  kRef,
  kName,
  kDir,
  kUpdated,
  kTarget,
  kLatest,
  kMean,
  kLimits,
  kVariation,
  kAssurance,
  kAccountable
};
// Widths fit the longest usual content: "December 2016" in Updated to, "23,421 – 31,313" in
// the limits; names, targets and people wrap within theirs. Ref starts clear of the exception
// edge.
constexpr Column kColumns[] = {
    {"Ref", 40, 56, false},           {"Indicator", 100, 272, false},
    {"Dir", 376, 16, false},          {"Updated to", 396, 96, false},
    {"Target", 496, 104, false},      {"Latest", 604, 56, true},
    {"Mean", 664, 56, true},          {"Process limits", 724, 114, true},
    {"Variation", 842, 62, false},    {"Assurance", 908, 68, false},
    {"Accountable", 980, 113, false},
};
constexpr double kTableHeadHeight = 26;

// One summary row's wrapped text, laid out before drawing so its height is known.
struct RowLayout {
  std::vector<std::string> ref, name, sub, target, limits, accountable;
  double height = kMinRowHeight;
};

RowLayout LayOutRow(const ReportSeries& s) {
  const SummaryRow& row = s.row;
  const int decimals = render::DisplayDecimals(s.result);
  auto wrap = [](std::string_view text, int column, double size, bool bold = false) {
    return WrapToWidth(text, kColumns[column].width - 4, size, bold);
  };
  RowLayout l;
  l.ref = wrap(row.reference, kRef, 12);
  l.name =
      wrap(row.indicator_name.empty() ? row.indicator_id : row.indicator_name, kName, 12, true);
  std::string sub = row.domain;
  if (!row.organisation.empty()) sub += (sub.empty() ? "" : " \xC2\xB7 ") + row.organisation;
  if (row.exception) sub += (sub.empty() ? "" : " \xC2\xB7 ") + std::string("exception");
  if (!row.data_quality.empty())
    sub += (sub.empty() ? "" : " \xC2\xB7 ") + ("DQ: " + row.data_quality);
  l.sub = wrap(sub, kName, 11);
  l.target = wrap(render::TargetText(s, decimals), kTarget, 12);
  l.limits = wrap(render::LimitsText(row, decimals), kLimits, 12);
  l.accountable = wrap(row.accountable_person, kAccountable, 11);
  const std::size_t lines = std::max({l.ref.size(), l.name.size() + l.sub.size(), l.target.size(),
                                      l.limits.size(), l.accountable.size(), std::size_t{2}});
  l.height = std::max(kMinRowHeight, 10 + kCellLine * static_cast<double>(lines));
  return l;
}

void SummaryRowOnPage(MarkupWriter& w, const ReportSeries& s, const RowLayout& l, double top,
                      Palette palette) {
  const SummaryRow& row = s.row;
  const int decimals = render::DisplayDecimals(s.result);
  const double line1 = top + 16, line2 = top + 16 + kCellLine;
  if (row.exception) {
    w.Leaf("rect", {{"x", Num(kMargin)},
                    {"y", Num(top + 2)},
                    {"width", "4"},
                    {"height", Num(l.height - 4)},
                    {"fill", std::string(kExceptionEdge)}});
  }
  auto col = [](int i) { return kColumns[i]; };
  LinesAt(w, col(kRef).x, line1, l.ref, 12);
  const double after_name = LinesAt(w, col(kName).x, line1, l.name, 12, kText, true);
  LinesAt(w, col(kName).x, after_name, l.sub, 11, kMuted);
  TextAt(w, col(kDir).x + 4, line1, render::DirectionArrow(row.direction), 14);
  TextAt(w, col(kUpdated).x, line1,
         row.updated_to ? render::PeriodText(*row.updated_to, row.period_kind) : "no data", 12);
  if (row.stale) TextAt(w, col(kUpdated).x, line2, "STALE", 11, kMissed, "start", true);
  LinesAt(w, col(kTarget).x, line1, l.target, 12);
  TextAt(w, col(kLatest).x + col(kLatest).width, line1, FormatValue(row.latest_value, decimals), 12,
         kText, "end");
  TextAt(w, col(kMean).x + col(kMean).width, line1, FormatValue(row.mean, decimals), 12, kText,
         "end");
  for (std::size_t k = 0; k < l.limits.size(); ++k) {
    TextAt(w, col(kLimits).x + col(kLimits).width, line1 + kCellLine * k, l.limits[k], 12, kText,
           "end");
  }
  PlaceSvg(w, col(kVariation).x + 10, top + 3, render::RowVariationIconSvg(s, palette, 32));
  if (row.assurance == AssuranceIcon::kNone && row.target_met) {
    // No icon can be given: the plain fact instead, so a failing series is never lost.
    const bool met = *row.target_met;
    TextAt(w, col(kAssurance).x, line1, "Target", 11, met ? kText : kMissed, "start", !met);
    TextAt(w, col(kAssurance).x, line2, met ? "met" : "not met", 11, met ? kText : kMissed, "start",
           !met);
  } else {
    PlaceSvg(w, col(kAssurance).x + 12, top + 3, render::RowAssuranceIconSvg(s, palette, 32));
  }
  LinesAt(w, col(kAccountable).x, line1, l.accountable, 11);
  Rule(w, kMargin, top + l.height, kRight, top + l.height);
}

void SummaryHeader(MarkupWriter& w, double top) {
  ShadedBand(w, top, kTableHeadHeight);
  for (const Column& c : kColumns) {
    TextAt(w, c.right ? c.x + c.width : c.x, top + 17, c.name, 10.5, kText,
           c.right ? "end" : "start", true);
  }
}

constexpr std::string_view kTableKey =
    "Variation: H/L special cause high/low (blue improvement, orange concern, purple neither), "
    "grey common cause. Assurance: P passes, F fails, ? hit or miss. DQ: data quality rating.";

// The summary table over as many pages as its rows need; a row is never split.
void SummaryTablePages(const ReportInput& input, const std::vector<int>& order,
                       const std::string& title, const std::string& meta,
                       std::vector<Page>& pages) {
  const std::vector<std::string> key = WrapToWidth(kTableKey, kRight - kMargin, 11, false);
  const double bottom = kContentBottom - 8 - kCellLine * static_cast<double>(key.size());
  std::size_t next = 0;
  do {
    Page page = OpenPage(title, meta);
    const double table_top = page.top + 8;
    SummaryHeader(page.w, table_top);
    double top = table_top + kTableHeadHeight + 2;
    bool placed_one = false;
    while (next < order.size()) {
      const ReportSeries& s = input.series[order[next]];
      const RowLayout layout = LayOutRow(s);
      // A row taller than a whole page still goes on (alone) rather than looping for ever.
      if (placed_one && top + layout.height > bottom) break;
      SummaryRowOnPage(page.w, s, layout, top, input.palette);
      top += layout.height;
      placed_one = true;
      ++next;
    }
    if (order.empty()) TextAt(page.w, kMargin, top + 20, "No series to report.", 12, kMuted);
    LinesAt(page.w, kMargin, kContentBottom - 6 - kCellLine * (key.size() - 1.0), key, 11, kMuted);
    pages.push_back(std::move(page));
  } while (next < order.size());
}

// ---- A series page ----

struct PageText {
  std::string text;
  double size;
  std::string_view colour;
  bool italic = false;
  bool bold = false;
  double indent = 0;
};

// The words under the chart, each paragraph wrapped to the page: the summary sentence, the
// owner's narrative (labelled as opinion), then the signals and warnings.
std::vector<PageText> SeriesWords(const Indicator& ind, const ReportSeries& s) {
  std::vector<PageText> lines;
  const double width = kRight - kMargin - 24;
  auto wrap = [&](const std::string& text, double size, std::string_view colour, bool italic,
                  const std::string& bullet) {
    bool first = true;
    for (const std::string& l : WrapToWidth(text, width, size, false)) {
      lines.push_back(
          {(first ? bullet : std::string(bullet.empty() ? "" : "   ")) + l, size, colour, italic});
      first = false;
    }
  };
  wrap(s.row.sentence, 12, kText, false, "");
  for (const Narrative* n : render::NarrativesFor(ind, s.result)) {
    wrap("Narrative by " + (n->author.empty() ? std::string("an unnamed author") : n->author) +
             ", for " + render::PeriodText(n->period, s.result.period_kind) +
             " (opinion, not data):",
         11, kMuted, false, "");
    wrap(n->text, 12, "#003087", true, "");
  }
  for (const Signal& sig : s.result.signals) wrap(sig.sentence, 12, kText, false, "\xE2\x80\xA2 ");
  for (const Warning& warning : s.result.warnings) {
    wrap("Warning: " + warning.message, 12, kMissed, false, "");
  }
  return lines;
}

struct Figure {
  std::string_view label;
  std::string value;
  double x = 0, row = 0;  // placed by LayOutFigures
};
constexpr double kFigureRowHeight = 44;
constexpr double kFigureValueSize = 14;

// Places the key figures left to right, starting a new row where the next would not fit;
// returns the number of rows.
int LayOutFigures(std::vector<Figure>& figures) {
  double x = kMargin + 10;
  int row = 0;
  for (Figure& f : figures) {
    const double width =
        std::max(PageTextWidth(f.label, 11, false), PageTextWidth(f.value, kFigureValueSize, true));
    if (x > kMargin + 10 && x + width > kRight - 10) {
      ++row;
      x = kMargin + 10;
    }
    f.x = x;
    f.row = row;
    x += width + 28;
  }
  return row + 1;
}

constexpr double kIconSize = 36;

// The two icons with their meaning in words, each in half the page's width; returns the
// band's height.
double IconBand(MarkupWriter* w, const ReportSeries& s, Palette palette, double y) {
  const double half = (kRight - kMargin) / 2;
  const double text_width = half - kIconSize - 24;
  const std::string captions[] = {render::VariationText(s), render::AssuranceText(s)};
  double height = kIconSize + 10;
  for (int k = 0; k < 2; ++k) {
    const std::vector<std::string> lines = WrapToWidth(captions[k], text_width, 12, false);
    const double text_height = kCellLine * static_cast<double>(lines.size());
    height = std::max(height, text_height + 16);
    if (w == nullptr) continue;
    const double x = kMargin + 10 + k * half;
    PlaceSvg(*w, x, y + 5,
             k == 0 ? render::RowVariationIconSvg(s, palette, kIconSize)
                    : render::RowAssuranceIconSvg(s, palette, kIconSize));
    // Centred on the icon's middle.
    const double first = y + 5 + kIconSize / 2 - text_height / 2 + 11;
    LinesAt(*w, x + kIconSize + 10, first, lines, 12);
  }
  return height;
}

// The line under a series page's heading: domain, chart type, direction, who answers for it.
std::string SeriesPageMeta(const ReportSeries& s) {
  const SummaryRow& row = s.row;
  std::string meta = row.domain;
  auto add = [&meta](const std::string& part) {
    if (!part.empty()) meta += (meta.empty() ? "" : " \xC2\xB7 ") + part;
  };
  add(std::string(render::ChartTypeLabel(s.result.chart)));
  add(std::string(render::DirectionArrow(row.direction)) + " " +
      std::string(render::DirectionText(row.direction)));
  if (!row.accountable_person.empty()) add("accountable: " + row.accountable_person);
  if (!row.data_quality.empty()) add("data quality: " + row.data_quality);
  return meta;
}

std::vector<Figure> FiguresOf(const ReportSeries& s) {
  std::vector<Figure> figures;
  for (render::KeyFigureText& f : render::KeyFigureTexts(s)) {
    figures.push_back({f.label, std::move(f.value)});
  }
  return figures;
}

// The series' chart at the top of its first page, in at most `room` points of height; returns
// the height it takes. Its own title would repeat the page heading, so it gives the figures'
// context instead.
double PlaceSeriesChart(MarkupWriter& w, const ReportInput& input, const ReportSeries& s,
                        double top, double room, double min_height) {
  const Indicator& ind = render::IndicatorOf(s);
  ChartOptions options{
      .width = static_cast<int>(kRight - kMargin),
      // Annotation notes grow the chart downwards: leave them room.
      .height = std::clamp(static_cast<int>(room) - 17 * static_cast<int>(ind.annotations.size()),
                           static_cast<int>(min_height) - 50, 440),
      .palette = input.palette,
      .title = ind.name.empty() ? ind.id : ind.name};
  const std::string chart = RenderChartSvg(ind, s.result, options);
  // The chart's drawn height (its root element's height attribute), scaled to its room.
  double chart_height = options.height;
  if (const std::size_t at = chart.find("height=\""); at != std::string::npos) {
    chart_height = std::atof(chart.c_str() + at + 8);
  }
  const double scale = chart_height > room ? room / chart_height : 1;
  PlaceSvg(w, kMargin, top, chart, scale);
  return chart_height * scale;
}

// The key figures on their shaded band from `y`, as LayOutFigures placed them.
void DrawFigures(MarkupWriter& w, const std::vector<Figure>& figures, double y, double height) {
  ShadedBand(w, y, height);
  for (const Figure& f : figures) {
    const double row_top = y + kFigureRowHeight * f.row;
    TextAt(w, f.x, row_top + 17, f.label, 11, kMuted);
    TextAt(w, f.x, row_top + 36, f.value, kFigureValueSize, kText, "start", true);
  }
}

constexpr double kWordLineHeight = 16;

// The words from `y` on the last page, continuing on pages headed "(continued)" as they fill.
void FlowWords(std::vector<Page>& pages, const std::vector<PageText>& words, double y,
               const std::string& heading, const std::string& meta) {
  for (const PageText& l : words) {
    if (y + kWordLineHeight > kContentBottom) {
      pages.push_back(OpenPage(heading + " (continued)", meta));
      y = pages.back().top + 10;
    }
    TextAt(pages.back().w, kMargin + 4, y + 4, l.text, l.size, l.colour, "start", l.bold, l.italic);
    y += kWordLineHeight;
  }
}

// The notices of a report from a workspace (as at, since the last frozen pack, pending), each
// heading then its lines as bullets, on pages of their own before the summary.
void NoticePages(const ReportInput& input, const std::string& title, const std::string& meta,
                 std::vector<Page>& pages) {
  if (input.notices.empty()) return;
  constexpr double kWidth = kRight - kMargin - 8;
  std::vector<PageText> words;
  for (const ReportNotice& notice : input.notices) {
    for (const std::string& l : WrapToWidth(notice.heading, kWidth, 13, true))
      words.push_back({.text = l, .size = 13, .colour = kText, .bold = true});
    for (const std::string& line : notice.lines)
      for (const std::string& l : WrapToWidth("\xE2\x80\xA2 " + line, kWidth, 11, false))
        words.push_back({.text = l, .size = 11, .colour = kText});
  }
  pages.push_back(OpenPage(title, meta));
  FlowWords(pages, words, pages.back().top + 10, title, meta);
}

// One series: heading, chart, key figures, icons, then the words; the words that do not fit
// continue on pages of their own, headed "(continued)".
std::vector<Page> SeriesPages(const ReportInput& input, const ReportSeries& s) {
  const std::string meta = SeriesPageMeta(s);
  const std::string heading = render::SeriesHeading(s);
  std::vector<Page> pages;
  pages.push_back(OpenPage(heading, meta));
  // The first page, for the chart, figures and icons; the words below may add pages, after
  // which only pages.back() is written to.
  MarkupWriter& w = pages.back().w;

  std::vector<Figure> figures = FiguresOf(s);
  const int figure_rows = LayOutFigures(figures);
  const double figures_height = kFigureRowHeight * figure_rows + 4;
  const double icons_height = IconBand(nullptr, s, input.palette, 0);
  const std::vector<PageText> words = SeriesWords(render::IndicatorOf(s), s);

  // The chart takes what the figures, icons and words leave, so the series keeps to one page;
  // only below kMinChartHeight do the words continue on a page of their own.
  constexpr double kMinChartHeight = 250;
  const double chart_top = pages.back().top + 4;
  const double chart_room =
      std::max(kMinChartHeight, kContentBottom - chart_top - 8 - figures_height - 6 - icons_height -
                                    10 - kWordLineHeight * static_cast<double>(words.size()) - 4);
  double y = chart_top + PlaceSeriesChart(w, input, s, chart_top, chart_room, kMinChartHeight) + 8;
  DrawFigures(w, figures, y, figures_height);
  y += figures_height + 6;
  y += IconBand(&w, s, input.palette, y) + 10;
  FlowWords(pages, words, y, heading, meta);
  return pages;
}

// ---- The summary matrix ----

// The lines of one matrix cell. Entries of one indicator share a group: its reference and name
// once (wrapped), then its organisations with their side ("R1H (low), RAL"), so a cell of many
// organisations stays short. With `names` false only the references are given (the series
// pages carry the names).
std::vector<PageText> MatrixCellLines(const ReportInput& input, const std::vector<int>& entries,
                                      double width, bool names) {
  std::vector<PageText> lines;
  std::size_t k = 0;
  while (k < entries.size()) {
    const SummaryRow& first = input.series[entries[k]].row;
    std::string orgs;
    std::size_t end = k;
    for (; end < entries.size(); ++end) {
      const SummaryRow& row = input.series[entries[end]].row;
      if (row.reference != first.reference || row.indicator_name != first.indicator_name) break;
      // "RJ1 (low)" is kept on one line: the side joins its organisation by a no-break space.
      std::string side(render::MatrixSide(row.variation));
      if (!side.empty() && side[0] == ' ') side.replace(0, 1, "\xC2\xA0");
      if (!row.organisation.empty() || !side.empty()) {
        orgs += (orgs.empty() ? "" : ", ") + row.organisation + side;
      }
    }
    std::string label = first.reference;
    if (names || label.empty()) {
      label += (label.empty() ? "" : " ") +
               (first.indicator_name.empty() ? first.indicator_id : first.indicator_name);
    }
    for (const std::string& l : WrapToWidth(label, width, 11, true))
      lines.push_back({l, 11, kText, false, true});
    if (!orgs.empty()) {
      for (const std::string& l : WrapToWidth(orgs, width - 8, 11, false))
        lines.push_back({l, 11, kMuted, false, false, 8});
    }
    k = end;
  }
  return lines;
}

// The MDC summary matrix as the pack's first page: variation down the side, assurance across,
// each cell listing its indicators and organisations (the series pages follow in the same
// order). Rows take the height their cells need; an empty row keeps just room for its label.
Page MatrixPage(const ReportInput& input, const std::vector<int>& order, const std::string& title,
                const std::string& meta) {
  using render::kMatrixColumns;
  using render::kMatrixRows;
  constexpr double kHeaderWidth = 200, kHeadHeight = 40, kLabelTop = 50;
  const double cell_width = (kRight - kMargin - kHeaderWidth) / kMatrixColumns;
  const render::MatrixCells cells = render::SummaryMatrixCells(input, order);
  Page page = OpenPage(title, meta);
  MarkupWriter& w = page.w;
  const double top = page.top + 6;
  const double room = kContentBottom - 10 - top - kHeadHeight;

  std::vector<std::vector<std::string>> labels;
  std::array<double, kMatrixRows> minimum{};
  for (int r = 0; r < kMatrixRows; ++r) {
    labels.push_back(WrapToWidth(render::MatrixRowLabel(r), kHeaderWidth - 8, 12, true));
    minimum[r] = kLabelTop + kCellLine * static_cast<double>(labels[r].size());
  }
  // Full names when every row fits with them, else references only.
  std::array<std::array<std::vector<PageText>, kMatrixColumns>, kMatrixRows> text;
  std::array<double, kMatrixRows> need{};
  for (const bool names : {true, false}) {
    double total = 0;
    for (int r = 0; r < kMatrixRows; ++r) {
      need[r] = minimum[r];
      for (int c = 0; c < kMatrixColumns; ++c) {
        text[r][c] = MatrixCellLines(input, cells[r][c], cell_width - 12, names);
        need[r] = std::max(need[r], 10 + kCellLine * static_cast<double>(text[r][c].size()));
      }
      total += need[r];
    }
    if (total <= room) break;
  }
  // The height left over is shared out evenly, so the grid fills the page; when even the
  // references do not fit, every row gives up its share and its cells say so.
  double total_need = 0;
  for (const double n : need) total_need += n;
  const double spare = std::max(0.0, room - total_need) / kMatrixRows;
  const double squeeze = total_need > room ? room / total_need : 1;

  for (int c = 0; c < kMatrixColumns; ++c) {
    const double x = kMargin + kHeaderWidth + c * cell_width;
    PlaceSvg(w, x + 6, top + 6,
             RenderAssuranceIconSvg(render::MatrixColumnIcon(c), input.palette, 26));
    TextAt(w, x + 38, top + 24, render::MatrixColumnLabel(c), 13, kText, "start", true);
  }
  double y = top + kHeadHeight;
  for (int r = 0; r < kMatrixRows; ++r) {
    Rule(w, kMargin, y, kRight, y);
    const std::vector<VariationIcon> icons = render::MatrixRowIcons(r);
    for (std::size_t k = 0; k < icons.size(); ++k)
      PlaceSvg(w, kMargin + 2 + 30 * k, y + 6, RenderVariationIconSvg(icons[k], input.palette, 26));
    LinesAt(w, kMargin + 2, y + kLabelTop, labels[r], 12, kText, true);
    const double height = need[r] * squeeze + spare;
    const int fits = static_cast<int>((height - 10) / kCellLine);
    for (int c = 0; c < kMatrixColumns; ++c) {
      const double x = kMargin + kHeaderWidth + c * cell_width;
      const std::vector<PageText>& lines = text[r][c];
      const int n = static_cast<int>(lines.size());
      const int shown = n <= fits ? n : fits - 1;
      for (int k = 0; k < shown; ++k) {
        TextAt(w, x + 6 + lines[k].indent, y + 16 + kCellLine * k, lines[k].text, 11,
               lines[k].colour, "start", lines[k].bold);
      }
      if (shown < n) {
        TextAt(w, x + 6, y + 16 + kCellLine * shown, "and more: see the series pages", 11, kMuted);
      }
    }
    y += height;
  }
  Rule(w, kMargin, y, kRight, y);
  for (int c = 0; c <= kMatrixColumns; ++c) {
    const double x = kMargin + kHeaderWidth + c * cell_width;
    Rule(w, x, top, x, y);
  }
  return page;
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

  std::vector<Page> pages;
  NoticePages(input, title, meta, pages);
  pages.push_back(MatrixPage(input, order, title, meta));
  SummaryTablePages(input, order, title, meta, pages);
  for (const int index : order) {
    for (Page& p : SeriesPages(input, input.series[index])) pages.push_back(std::move(p));
  }

  std::vector<std::string> out;
  out.reserve(pages.size());
  for (std::size_t k = 0; k < pages.size(); ++k) {
    out.push_back(ClosePage(pages[k].w, title, input.generated_on, static_cast<int>(k + 1),
                            static_cast<int>(pages.size())));
  }
  return out;
}

}  // namespace kaizen
