#include "render/report/report_common.h"

#include <algorithm>
#include <tuple>

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
  std::string text = FormatValue(*s.row.target, decimals) + IndicatorOf(s).unit;
  if (!s.row.target_set_by.empty()) text += " (" + s.row.target_set_by + ")";
  return text;
}

}  // namespace kaizen::render
