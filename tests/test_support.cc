#include "test_support.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kaizen::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(KAIZEN_SOURCE_DIR) + "/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Date Month(int k) { return *Date::FromCivil(2020 + k / 12, k % 12 + 1, 1); }

Series MonthlyValues(const std::vector<double>& values) {
  Series s;
  s.indicator_id = "test";
  s.organisation = "org";
  for (std::size_t i = 0; i < values.size(); ++i)
    s.Add({.period = Month(static_cast<int>(i)), .value = values[i]});
  return s;
}

Series MonthlyRatios(const std::vector<double>& numerators,
                     const std::vector<double>& denominators) {
  Series s;
  s.indicator_id = "test";
  s.organisation = "org";
  for (std::size_t i = 0; i < numerators.size(); ++i)
    s.Add({.period = Month(static_cast<int>(i)),
           .numerator = numerators[i],
           .denominator = denominators[i]});
  return s;
}

Indicator MakeIndicator(ChartType chart, Direction direction, const std::string& profile) {
  Indicator ind;
  ind.id = "test";
  ind.chart = chart;
  ind.direction = direction;
  ind.profile = profile;
  return ind;
}

TemporaryDirectory::TemporaryDirectory(const std::string& prefix) {
  std::string pattern = "/tmp/" + prefix + "-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "cannot create a temporary directory " << pattern;
    return;
  }
  path_ = pattern;
}

TemporaryDirectory::~TemporaryDirectory() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, ignored);
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace kaizen::testing
