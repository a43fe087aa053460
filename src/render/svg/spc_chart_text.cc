// The SPC chart's words, worked out apart from its drawing (render/svg/spc_chart_text.h).
#include "render/svg/spc_chart_text.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "render/svg/plot_frame.h"
#include "render/text.h"

namespace kaizen::render {

namespace {

// Which point an annotation dated `d` belongs to: the last period starting on or before it.
int PointOfDate(const SeriesResult& r, Date d) {
  int found = -1;
  for (int i = 0; i < static_cast<int>(r.points.size()); ++i) {
    if (r.points[i].period <= d) found = i;
  }
  if (found == static_cast<int>(r.points.size()) - 1 && r.points.size() >= 2) {
    // Past the last period by more than one period's length: outside the chart.
    const int32_t spacing = r.points.back().period.days_since_epoch() -
                            r.points[r.points.size() - 2].period.days_since_epoch();
    if (d.days_since_epoch() - r.points.back().period.days_since_epoch() >= spacing) return -1;
  }
  return found;
}

}  // namespace

// Facts are joined by a middle dot between two spaces each side.
std::vector<std::string> SubtitleLines(std::string_view subtitle, double width) {
  constexpr std::string_view kSeparator = "  \xC2\xB7  ";
  std::vector<std::string> lines(1);
  std::size_t pos = 0;
  while (pos <= subtitle.size()) {
    std::size_t end = subtitle.find(kSeparator, pos);
    if (end == std::string_view::npos) end = subtitle.size();
    const std::string_view fact = subtitle.substr(pos, end - pos);
    std::string joined = lines.back().empty()
                             ? std::string(fact)
                             : lines.back() + std::string(kSeparator) + std::string(fact);
    if (!lines.back().empty() && TextWidth(joined, 12) > width) {
      lines.emplace_back(fact);
    } else {
      lines.back() = std::move(joined);
    }
    pos = end + kSeparator.size();
  }
  return lines;
}

std::string ChartTitle(const Indicator& indicator, const SeriesResult& r,
                       const ChartOptions& options) {
  if (!options.title.empty()) return options.title;
  std::string name = indicator.name.empty() ? indicator.id : indicator.name;
  if (!r.organisation.empty()) name += " \xE2\x80\x94 " + r.organisation;  // em dash
  return name;
}

std::string NotJudgedLegend(const SeriesResult& r) {
  std::optional<Judgement> reason;
  for (const SegmentResult& seg : r.segments) {
    if (seg.judgement == Judgement::kJudged) continue;
    if (reason && *reason != seg.judgement) return "Not judged";
    reason = seg.judgement;
  }
  return reason ? std::string(render::JudgementLabel(*reason)) : "Not judged";
}

std::string SegmentNote(const SegmentResult& seg) {
  switch (seg.judgement) {
    case Judgement::kTooFewPoints:
      return "Not judged yet: " + std::to_string(seg.n_baseline) + " of " +
             std::to_string(seg.points_needed) + " points for limits";
    case Judgement::kZeroVariation:
      return "No variation: no limits to judge by";
    case Judgement::kNoLimits:
      return "Not judged: no process limits";
    case Judgement::kJudged:
      break;
  }
  return "";
}

// Rebases and target changes carry their reasons onto the chart too: a board member must be
// able to see why the limits or the target moved (docs/catalogue.md).
std::vector<ChartMarker> ChartMarkers(const Indicator& indicator, const SeriesResult& r,
                                      int decimals) {
  std::vector<ChartMarker> markers;
  for (const Annotation& a : indicator.annotations) {
    const int i = PointOfDate(r, a.date);
    if (i >= 0) markers.push_back({i, a.text, a.date});
  }
  for (const render::DecisionEvent& e : render::DecisionEvents(indicator, decimals)) {
    const int i = PointOfDate(r, e.date);
    if (i >= 0) markers.push_back({i, e.text, e.date});
  }
  std::stable_sort(markers.begin(), markers.end(),
                   [](const ChartMarker& a, const ChartMarker& b) { return a.date < b.date; });
  return markers;
}

std::vector<std::vector<std::string>> MarkerLines(const std::vector<ChartMarker>& markers,
                                                  const SeriesResult& r, double width) {
  const int max_chars = static_cast<int>((width - 60) / (12 * 0.6));
  std::vector<std::vector<std::string>> lines;
  for (const ChartMarker& m : markers) {
    lines.push_back(
        render::WrapWords(render::PeriodText(m.date, r.period_kind) + ": " + m.text, max_chars));
  }
  return lines;
}

std::string ChartDescription(const Indicator& indicator, const SeriesResult& r) {
  std::string desc = std::string(render::ChartTypeLabel(r.chart)) + " of " +
                     (indicator.name.empty() ? indicator.id : indicator.name) + ", " +
                     std::to_string(r.points.size()) + " periods. " + r.summary;
  for (const Signal& sig : r.signals) desc += " " + sig.sentence;
  return desc;
}

std::string ChartSubtitle(const Indicator& indicator, const SeriesResult& r, int decimals) {
  std::string subtitle = std::string(render::ChartTypeLabel(r.chart)) + "  \xC2\xB7  " +
                         std::string(render::DirectionArrow(indicator.direction)) + " " +
                         std::string(render::DirectionText(indicator.direction));
  if (r.target) {
    subtitle += "  \xC2\xB7  target " + render::FormatValue(*r.target, decimals, indicator.unit);
    if (r.latest >= 0) {
      if (auto step_now = indicator.TargetAt(r.points[r.latest].period);
          step_now && !step_now->set_by.empty()) {
        subtitle += " (" + step_now->set_by + ")";
      }
    }
  }
  if (!r.profile.empty()) subtitle += "  \xC2\xB7  rules: " + r.profile;
  return subtitle;
}

}  // namespace kaizen::render
