// The analysis report (analysis_report.h): the Measure and Analyse steps for one measure on one
// page, in the board report's look (shared CSS), every chart inline and every text escaped by
// the markup writer, so the file makes no request and holds no URL.
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "kaizen/analysis_render.h"
#include "kaizen/analysis_report.h"
#include "render/report/report_common.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::MarkupWriter;

// The report's indicator, or an empty one when the caller left it unset, so a bad input gives a
// sparse page instead of a crash.
const Indicator& Ind(const AnalysisReportInput& in) {
  static const Indicator kNone;
  return in.indicator ? *in.indicator : kNone;
}

// Enough significant digits for an analyst, without the noise of a full double.
std::string Figure(double v) {
  if (!std::isfinite(v)) return "–";
  const double a = std::fabs(v);
  const int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 4 : 6;
  return render::FormatValue(v, decimals);
}

std::string PValue(double p) {
  if (!std::isfinite(p)) return "–";
  return p < 0.001 ? "< 0.001" : render::FormatValue(p, 3);
}

// The chart scales with the page: CSS sets its width, the viewBox keeps its shape.
void Chart(MarkupWriter& w, std::string svg) {
  if (svg.rfind("<svg", 0) == 0) svg.insert(4, " class=\"chart\"");
  w.Raw(render::InlineSvg(std::move(svg)));
}

void Figures(MarkupWriter& w, const std::vector<std::pair<std::string, std::string>>& figures) {
  w.Open("div", {{"class", "figures"}});
  for (const auto& [label, value] : figures) {
    w.Open("div");
    w.Leaf("span", {{"class", "label"}}, label);
    w.Leaf("span", {{"class", "value"}}, value);
    w.Close();
  }
  w.Close();
}

// A two-column table of statistic and value.
void StatTable(MarkupWriter& w, const std::vector<std::pair<std::string, std::string>>& rows) {
  w.Open("table", {{"class", "data"}});
  w.Open("thead");
  w.Open("tr");
  w.Leaf("th", {}, "Statistic");
  w.Leaf("th", {{"class", "num"}}, "Value");
  w.Close();
  w.Close();
  w.Open("tbody");
  for (const auto& [name, value] : rows) {
    w.Open("tr");
    w.Leaf("td", {}, name);
    w.Leaf("td", {{"class", "num"}}, value);
    w.Close();
  }
  w.Close();
  w.Close();
}

void List(MarkupWriter& w, const std::vector<std::string>& items, const char* css = nullptr) {
  if (items.empty()) return;
  if (css) {
    w.Open("ul", {{"class", css}});
  } else {
    w.Open("ul");
  }
  for (const std::string& item : items) w.Leaf("li", {}, item);
  w.Close();
}

void Description(MarkupWriter& w, const AnalysisReportInput& in) {
  const Descriptive& d = in.description;
  w.Open("section", {{"id", "description"}});
  w.Leaf("h2", {}, "Description");
  Figures(w, {{"Values", std::to_string(d.n)},
              {"Mean", Figure(d.mean)},
              {"Median", Figure(d.median)},
              {"Standard deviation", Figure(d.sd)},
              {"Range", Figure(d.min) + " to " + Figure(d.max)}});
  StatTable(w, {{"n (values used)", std::to_string(d.n)},
                {"missing", std::to_string(d.missing)},
                {"mean", Figure(d.mean)},
                {"median", Figure(d.median)},
                {"standard deviation (n − 1)", Figure(d.sd)},
                {"variance", Figure(d.variance)},
                {"minimum", Figure(d.min)},
                {"lower quartile", Figure(d.q1)},
                {"upper quartile", Figure(d.q3)},
                {"maximum", Figure(d.max)},
                {"interquartile range", Figure(d.iqr)},
                {"coefficient of variation", Figure(d.cv)},
                {"skewness (G1)", Figure(d.skewness)},
                {"excess kurtosis (G2)", Figure(d.excess_kurtosis)}});
  if (in.intervals) {
    const SummaryIntervals& ci = *in.intervals;
    const auto interval = [](const Interval& i) {
      return Figure(i.lower) + " to " + Figure(i.upper);
    };
    w.Leaf("h3", {}, "95 % confidence intervals");
    StatTable(w,
              {{"standard error of the mean", Figure(ci.se_mean)},
               {"mean (t)", interval(ci.mean)},
               {"median (Hettmansperger-Sheather interpolation, as Minitab)", interval(ci.median)},
               {"standard deviation (chi-square; assumes normal data)", interval(ci.sd)}});
  }
  w.Leaf("h3", {}, "Readings");
  std::vector<std::string> readings = {
      "Quartiles: " + d.quantile_method_name + ".", "Mode: " + d.mode_reading + ".",
      "Skewness: " + d.skewness_reading + ".", "Kurtosis: " + d.kurtosis_reading + "."};
  for (const auto* t : {&in.anderson_darling, &in.shapiro_wilk}) {
    if (!t->has_value()) continue;
    const NormalityTest& nt = **t;
    readings.push_back(nt.method + " (statistic " + Figure(nt.statistic) + ", p " +
                       PValue(nt.p_value) + "): " + nt.reading + ".");
  }
  List(w, readings);
  std::vector<std::string> notes = d.notes;
  notes.insert(notes.end(), in.notes.begin(), in.notes.end());
  if (!notes.empty()) {
    w.Open("div", {{"class", "warnings"}});
    List(w, notes);
    w.Close();
  }
  w.Close();
}

void Distribution(MarkupWriter& w, const AnalysisReportInput& in, const std::string& name) {
  w.Open("section", {{"id", "distribution"}});
  w.Leaf("h2", {}, "Distribution");
  PlotOptions plot;
  plot.palette = in.palette;
  plot.x_label = Ind(in).unit.empty() ? "value" : Ind(in).unit;
  plot.y_label = "count";
  Result<HistogramBins> bins = ComputeHistogramBins(in.values, BinRule::kFreedmanDiaconis);
  if (bins.ok()) {
    w.Leaf("h3", {}, "Histogram");
    w.Leaf("p", {{"class", "key"}},
           "Bins by the Freedman–Diaconis rule; the mean and median are marked and the normal "
           "curve with the same mean and standard deviation is drawn over the bars.");
    plot.title = "Histogram: " + name;
    Chart(w, RenderHistogramSvg(*bins, in.description, plot));
  } else {
    w.Leaf("p", {}, "No histogram: " + bins.status().message());
  }
  w.Leaf("h3", {}, "Box plot");
  w.Leaf("p", {{"class", "key"}},
         "The box spans the quartiles with the median inside; the whiskers reach the furthest "
         "values within 1.5 interquartile ranges, and values beyond them are drawn one by one.");
  plot.title = "Box plot: " + name;
  plot.y_label = plot.x_label;
  plot.x_label.clear();
  Chart(w, RenderBoxPlotSvg({in.organisation.empty() ? name : in.organisation},
                            {ComputeBoxStats(in.values)}, plot));
  w.Close();
}

void Signals(MarkupWriter& w, const SeriesResult& r) {
  if (r.signals.empty()) {
    w.Leaf("p", {}, "No special cause signals: the process shows common cause variation only.");
    return;
  }
  w.Open("ul", {{"class", "signals"}});
  for (const Signal& sig : r.signals)
    w.Leaf("li", {{"class", std::string(PointClassName(sig.point_class))}}, sig.sentence);
  w.Close();
}

void Charts(MarkupWriter& w, const AnalysisReportInput& in, const std::string& name) {
  w.Open("section", {{"id", "over-time"}});
  w.Leaf("h2", {}, "Over time");
  Indicator run = Ind(in);
  run.chart = ChartType::kRun;
  w.Leaf("h3", {}, "Run chart");
  Chart(w, RenderChartSvg(run, in.run, {.palette = in.palette, .title = "Run chart: " + name}));
  Signals(w, in.run);
  w.Leaf("h3", {}, "Control chart: " + std::string(render::ChartTypeLabel(Ind(in).chart)));
  Chart(w, RenderChartSvg(Ind(in), in.control,
                          {.palette = in.palette, .title = "Control chart: " + name}));
  if (!in.control.summary.empty()) w.Leaf("p", {}, in.control.summary);
  Signals(w, in.control);
  if (!in.control.warnings.empty()) {
    std::vector<std::string> warnings;
    for (const Warning& warning : in.control.warnings) warnings.push_back(warning.message);
    w.Open("div", {{"class", "warnings"}});
    List(w, warnings);
    w.Close();
  }
  w.Close();
}

void BeforeAfterSection(MarkupWriter& w, const AnalysisReportInput& in, const BeforeAfter& ba,
                        const std::string& name) {
  w.Open("section", {{"id", "before-after"}});
  w.Leaf("h2", {}, "Before and after " + render::UkDate(ba.change_date));
  Figures(w, {{"Points before", std::to_string(ba.n_before)},
              {"Points from the change", std::to_string(ba.n_after)},
              {"Centre before", Figure(ba.centre_before)},
              {"Centre after", Figure(ba.centre_after)},
              {"Sustained shift after", ba.shift_after ? "yes" : "no"}});
  w.Leaf("h3", {}, "What the control chart says");
  w.Leaf("p", {}, ba.spc_verdict);
  if (!ba.limits_sentence.empty()) w.Leaf("p", {}, "SPC limits: " + ba.limits_sentence);
  Indicator rebased = Ind(in);
  rebased.rebases.push_back({ba.change_date, {}});
  Chart(w, RenderChartSvg(
               rebased, ba.rebased,
               {.palette = in.palette,
                .title = "Limits rebased at " + render::UkDate(ba.change_date) + ": " + name}));
  w.Leaf("h3", {}, "What the tests say");
  w.Open("table", {{"class", "data"}});
  w.Open("thead");
  w.Open("tr");
  for (const char* h : {"Test", "Before", "After", "Statistic", "p", "Reading"})
    w.Leaf("th", {}, h);
  w.Close();
  w.Close();
  w.Open("tbody");
  auto row = [&](const std::string& test, const std::string& before, const std::string& after,
                 const std::string& statistic, double p, const std::string& reading) {
    w.Open("tr");
    w.Leaf("td", {}, test);
    w.Leaf("td", {{"class", "num"}}, before);
    w.Leaf("td", {{"class", "num"}}, after);
    w.Leaf("td", {{"class", "num"}}, statistic);
    w.Leaf("td", {{"class", "num"}}, PValue(p));
    w.Leaf("td", {{"class", "sentence"}}, reading);
    w.Close();
  };
  if (ba.welch)
    row("Welch's t-test (means)", Figure(ba.welch->mean1), Figure(ba.welch->mean2),
        "t = " + Figure(ba.welch->t), ba.welch->p_value, ba.welch->sentence);
  if (ba.mann_whitney)
    row("Mann–Whitney (ranks)", "", "", "W = " + Figure(ba.mann_whitney->w),
        ba.mann_whitney->p_value, ba.mann_whitney->sentence);
  if (ba.proportions) {
    const ProportionComparison& p = *ba.proportions;
    row("Chi-square (proportions)", Figure(p.p1), Figure(p.p2), "χ² = " + Figure(p.chi_square),
        p.chi_square_p, p.sentence);
    row("Fisher's exact test", Figure(p.p1), Figure(p.p2), "", p.fisher_p, "");
  }
  w.Close();
  w.Close();
  if (!ba.notes.empty()) {
    w.Open("div", {{"class", "warnings"}});
    List(w, ba.notes);
    w.Close();
  }
  w.Leaf("p", {{"class", "key"}},
         "The tests treat the points as independent samples; the control chart keeps their "
         "order in time, which is why both are shown. Points from the change date onwards are "
         "'after'.");
  w.Close();
}

void CapabilitySection(MarkupWriter& w, const AnalysisReportInput& in) {
  const CapabilityResult& c = *in.capability;
  w.Open("section", {{"id", "capability"}});
  w.Leaf("h2", {}, "Capability");
  Figures(w, {{"Lower specification", in.spec.lsl ? Figure(*in.spec.lsl) : "–"},
              {"Upper specification", in.spec.usl ? Figure(*in.spec.usl) : "–"},
              {"Cpk", Figure(c.cpk)},
              {"Ppk", Figure(c.ppk)},
              {"Expected outside", Figure(c.percent_outside) + "%"}});
  w.Leaf("p", {}, c.sentence);
  if (!c.warnings.empty()) {
    std::vector<std::string> warnings;
    for (const CapabilityWarning& warning : c.warnings) warnings.push_back(warning.message);
    w.Open("div", {{"class", "warnings"}});
    List(w, warnings);
    w.Close();
  }
  StatTable(w, {{"n", std::to_string(c.n)},
                {"mean", Figure(c.mean)},
                {"sigma within (" + c.within_method + ")", Figure(c.sigma_within)},
                {"sigma overall", Figure(c.sigma_overall)},
                {"Cp", Figure(c.cp)},
                {"Cpk", Figure(c.cpk)},
                {"Cpk interval", Figure(c.cpk_lower) + " to " + Figure(c.cpk_upper)},
                {"Pp", Figure(c.pp)},
                {"Ppk", Figure(c.ppk)},
                {"expected below LSL, within (ppm)", Figure(c.ppm_below_within)},
                {"expected above USL, within (ppm)", Figure(c.ppm_above_within)},
                {"expected outside, within (ppm)", Figure(c.ppm_within)},
                {"expected below LSL, overall (ppm)", Figure(c.ppm_below)},
                {"expected above USL, overall (ppm)", Figure(c.ppm_above)},
                {"expected outside, overall (ppm)", Figure(c.ppm)},
                {"sigma level (Z.bench)", Figure(c.z_bench)}});
  PlotOptions plot;
  plot.palette = in.palette;
  plot.title = "Capability histogram";
  plot.x_label = in.indicator && !in.indicator->unit.empty() ? in.indicator->unit : "value";
  Chart(w, RenderCapabilitySvg(in.values, c, in.spec, plot));
  w.Close();
}

void ParetoSection(MarkupWriter& w, const AnalysisReportInput& in) {
  const ParetoResult& p = *in.pareto;
  w.Open("section", {{"id", "pareto"}});
  w.Leaf("h2", {}, "Causes: Pareto analysis");
  std::string vital;
  for (const ParetoBar& b : p.bars)
    if (b.vital_few) vital += (vital.empty() ? "" : ", ") + b.category;
  w.Leaf("p", {},
         "The vital few (" + std::to_string(p.vital_few_count) + " of " +
             std::to_string(p.bars.size()) + " categories) account for " +
             render::FormatValue(100 * in.pareto_cut, 0) + "% of the total of " +
             (p.total == std::floor(p.total) ? render::FormatValue(p.total, 0) : Figure(p.total)) +
             ": " + vital + ".");
  PlotOptions plot;
  plot.palette = in.palette;
  plot.title = "Pareto chart: " + in.pareto_label;
  plot.x_label = in.pareto_label;
  plot.y_label = "records";
  plot.pareto_cut = in.pareto_cut;
  Chart(w, RenderParetoSvg(p, plot));
  w.Close();
}

}  // namespace

std::string RenderAnalysisHtml(const AnalysisReportInput& in) {
  const AnalysisReportInput& input = in;
  const Indicator& ind = Ind(in);
  std::string name = ind.name.empty() ? ind.id : ind.name;
  if (!input.organisation.empty()) name += " — " + input.organisation;
  const std::string title = input.title.empty() ? "Analysis: " + name : input.title;

  MarkupWriter w;
  render::OpenReportDocument(w, title);
  w.Open("header");
  w.Leaf("h1", {}, title);
  std::string meta = std::string(render::ChartTypeLabel(ind.chart)) + " \xC2\xB7 " +
                     std::to_string(input.values.size()) + " values \xC2\xB7 Generated " +
                     render::UkDate(input.generated_on);
  if (!ind.unit.empty()) meta = "Unit: " + ind.unit + " \xC2\xB7 " + meta;
  w.Leaf("p", {{"class", "meta"}}, meta);
  if (!ind.description.empty()) w.Leaf("p", {}, ind.description);
  w.Close();
  w.Open("main");
  Description(w, input);
  Distribution(w, input, name);
  Charts(w, input, name);
  if (input.before_after) BeforeAfterSection(w, input, *input.before_after, name);
  if (input.capability) CapabilitySection(w, input);
  if (input.pareto) ParetoSection(w, input);
  w.Close();
  w.Open("footer");
  w.Leaf("p", {},
         "Produced by kaizen. The values described are the plotted values of the control chart "
         "(for a ratio chart, the ratio); ghosted and missing points are left out.");
  w.Close();
  w.Close();
  w.Close();
  return w.Finish() + "\n";
}

}  // namespace kaizen
