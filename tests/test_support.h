// Helpers shared by the tests: where the source tree is, and small series builders.
#ifndef KAIZEN_TESTS_TEST_SUPPORT_H_
#define KAIZEN_TESTS_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "kaizen/model.h"

namespace kaizen::testing {

// An absolute path to `relative` inside the source tree (KAIZEN_SOURCE_DIR).
std::string SourcePath(const std::string& relative);
// The whole file, or a test failure and "" when it cannot be read.
std::string ReadFile(const std::string& path);

// The first day of month `k` counted from January 2020 (k = 0), for synthetic monthly series.
Date Month(int k);
// A monthly series of individual values starting January 2020; NaN values are missing.
Series MonthlyValues(const std::vector<double>& values);
// A monthly series of numerator/denominator pairs starting January 2020.
Series MonthlyRatios(const std::vector<double>& numerators,
                     const std::vector<double>& denominators);
// An indicator with the given chart, direction and profile, and no targets.
Indicator MakeIndicator(ChartType chart, Direction direction, const std::string& profile);

// A new private directory under /tmp (mkdtemp), removed with all it holds when the object goes,
// even where a test took away its permissions. A test failure when it cannot be made.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const std::string& prefix);
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace kaizen::testing

#endif  // KAIZEN_TESTS_TEST_SUPPORT_H_
