// The indicator catalogue: every indicator's definition, targets, baselines, rebases, ghosted
// points and annotations, read from indicators.toml (format in docs/catalogue.md).
//
// Plain values; a const Catalogue may be shared between threads.
#ifndef KAIZEN_CATALOGUE_H_
#define KAIZEN_CATALOGUE_H_

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaizen/diagnostics.h"
#include "kaizen/env.h"
#include "kaizen/model.h"
#include "kaizen/status.h"

namespace kaizen {

// How a data file lays out its periods (docs/catalogue.md, "[columns]"): one row per period
// (long), or one column per period (wide, as exported from a spreadsheet). kAuto: wide when the
// file has no period column and its header names periods.
enum class TableLayout { kAuto, kLong, kWide };

// Which columns of a long-format data file hold what. An empty name means "absent".
struct ColumnMapping {
  std::string indicator = "indicator";
  std::string organisation = "organisation";
  std::string period = "period";
  std::string value = "value";
  std::string numerator = "numerator";
  std::string denominator = "denominator";
  std::string comment = "comment";
  TableLayout layout = TableLayout::kAuto;
  // The decimal mark of the file's numbers: '.' or ',' ("12,5"; '.' then groups thousands).
  char decimal = '.';
};

struct Catalogue {
  std::string title;  // the report title, when the catalogue gives one
  ColumnMapping columns;
  // A filter on every row of the data files ("type == '1'"); empty: every row is read.
  std::string where;
  std::vector<Indicator> indicators;

  // The indicator with this id, or nullptr.
  const Indicator* Find(std::string_view id) const;
};

// The indicators and organisations a data file holds series for (before --org filters them).
using SeriesKeys = std::set<std::pair<std::string, std::string>>;  // {indicator id, organisation}

// Warns (diag::kOrganisationNotInData, at the catalogue line that names it) about each
// organisation a decision names for which `data` holds no series of the decision's indicator,
// when `data` holds that indicator for some organisation: a misspelt code, or a trust missing
// from this month's extract. The decision then applies to no series; nothing stops.
void WarnOrganisationsNotInData(const Catalogue& catalogue, const std::string& catalogue_file,
                                const SeriesKeys& data, Diagnostics* diagnostics);

// Parses catalogue text. Every problem is reported in *diagnostics with the file name, line
// and column; the result is InvalidArgument when any error was found.
Result<Catalogue> ParseCatalogue(std::string_view text, const std::string& file_name,
                                 Diagnostics* diagnostics);
// Reads (through `env`, so a test can give it a MemoryEnv) and parses a catalogue file; fails
// as Env::ReadFile does when it cannot be read (NotFound when nothing is at the path).
Result<Catalogue> ReadCatalogue(const std::string& path, Diagnostics* diagnostics,
                                Env* env = Env::Default());

}  // namespace kaizen

#endif  // KAIZEN_CATALOGUE_H_
