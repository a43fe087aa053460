// The machine names of kaizen's enums: one table per enum, defined once (src/core/names.cc)
// and used by every writer of JSON and CSV, the command line's machine words and docs/api.md
// (a test checks that docs/api.md lists every name of every enum that appears in an output).
// The *Name functions (ChartTypeName in model.h, RuleName in profile.h, SideName here, ...) are
// the API and are implemented from these tables. A name is part of the output schema
// (docs/api.md, "Versioning"): renaming one is a schema change.
//
// The tables are constant data: thread-safe, never throwing.
#ifndef KAIZEN_NAMES_H_
#define KAIZEN_NAMES_H_

#include <span>
#include <string_view>
#include <vector>

#include "kaizen/date.h"
#include "kaizen/funnel.h"
#include "kaizen/model.h"
#include "kaizen/profile.h"
#include "kaizen/spc.h"

namespace kaizen {

template <typename Enum>
struct NamedValue {
  Enum value;
  std::string_view name;
};

// Each table lists every value of its enum once, in declaration order.
std::span<const NamedValue<ChartType>> ChartTypeNames();
std::span<const NamedValue<Direction>> DirectionNames();
std::span<const NamedValue<Aggregation>> AggregationNames();
std::span<const NamedValue<PeriodKind>> PeriodKindNames();
std::span<const NamedValue<RuleId>> RuleNames();  // the rules, then RuleId::kNone as "none"
std::span<const NamedValue<Side>> SideNames();
std::span<const NamedValue<PointClass>> PointClassNames();
std::span<const NamedValue<Judgement>> JudgementNames();
std::span<const NamedValue<VariationIcon>> VariationIconNames();
std::span<const NamedValue<AssuranceIcon>> AssuranceIconNames();
std::span<const NamedValue<WarningCode>> WarningCodeNames();
std::span<const NamedValue<FunnelFlag>> FunnelFlagNames();
std::span<const NamedValue<FunnelCentre>> FunnelCentreNames();

// A Side's one name in every machine format: "high", "low", "none". JSON and CSV both write
// "none" for no side since schema_version 1 (CSV used to write an empty field, which reads as
// "missing" in kaizen's CSV layouts, where an empty field is a number left as NaN).
std::string_view SideName(Side side);

// The names of one enum that appears in kaizen's outputs, under the enum's C++ name.
struct OutputEnumNames {
  std::string_view enum_name;  // "ChartType", "RuleId", ...
  std::vector<std::string_view> names;
};
// Every enum written in a JSON or CSV output (Aggregation, an input word, is not).
std::vector<OutputEnumNames> AllOutputEnumNames();

}  // namespace kaizen

#endif  // KAIZEN_NAMES_H_
