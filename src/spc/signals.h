// Plain-English explanations: signal episodes with one sentence each, and the series summary.
// Internal to spc/.
#ifndef KAIZEN_SPC_SIGNALS_H_
#define KAIZEN_SPC_SIGNALS_H_

#include "kaizen/spc.h"

namespace kaizen::spc {

// Appends to out->signals one Signal per episode: consecutive judged points flagged by the same
// rule on the same side. Sentences name the periods ("from March 2018 to September 2018");
// without `with_sentences` the episodes are listed with empty sentences (faster for callers
// that show only the summary).
// Values in sentences carry the indicator's `unit` ("74.0%", "15,994 attendances").
void DescribeSignals(const Profile& profile, Direction direction, std::string_view unit,
                     bool with_sentences, SeriesResult* out);

// One sentence on the latest point's variation and assurance, for the board report.
std::string SummarySentence(const SeriesResult& result, std::string_view unit);

// "March 2018" for month starts, "2018-03-07" for other days; weeks and financial periods as
// FormatPeriod writes them ("2024-W05", "2016/17 Q1"); sequence numbers "period 3".
std::string PeriodLabel(Date d, PeriodKind kind);

}  // namespace kaizen::spc

#endif  // KAIZEN_SPC_SIGNALS_H_
