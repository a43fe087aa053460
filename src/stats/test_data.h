// Shared test fixtures for src/stats: published datasets and a reader for tests/data/nist.
#ifndef KAIZEN_STATS_TEST_DATA_H_
#define KAIZEN_STATS_TEST_DATA_H_

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kaizen::stats::testing {

// R's datasets::mtcars (Henderson & Velleman 1981), columns in row order.
inline const std::vector<double> kMtcarsMpg = {
    21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4,
    14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4};
inline const std::vector<double> kMtcarsWt = {
    2.620, 2.875, 2.320, 3.215, 3.440, 3.460, 3.570, 3.190, 3.150, 3.440, 3.440,
    4.070, 3.730, 3.780, 5.250, 5.424, 5.345, 2.200, 1.615, 1.835, 2.465, 3.520,
    3.435, 3.840, 3.845, 1.935, 2.140, 1.513, 3.170, 2.770, 3.570, 2.780};
inline const std::vector<double> kMtcarsDisp = {
    160,   160,   108,   258, 360,   225,  360,  146.7, 140.8, 167.6, 167.6,
    275.8, 275.8, 275.8, 472, 460,   440,  78.7, 75.7,  71.1,  120.1, 318,
    304,   350,   400,   79,  120.3, 95.1, 351,  145,   301,   121};

// The columns of a small numeric CSV with a header row; the test fails (empty result) if the
// file cannot be read.
inline std::vector<std::vector<double>> ReadCsvColumns(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<double>> columns;
  std::string line;
  if (!std::getline(in, line)) return columns;
  columns.resize(static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream fields(line);
    std::string field;
    for (std::size_t c = 0; c < columns.size() && std::getline(fields, field, ','); ++c) {
      columns[c].push_back(std::stod(field));
    }
  }
  return columns;
}

}  // namespace kaizen::stats::testing

#endif  // KAIZEN_STATS_TEST_DATA_H_
