#include "kaizen/catalogue.h"

#include <string>
#include <string_view>

namespace kaizen {

const Indicator* Catalogue::Find(std::string_view id) const {
  // A linear scan: catalogues hold tens of indicators, and lookups happen once per series.
  for (const Indicator& indicator : indicators) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

namespace {

bool HoldsIndicator(const SeriesKeys& data, const std::string& id) {
  const auto it = data.lower_bound({id, ""});
  return it != data.end() && it->first == id;
}

template <typename T>
void WarnEach(const Indicator& indicator, const std::vector<T>& decisions, std::string_view kind,
              const std::string& file, const SeriesKeys& data, Diagnostics* diagnostics) {
  for (const T& d : decisions) {
    for (const std::string& org : d.organisations.names) {
      if (data.count({indicator.id, org}) > 0) continue;
      diagnostics->Warning(
          diag::kOrganisationNotInData, file, d.organisations.line, d.organisations.column,
          "indicator '" + indicator.id + "', " + std::string(kind) +
              ": the data holds no series of this indicator for organisation '" + org +
              "', so it applies to none (expected an organisation code "
              "the data uses; check the spelling)");
    }
  }
}

}  // namespace

void WarnOrganisationsNotInData(const Catalogue& catalogue, const std::string& catalogue_file,
                                const SeriesKeys& data, Diagnostics* diagnostics) {
  for (const Indicator& ind : catalogue.indicators) {
    // An indicator the data lacks altogether is not about organisations (nor worth a warning
    // per decision): --indicator may have left it out on purpose.
    if (!HoldsIndicator(data, ind.id)) continue;
    WarnEach(ind, ind.targets, "target", catalogue_file, data, diagnostics);
    WarnEach(ind, ind.rebases, "rebase", catalogue_file, data, diagnostics);
    WarnEach(ind, ind.ghosts, "ghost", catalogue_file, data, diagnostics);
    WarnEach(ind, ind.annotations, "annotation", catalogue_file, data, diagnostics);
    WarnEach(ind, ind.narratives, "narrative", catalogue_file, data, diagnostics);
  }
}

}  // namespace kaizen
