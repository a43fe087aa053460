// Plain values the application layer's use cases (include/kaizen/app*.h) pass between them: what
// a job of one series starts from. No I/O, no CLI types; cheap to move, safe to copy.
#ifndef KAIZEN_APP_TYPES_H_
#define KAIZEN_APP_TYPES_H_

#include "kaizen/model.h"
#include "kaizen/spc.h"

namespace kaizen {

// One series, the indicator it is judged under (the catalogue's, narrowed to the series'
// organisation, with any overrides the request gave) and its SPC result under that indicator:
// what a chart, an explanation and every analysis of one series (describe, histogram,
// capability, before/after) start from.
struct AnalysedSeries {
  Series series;
  Indicator indicator;
  SeriesResult result;
};

}  // namespace kaizen

#endif  // KAIZEN_APP_TYPES_H_
