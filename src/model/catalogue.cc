#include "kaizen/catalogue.h"

#include <string_view>

namespace kaizen {

const Indicator* Catalogue::Find(std::string_view id) const {
  // A linear scan: catalogues hold tens of indicators, and lookups happen once per series.
  for (const Indicator& indicator : indicators) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

}  // namespace kaizen
