// The board report as one self-contained HTML5 file: the Integrated Performance Report table
// (exceptions first), then a section per series with its chart, signals, warnings, the owner's
// narrative (kept apart from the data and attributed) and the data table.
//
// Everything is inline (CSS, SVG, a little JavaScript): the file makes no request at all, so it
// can be emailed, archived and opened offline. The page is complete without JavaScript, which
// only adds sorting and filtering. The markup is XHTML-compatible (every element closed, every
// attribute quoted, script and style in CDATA-safe comments) so an XML parser can check it.
#include <cmath>
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

using render::Attr;
using render::FormatValue;
using render::MarkupWriter;

// Sorting (click or Enter on a column heading) and filtering (free text, exceptions only).
// Written without '<' and '&' so the file stays well-formed XML as well as HTML.
constexpr std::string_view kScript = R"js(
(function () {
  var table = document.getElementById('ipr');
  if (!table) return;
  var body = table.tBodies[0];
  var controls = document.getElementById('controls');
  controls.removeAttribute('hidden');
  var filter = document.getElementById('filter');
  var onlyExceptions = document.getElementById('exceptions-only');
  var count = document.getElementById('shown-count');
  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = row.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) !== -1; });
      if (onlyExceptions.checked) ok = ok ? row.classList.contains('exception') : false;
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown + ' of ' + body.rows.length + ' rows shown';
  }
  filter.addEventListener('input', apply);
  onlyExceptions.addEventListener('change', apply);
  function key(cell) {
    var v = cell.getAttribute('data-value');
    if (v === null) v = cell.textContent.trim();
    var n = parseFloat(v);
    return isNaN(n) ? v.toLowerCase() : n;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    if (!th.hasAttribute('data-sort')) return;
    th.tabIndex = 0;
    function sort() {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.removeAttribute('aria-sort');
      });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a.cells[col]), y = key(b.cells[col]);
        if (typeof x !== typeof y) { x = String(x); y = String(y); }
        var c = x === y ? 0 : (x > y ? 1 : -1);
        return ascending ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
  });
  apply();
})();
)js";

// The phone's chart: 390 px CSS wide less the page's padding; shown 1:1 so its text keeps its
// size.
constexpr int kPhoneChartWidth = 360;
constexpr int kPhoneChartHeight = 300;

std::string SectionId(int index) { return "series-" + std::to_string(index + 1); }

// Digits and a sign only, so the JavaScript sorts numbers as numbers.
std::string SortKey(double v) { return std::isfinite(v) ? render::Num(v, 6) : ""; }

// `label`, when given, is the cell's column heading: on a phone the table becomes a card per
// row and each cell shows its heading beside it (CSS attr(data-label)).
void NumberCell(MarkupWriter& w, double v, int decimals, std::string_view label = "") {
  std::vector<Attr> attrs = {{"class", "num"}, {"data-value", SortKey(v)}};
  if (!label.empty()) attrs.push_back({"data-label", std::string(label)});
  w.Leaf("td", attrs, FormatValue(v, decimals));
}

// An icon with its meaning for screen readers; `note`, when given, is shown in words under it
// (why there is no icon, or the target met or not), `note_class` styles a missed target.
void IconCell(MarkupWriter& w, std::string_view heading, const std::string& svg,
              std::string_view sort_key, std::string_view label, std::string_view note = "",
              std::string_view note_class = "note") {
  w.Open("td", {{"class", "icon"},
                {"data-value", std::string(sort_key)},
                {"data-label", std::string(heading)}});
  w.Raw(render::InlineSvg(svg));
  if (note.empty()) {
    w.Leaf("span", {{"class", "vh"}}, label);
  } else {
    w.Leaf("span", {{"class", std::string(note_class)}}, note);
  }
  w.Close();
}

// Under an absent variation icon: "not judged yet" or "not judged", so the empty ring is never
// read as common cause.
std::string_view VariationNote(const SummaryRow& row) {
  if (row.variation != VariationIcon::kNone || row.judgement == Judgement::kJudged) return "";
  return row.judgement == Judgement::kTooFewPoints ? "not judged yet" : "not judged";
}

void Narratives(MarkupWriter& w, const std::vector<const Narrative*>& narratives, PeriodKind kind) {
  for (const Narrative* n : narratives) {
    w.Open("aside", {{"class", "narrative"}});
    w.Leaf("p", {{"class", "by"}},
           "Narrative by " + (n->author.empty() ? std::string("an unnamed author") : n->author) +
               ", for " + render::PeriodText(n->period, kind) + " (opinion, not data)");
    w.Leaf("p", {}, n->text);
    w.Close();
  }
}

// The filter box and the exceptions-only switch; hidden until the script shows them, as they
// do nothing without it.
void TableControls(MarkupWriter& w) {
  w.Open("div", {{"class", "controls"}, {"id", "controls"}, {"hidden", "hidden"}});
  w.Open("label");
  w.Text("Filter ");
  w.Leaf("input", {{"type", "search"},
                   {"id", "filter"},
                   {"placeholder", "indicator, domain, person\xE2\x80\xA6"}});
  w.Close();
  w.Open("label");
  w.Leaf("input", {{"type", "checkbox"}, {"id", "exceptions-only"}});
  w.Text(" Exceptions only");
  w.Close();
  w.Leaf("span", {{"id", "shown-count"}, {"class", "meta"}, {"aria-live", "polite"}}, " ");
  w.Close();
}

struct Column {
  std::string_view name;
  bool numeric;
};
constexpr Column kColumns[] = {
    {"Domain", false},        {"Ref", false},       {"Indicator", false}, {"Direction", false},
    {"Updated to", false},    {"Target", false},    {"Latest", true},     {"Mean", true},
    {"Process limits", true}, {"Variation", false}, {"Assurance", false}, {"Data quality", false},
    {"Accountable", false},   {"Summary", false},
};

// The headings of a row's cells in turn, for their data-label: the cells must be written in
// kColumns' order.
class CellLabels {
 public:
  Attr Next() { return {"data-label", std::string(kColumns[column_++].name)}; }

 private:
  int column_ = 0;
};

void SummaryHead(MarkupWriter& w) {
  w.Open("thead");
  w.Open("tr");
  for (const Column& c : kColumns) {
    w.Leaf("th", {{"scope", "col"}, {"data-sort", "1"}, {"class", c.numeric ? "num" : ""}}, c.name);
  }
  w.Close();
  w.Close();
}

// Domain (with the exception badge), reference, indicator (linked to its section), direction
// and the period the data reach (with the stale badge).
void IdentityCells(MarkupWriter& w, const SummaryRow& row, int index, CellLabels& label) {
  w.Open("td", {label.Next()});
  w.Text(row.domain);
  if (row.exception) {
    w.Raw(" ");
    w.Leaf("span", {{"class", "badge exception"}}, "exception");
  }
  w.Close();
  w.Leaf("td", {label.Next()}, row.reference);
  w.Open("td", {label.Next()});
  w.Leaf("a", {{"href", "#" + SectionId(index)}},
         row.indicator_name.empty() ? row.indicator_id : row.indicator_name);
  if (!row.organisation.empty()) {
    w.Raw(" ");
    w.Leaf("span", {{"class", "meta"}}, "\xE2\x80\x94 " + row.organisation);
  }
  w.Close();
  w.Open("td", {{"data-value", std::string(DirectionName(row.direction))}, label.Next()});
  w.Leaf("span", {{"aria-hidden", "true"}}, render::DirectionArrow(row.direction));
  w.Leaf("span", {{"class", "vh"}}, render::DirectionText(row.direction));
  w.Close();
  w.Open("td", {{"data-value", row.updated_to ? row.updated_to->ToIso() : ""},
                {"class", "num"},
                label.Next()});
  w.Text(row.updated_to ? render::PeriodText(*row.updated_to, row.period_kind) : "no data");
  if (row.stale) {
    w.Raw(" ");
    w.Leaf("span",
           {{"class", "badge stale"},
            {"title",
             "No new data for longer than the "
             "refresh interval allows"}},
           "stale");
  }
  w.Close();
}

// Target, latest value, mean and process limits; then the variation and assurance icons.
void FigureCells(MarkupWriter& w, const ReportSeries& s, Palette palette, CellLabels& label) {
  const SummaryRow& row = s.row;
  const int decimals = render::DisplayDecimals(s.result);
  w.Leaf("td", {{"data-value", row.target ? SortKey(*row.target) : ""}, label.Next()},
         render::TargetText(s, decimals));
  NumberCell(w, row.latest_value, decimals, label.Next().value);
  NumberCell(w, row.mean, decimals, label.Next().value);
  w.Leaf("td", {{"class", "num"}, {"data-value", SortKey(row.lower_limit)}, label.Next()},
         render::LimitsText(row, decimals));
  IconCell(w, label.Next().value, render::RowVariationIconSvg(s, palette, 34),
           VariationIconName(row.variation), render::VariationText(s), VariationNote(row));
  const bool plain_fact = row.assurance == AssuranceIcon::kNone && row.target_met.has_value();
  IconCell(w, label.Next().value, render::RowAssuranceIconSvg(s, palette, 34),
           AssuranceIconName(row.assurance), render::AssuranceText(s),
           plain_fact ? render::TargetMetLabel(*row.target_met) : "",
           plain_fact && !*row.target_met ? "note missed" : "note");
}

// The summary sentence and, when the row has one, the latest period's narrative: attributed
// when the indicator records who wrote it, else shown as unattributed.
void SentenceCell(MarkupWriter& w, const ReportSeries& s, CellLabels& label) {
  const SummaryRow& row = s.row;
  w.Open("td", {{"class", "sentence"}, label.Next()});
  w.Leaf("p", {{"style", "margin:0"}}, row.sentence);
  if (!row.narrative.empty()) {
    std::vector<const Narrative*> latest;
    for (const Narrative& n : render::IndicatorOf(s).narratives) {
      if (row.updated_to && n.period == *row.updated_to) latest = {&n};
    }
    if (latest.empty()) {
      Narrative unattributed{row.updated_to.value_or(Date()), row.narrative, ""};
      Narratives(w, {&unattributed}, row.period_kind);
    } else {
      Narratives(w, latest, row.period_kind);
    }
  }
  w.Close();
}

// One row of the table, its cells in kColumns' order.
void SummaryTableRow(MarkupWriter& w, const ReportInput& input, int index) {
  const ReportSeries& s = input.series[index];
  const SummaryRow& row = s.row;
  w.Open("tr", {{"class", row.exception ? "exception" : "regular"}});
  CellLabels label;
  IdentityCells(w, row, index, label);
  FigureCells(w, s, input.palette, label);
  w.Leaf("td", {label.Next()}, row.data_quality);
  w.Open("td", {label.Next()});
  w.Text(row.accountable_person);
  if (!row.data_owner.empty()) {
    w.Leaf("br");
    w.Leaf("span", {{"class", "meta"}}, "Data: " + row.data_owner);
  }
  w.Close();
  SentenceCell(w, s, label);
  w.Close();
}

void SummaryTable(MarkupWriter& w, const ReportInput& input, const std::vector<int>& order) {
  TableControls(w);
  w.Open("table", {{"id", "ipr"}});
  w.Leaf("caption", {{"class", "vh"}},
         "Integrated Performance Report: one row per indicator and organisation, exceptions "
         "first");
  SummaryHead(w);
  w.Open("tbody");
  for (const int index : order) SummaryTableRow(w, input, index);
  w.Close();
  w.Close();
}

void KeyFigure(MarkupWriter& w, std::string_view label, const std::string& value) {
  w.Open("div");
  w.Leaf("span", {{"class", "label"}}, label);
  w.Leaf("span", {{"class", "value"}}, value);
  w.Close();
}

// The data's comments on `period` (the comment column), joined when there are several.
std::string CommentFor(const ReportSeries& s, Date period) {
  std::string text;
  for (const Annotation& c : s.comments)
    if (c.date == period) text += (text.empty() ? "" : "; ") + c.text;
  return text;
}

// The rebases and target changes with their reasons and who decided, as the chart's key has
// them, so the section text says why the limits or the target moved.
void Decisions(MarkupWriter& w, const Indicator& ind, int decimals) {
  const std::vector<render::DecisionEvent> events = render::DecisionEvents(ind, decimals);
  if (events.empty()) return;
  w.Leaf("h3", {}, "Decisions");
  w.Open("ul", {{"class", "decisions"}});
  for (const render::DecisionEvent& e : events)
    w.Leaf("li", {}, render::PeriodText(e.date) + ": " + e.text);
  w.Close();
}

void DataTable(MarkupWriter& w, const ReportSeries& s, int decimals) {
  const SeriesResult& r = s.result;
  const Indicator& ind = render::IndicatorOf(s);
  bool ratios = false;
  for (const PointResult& p : r.points) {
    ratios = ratios || std::isfinite(p.numerator) || std::isfinite(p.denominator);
  }
  const bool run_chart = r.chart == ChartType::kRun;
  w.Open("table", {{"class", "data"}});
  w.Leaf("caption", {{"class", "vh"}}, "Data for " + render::SeriesHeading(s));
  w.Open("thead");
  w.Open("tr");
  w.Leaf("th", {{"scope", "col"}}, "Period");
  w.Leaf("th", {{"scope", "col"}, {"class", "num"}},
         ind.unit.empty() ? std::string("Value") : "Value (" + ind.unit + ")");
  if (ratios) {
    w.Leaf("th", {{"scope", "col"}, {"class", "num"}}, "Numerator");
    w.Leaf("th", {{"scope", "col"}, {"class", "num"}}, "Denominator");
  }
  w.Leaf("th", {{"scope", "col"}, {"class", "num"}}, run_chart ? "Median" : "Mean");
  if (!run_chart) {
    w.Leaf("th", {{"scope", "col"}, {"class", "num"}}, "Lower limit");
    w.Leaf("th", {{"scope", "col"}, {"class", "num"}}, "Upper limit");
  }
  w.Leaf("th", {{"scope", "col"}}, "Flags");
  if (!s.comments.empty()) w.Leaf("th", {{"scope", "col"}}, "Comment");
  w.Close();
  w.Close();
  w.Open("tbody");
  for (std::size_t i = 0; i < r.points.size(); ++i) {
    const PointResult& p = r.points[i];
    w.Open("tr");
    w.Leaf("th", {{"scope", "row"}}, render::PeriodText(p.period, r.period_kind));
    NumberCell(w, p.missing ? kMissing : p.value, decimals);
    if (ratios) {
      NumberCell(w, p.numerator, 0);
      NumberCell(w, p.denominator, 0);
    }
    NumberCell(w, p.centre, decimals);
    if (!run_chart) {
      // Limits on the mean of a segment without variation are not limits: shown as none, as
      // on the chart and in the key figures.
      const bool flat = p.segment >= 0 && p.segment < static_cast<int32_t>(r.segments.size()) &&
                        r.segments[p.segment].judgement == Judgement::kZeroVariation;
      NumberCell(w, flat ? kMissing : p.lower3, decimals);
      NumberCell(w, flat ? kMissing : p.upper3, decimals);
    }
    std::string flags;
    auto add = [&flags](const std::string& f) { flags += (flags.empty() ? "" : "; ") + f; };
    if (p.missing) add("missing");
    if (p.ghosted) add("ghosted: " + render::GhostReason(ind, p.period));
    if (!p.missing && !p.ghosted && p.point_class != PointClass::kCommonCause) {
      std::string f(render::PointClassLabel(p.point_class));
      if (p.label != RuleId::kNone) f += " (" + std::string(render::RuleLabel(p.label)) + ")";
      add(f);
    }
    if (i > 0 && p.segment != r.points[i - 1].segment) add("limits recalculated from here");
    w.Leaf("td", {}, flags);
    if (!s.comments.empty()) w.Leaf("td", {}, CommentFor(s, p.period));
    w.Close();
  }
  w.Close();
  w.Close();
}

// What an empty signal list means: common cause only where the points are judged; where none
// is judged, no rule was applied, and saying "common cause" would contradict the summary.
std::string NoSignalsText(const SeriesResult& r) {
  int judged = 0;
  for (const SegmentResult& seg : r.segments) judged += seg.judgement == Judgement::kJudged;
  if (judged == 0)
    return "No rule is applied while the points cannot be judged (see the summary above), so no "
           "signal is looked for.";
  if (judged < static_cast<int>(r.segments.size()))
    return "No special cause signals where the points are judged; the points shown as not "
           "judged are tested by no rule.";
  return "No special cause signals: the process shows common cause variation only.";
}

// The line under the heading: domain, chart type, direction and who answers for the data.
void SectionMeta(MarkupWriter& w, const ReportSeries& s) {
  const SummaryRow& row = s.row;
  const Indicator& ind = render::IndicatorOf(s);
  std::string meta;
  auto add = [&meta](const std::string& part) {
    if (part.empty()) return;
    meta += (meta.empty() ? "" : " \xC2\xB7 ") + part;
  };
  add(row.domain);
  add(std::string(render::ChartTypeLabel(s.result.chart)));
  add(std::string(render::DirectionArrow(row.direction)) + " " +
      std::string(render::DirectionText(row.direction)));
  if (!row.accountable_person.empty()) add("accountable: " + row.accountable_person);
  if (!row.data_owner.empty()) add("data owner: " + row.data_owner);
  if (!ind.data_source.empty()) add("source: " + ind.data_source);
  if (!row.data_quality.empty()) add("data quality: " + row.data_quality);
  w.Leaf("p", {{"class", "meta"}}, meta);
}

// A key figure shown as an icon followed by its meaning in words.
void IconFigure(MarkupWriter& w, std::string_view label, std::string svg, const std::string& text) {
  w.Open("div");
  w.Leaf("span", {{"class", "label"}}, label);
  w.Open("span", {{"class", "icon-text"}});
  w.Raw(render::InlineSvg(std::move(svg)));
  w.Text(text);
  w.Close();
  w.Close();
}

void KeyFigures(MarkupWriter& w, const ReportSeries& s, Palette palette) {
  w.Open("div", {{"class", "figures"}});
  for (const render::KeyFigureText& f : render::KeyFigureTexts(s)) KeyFigure(w, f.label, f.value);
  IconFigure(w, "Variation", render::RowVariationIconSvg(s, palette, 30), render::VariationText(s));
  IconFigure(w, "Assurance", render::RowAssuranceIconSvg(s, palette, 30), render::AssuranceText(s));
  w.Close();
}

// The chart scales with the page: CSS sets its width, the viewBox keeps its shape. A phone
// gets a chart drawn for its width instead, so its text stays at least 10 px (a wide chart
// shrunk to 360 px would put 11 px labels at 4 px); CSS shows one of the two.
void SeriesCharts(MarkupWriter& w, const ReportSeries& s, Palette palette) {
  const SummaryRow& row = s.row;
  const Indicator& ind = render::IndicatorOf(s);
  std::string chart = RenderChartSvg(ind, s.result, {.palette = palette});
  chart.insert(4, " class=\"chart wide\"");
  w.Raw(render::InlineSvg(std::move(chart)));
  // Its title is the reference and organisation: the heading above names the indicator, and a
  // long name would run off a 360 px chart.
  std::string short_title = row.reference.empty() ? ind.name : row.reference;
  if (!row.organisation.empty()) short_title += " \xE2\x80\x94 " + row.organisation;
  std::string narrow = RenderChartSvg(ind, s.result,
                                      {.width = kPhoneChartWidth,
                                       .height = kPhoneChartHeight,
                                       .palette = palette,
                                       .title = short_title});
  narrow.insert(4, " class=\"chart narrow\"");
  w.Raw(render::InlineSvg(std::move(narrow)));
}

// The signals the rules found (or what their absence means) and the engine's warnings.
void SignalsAndWarnings(MarkupWriter& w, const SeriesResult& r) {
  w.Leaf("h3", {}, "Signals");
  if (r.signals.empty()) {
    w.Leaf("p", {}, NoSignalsText(r));
  } else {
    w.Open("ul", {{"class", "signals"}});
    for (const Signal& sig : r.signals) {
      w.Leaf("li", {{"class", std::string(PointClassName(sig.point_class))}}, sig.sentence);
    }
    w.Close();
  }
  if (!r.warnings.empty()) {
    w.Leaf("h3", {}, "Warnings");
    w.Open("ul", {{"class", "warnings"}});
    for (const Warning& warning : r.warnings) w.Leaf("li", {}, warning.message);
    w.Close();
  }
}

// The data: a box of its own that scrolls sideways on a phone (the page itself never does);
// left out of print, where the chart and the figures carry the series.
void DataBlock(MarkupWriter& w, const ReportSeries& s, int decimals) {
  w.Open("div", {{"class", "data-block"}});
  w.Leaf("h3", {}, "Data");
  w.Open("div", {{"class", "table-scroll"},
                 {"tabindex", "0"},
                 {"role", "region"},
                 {"aria-label", "Data for " + render::SeriesHeading(s)}});
  DataTable(w, s, decimals);
  w.Close();
  w.Close();
}

void SeriesSection(MarkupWriter& w, const ReportInput& input, int index) {
  const ReportSeries& s = input.series[index];
  const SeriesResult& r = s.result;
  const Indicator& ind = render::IndicatorOf(s);
  const int decimals = render::DisplayDecimals(r);
  w.Open("section", {{"class", "series"}, {"id", SectionId(index)}});
  w.Leaf("h2", {}, render::SeriesHeading(s));
  SectionMeta(w, s);
  if (!ind.description.empty()) w.Leaf("p", {}, ind.description);
  KeyFigures(w, s, input.palette);
  SeriesCharts(w, s, input.palette);
  w.Leaf("p", {}, s.row.sentence);
  Decisions(w, ind, decimals);
  SignalsAndWarnings(w, r);
  const std::vector<const Narrative*> narratives = render::NarrativesFor(ind, r);
  if (!narratives.empty()) {
    w.Leaf("h3", {}, "Narrative");
    Narratives(w, narratives, r.period_kind);
  }
  DataBlock(w, s, decimals);
  w.Close();
}

// The notices above the summary, one section each, as given.
void Notices(MarkupWriter& w, const std::vector<ReportNotice>& notices) {
  if (notices.empty()) return;
  w.Open("section", {{"id", "notices"}, {"class", "notices"}});
  for (const ReportNotice& notice : notices) {
    w.Leaf("h2", {}, notice.heading);
    w.Open("ul");
    for (const std::string& line : notice.lines) w.Leaf("li", {}, line);
    w.Close();
  }
  w.Close();
}

}  // namespace

std::string RenderReportHtml(const ReportInput& input) {
  const std::vector<int> order = render::ReportOrder(input);
  int exceptions = 0, stale = 0;
  for (const ReportSeries& s : input.series) {
    exceptions += s.row.exception;
    stale += s.row.stale;
  }
  const std::string title = input.title.empty() ? "Integrated Performance Report" : input.title;

  MarkupWriter w;
  render::OpenReportDocument(w, title);
  w.Open("header");
  w.Leaf("h1", {}, title);
  std::string meta = "Generated " + render::UkDate(input.generated_on);
  if (!input.organisation_filter.empty())
    meta = "Organisation: " + input.organisation_filter + " \xC2\xB7 " + meta;
  meta += " \xC2\xB7 " + std::to_string(input.series.size()) + " series \xC2\xB7 " +
          std::to_string(exceptions) + (exceptions == 1 ? " exception" : " exceptions");
  if (stale > 0) meta += " \xC2\xB7 " + std::to_string(stale) + " with stale data";
  w.Leaf("p", {{"class", "meta"}}, meta);
  w.Close();

  w.Open("main");
  Notices(w, input.notices);
  w.Open("section", {{"id", "summary"}});
  w.Leaf("h2", {}, "Integrated Performance Report");
  w.Leaf("p", {{"class", "key"}},
         "Exceptions (special cause concern, a target the process will consistently fail, or, "
         "where no assurance icon can be given, a latest value that misses its target) come "
         "first, marked with a red edge. Variation icons: H or L for a special cause high or "
         "low (blue improvement, orange concern, purple neither), grey dots for common cause; "
         "a dashed ring with three open dots when the points cannot be judged (too few for "
         "limits, no variation). Assurance icons: P consistently passes, F consistently fails, "
         "? hit or miss, a struck-out target line when there is no target; without an icon, "
         "the latest value is shown as meeting the target or not. Narratives are the owners' "
         "views, shown apart from the data.");
  WriteSummaryMatrix(w, input, order, SectionId);
  SummaryTable(w, input, order);
  w.Close();
  for (const int index : order) SeriesSection(w, input, index);
  w.Close();

  w.Open("footer");
  w.Leaf("p", {},
         "Produced by kaizen. Statistical process control by the rules of each indicator's "
         "profile (Making Data Count by default); data and figures are facts, narratives are "
         "opinion and attributed.");
  w.Close();
  w.Open("script");
  w.Raw("//<![CDATA[");
  w.Raw(kScript);
  w.Raw("//]]>");
  w.Close();
  w.Close();
  w.Close();
  return w.Finish() + "\n";
}

}  // namespace kaizen
