// The words of the SPC chart, apart from its drawing: the title, subtitle and description, the
// notes and legend entry of points no rule judged, and the annotation markers with their
// wrapped texts. Pure functions of the indicator and the series result.
#ifndef KAIZEN_RENDER_SVG_SPC_CHART_TEXT_H_
#define KAIZEN_RENDER_SVG_SPC_CHART_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "kaizen/render.h"

namespace kaizen::render {

// ChartOptions::title, else the indicator's name (its id without one) and the organisation.
std::string ChartTitle(const Indicator& indicator, const SeriesResult& r,
                       const ChartOptions& options);

// What a screen reader announces: the chart type, what it shows and what it found.
std::string ChartDescription(const Indicator& indicator, const SeriesResult& r);

// The facts a reader needs to interpret the chart, under its title: chart type, direction,
// target (and who set it) and the rules' profile, joined by " · ".
std::string ChartSubtitle(const Indicator& indicator, const SeriesResult& r, int decimals);

// The subtitle's facts on as few lines as `width` allows, breaking only between facts, so a
// narrow (phone) chart never clips them. Always at least one line.
std::vector<std::string> SubtitleLines(std::string_view subtitle, double width);

// The legend entry for points no rule judged, with the reason when every such segment shares
// one: "Not judged yet: too few points for limits".
std::string NotJudgedLegend(const SeriesResult& r);

// What a segment that is not judged says inside the plot, at its top left: why its points are
// neither coloured nor held against limits. Empty for a judged segment.
std::string SegmentNote(const SegmentResult& seg);

// An annotation, rebase or target change that falls on the chart, at point `point`.
struct ChartMarker {
  int point;
  std::string text;
  Date date;
};

// The chart's markers in date order (the order they are numbered in); those dated outside the
// chart are left out.
std::vector<ChartMarker> ChartMarkers(const Indicator& indicator, const SeriesResult& r,
                                      int decimals);

// Each marker's text below the chart ("Mar 2024: new triage model"), wrapped to a chart
// `width` px wide.
std::vector<std::vector<std::string>> MarkerLines(const std::vector<ChartMarker>& markers,
                                                  const SeriesResult& r, double width);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_SPC_CHART_TEXT_H_
