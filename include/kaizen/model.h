// The domain model: indicators (what is measured and how it is judged) and series (the data
// of one indicator for one organisation or unit).
//
// All types are plain values with no hidden sharing; a const object may be read from many
// threads at once. A Series stores its observations as columns of doubles so the engine can
// read them without touching per-point objects.
#ifndef KAIZEN_MODEL_H_
#define KAIZEN_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaizen/date.h"
#include "kaizen/profile.h"
#include "kaizen/status.h"

namespace kaizen {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// The chart family of spc-spec.md, "Chart types and formulas".
enum class ChartType {
  kRun,     // median centre line, no limits
  kXmr,     // individuals (i) chart; limits from the average moving range
  kMr,      // moving-range chart
  kXbar,    // subgroup means
  kS,       // subgroup standard deviations
  kP,       // proportion: numerator / denominator
  kNp,      // number of defectives, constant denominator
  kC,       // count of events, equal opportunity
  kU,       // rate: events / exposure
  kPPrime,  // Laney p′
  kUPrime,  // Laney u′
  kG,       // cases (opportunities) between rare events
  kT,       // time between rare events
};
// "run", "xmr" (also "i"), "mr", "xbar", "s", "p", "np", "c", "u", "pp", "up", "g", "t".
std::string_view ChartTypeName(ChartType type);
Result<ChartType> ParseChartType(std::string_view name);
// True for charts whose values are numerator / denominator.
bool ChartUsesDenominator(ChartType type);
// The chart of an indicator that no catalogue and no --chart names: p for numerators and
// denominators, xmr for values.
ChartType DefaultChart(bool ratios);

// Why one row's numbers cannot be a point of a `type` chart. Missing parts (NaN) are not a
// problem (the point is missing), nor are the values of charts that take any number (run, xmr,
// mr, x̄, s). The one rule for what a count or a ratio may be: the importer reports it with the
// row's line, and the SPC engine treats such a point as missing for series from elsewhere.
enum class PointProblem {
  kNone,
  kNegativeCount,              // c, g, np, p, u: a count below zero
  kNonIntegerCount,            // c, np: 2.5 events
  kNotPositive,                // t: a time between events of zero or less
  kZeroDenominator,            // p, np, u: a denominator of zero or less
  kNumeratorAboveDenominator,  // p, np: more events than opportunities
};
PointProblem CheckPoint(ChartType type, double value, double numerator, double denominator);

enum class Direction { kHigherIsBetter, kLowerIsBetter, kNeither };
std::string_view DirectionName(Direction d);  // "higher", "lower", "neither"
Result<Direction> ParseDirection(std::string_view name);

// Which special cause wins on a point that shows both improvement and concern (for example a
// run above the mean that ends in a fall below the lower limit). MDC leaves this to the analyst.
enum class ConflictPreference { kConcern, kImprovement };

// The organisations a decision (target, rebase, ghost, annotation, narrative) applies to: those
// named in the catalogue's `organisation`, or every organisation when none is named.
// `line` and `column` say where the catalogue named them, for the warning about an organisation
// the data does not hold (0 when the decision did not come from a catalogue).
struct OrganisationScope {
  std::vector<std::string> names;
  int line = 0;
  int column = 0;

  bool Everyone() const { return names.empty(); }
  bool Includes(std::string_view org) const;
  // True when some organisation is in both (every scope overlaps one for everyone).
  bool Overlaps(const OrganisationScope& other) const;
};

// One decision an analyst made, with who made it, when and why (the audit trail).
struct Decision {
  std::string reason;
  std::string decided_by;
  std::optional<Date> decided_on;
};

// A target in force from `from` until the next step (targets are a step function of date).
struct TargetStep {
  Date from;
  double value = kMissing;
  std::string set_by;  // "national", "regional", "local" or a name
  Decision decision;
  OrganisationScope organisations;
};

// A rebase (recalculation of limits): the point at `date` starts a new segment.
struct Rebase {
  Date date;
  Decision decision;
  OrganisationScope organisations;
};

// A ghosted point: shown on the chart, excluded from every estimator and every rule.
struct Ghost {
  Date date;
  Decision decision;
  OrganisationScope organisations;
};

struct Annotation {
  Date date;
  std::string text;
  OrganisationScope organisations;
};

// What the indicator's owner wrote for a period: cause, actions, escalation. Opinion, kept
// apart from the facts (the data) and attributed.
struct Narrative {
  Date period;
  std::string text;
  std::string author;
  OrganisationScope organisations;  // the organisations it is about

  bool AppliesTo(std::string_view org) const { return organisations.Includes(org); }
};

// How rows that share an indicator, organisation and period are combined on import. kNone:
// two such rows are an error (naming both lines), except for xbar and s charts whose rows are
// the subgroup's observations.
enum class Aggregation { kNone, kSum, kMean, kMin, kMax, kLast };
std::string_view AggregationName(Aggregation a);  // "none", "sum", "mean", "min", "max", "last"
Result<Aggregation> ParseAggregation(std::string_view name);

// The points that supply the estimates of each segment ("frozen limits"); later points in the
// segment are judged against them. Unset fields mean "all points of the segment".
struct Baseline {
  int first_n = 0;               // the first N kept points of each segment; 0 = all
  std::optional<Date> from, to;  // alternatively a date range (inclusive)
};

struct Indicator {
  std::string id;
  std::string reference;  // the board report's reference code, e.g. "OP-04"
  std::string name;
  std::string unit;
  std::string description;
  std::string domain;  // e.g. Safe, Effective, Caring, Responsive, Well-led
  Direction direction = Direction::kNeither;
  ChartType chart = ChartType::kXmr;
  std::string profile = "mdc";
  ProfileOverrides overrides;
  ConflictPreference conflict_preference = ConflictPreference::kConcern;
  double multiplier = 1.0;          // display scale for rates (per 1,000 bed days: 1000)
  std::optional<int> decimals;      // display precision (catalogue `decimals`); unset: from data
  std::vector<TargetStep> targets;  // sorted by `from`
  Baseline baseline;
  std::vector<Rebase> rebases;
  std::vector<Ghost> ghosts;
  std::vector<Annotation> annotations;
  std::vector<Narrative> narratives;
  Aggregation aggregation = Aggregation::kNone;
  std::string accountable_person;
  std::string data_owner;
  std::string data_source;
  std::string data_quality;  // the trust's data-quality rating, as the trust words it
  std::string refresh;       // expected refresh frequency: "monthly", "weekly", "quarterly",
                             // "daily" or "annual"
  std::string measure_type;  // "outcome", "process" or "balancing"
  // Where the indicator's numbers come from in a data row (docs/catalogue.md, "Expressions"):
  // a column name or an expression over the row's columns ("attendances - breaches"); empty:
  // the file's value, numerator and denominator columns. `where` keeps only the rows it holds
  // for ("type == '1'"); empty: every row. Checked when the catalogue is read.
  std::string value_expression;
  std::string numerator_expression;
  std::string denominator_expression;
  std::string where;

  // True when the indicator names any of its own value, numerator or denominator.
  bool HasOwnMeasures() const {
    return !value_expression.empty() || !numerator_expression.empty() ||
           !denominator_expression.empty();
  }

  // The target in force on `date`, or nullopt when none is. On a catalogue's indicator whose
  // steps name organisations, ask ForOrganisation(org) first: the steps of every organisation
  // are then merged into the one step function of `org`.
  std::optional<TargetStep> TargetAt(Date date) const;

  // True when any target, rebase, ghost, annotation or narrative names its organisations.
  bool HasOrganisationDecisions() const;

  // This indicator as it applies to the series of organisation `org`: only the rebases, ghosts,
  // annotations and narratives for every organisation or naming `org`, and the targets of
  // `org` (docs/catalogue.md, "Decisions per organisation"): the steps for every organisation
  // until the first step naming `org`, then only the steps naming it. Called wherever a
  // series meets its indicator, so the engine and the renderers see one organisation's
  // decisions. Apply it once, to the catalogue's indicator (it drops what `org` does not use).
  Indicator ForOrganisation(std::string_view org) const;
};

// One period's observation, for building a Series row by row.
struct Observation {
  Date period;
  double value = kMissing;        // individual value (run, xmr, mr, c, g, t); subgroup mean (xbar)
  double numerator = kMissing;    // events or successes (p, np, u, p′, u′)
  double denominator = kMissing;  // opportunities or exposure (p, np, u, p′, u′); subgroup size
                                  // (xbar, s)
  double subgroup_sd = kMissing;  // subgroup standard deviation (xbar, s)
};

// One indicator for one organisation or unit: columns of equal length, sorted by period.
// A missing value is NaN. Columns that a chart type does not use may be left empty.
struct Series {
  std::string indicator_id;
  std::string organisation;
  std::vector<Date> periods;
  std::vector<double> values;
  std::vector<double> numerators;
  std::vector<double> denominators;
  std::vector<double> subgroup_sds;
  // What each period is (a day or month, an ISO week, a financial quarter or year), for
  // writing it back as the file did (FormatPeriod); set by the importer.
  PeriodKind period_kind = PeriodKind::kDate;
  // The line of the file (the row of a sheet) each point was read from, the first row of its
  // period when several rows make one point; set by the file readers, which the workspace
  // records with each observation. Empty when not known (a series built in code, or from the
  // workspace); Add and Clear leave it alone.
  std::vector<std::int32_t> source_lines;

  std::size_t size() const { return periods.size(); }
  // Appends one row, filling every column (so any chart type can read it).
  void Add(const Observation& o);
  void Clear();
};

// Summarises raw subgroup observations (one row per measurement) into one Observation per
// subgroup: mean, sample standard deviation (n − 1) and size. NaN values are skipped; a
// subgroup with no values becomes a missing observation of size 0. `periods` and `values` are
// parallel; rows of one subgroup share a period and must be adjacent.
std::vector<Observation> SummariseSubgroups(const std::vector<Date>& periods,
                                            const std::vector<double>& values);

}  // namespace kaizen

#endif  // KAIZEN_MODEL_H_
