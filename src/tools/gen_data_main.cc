// kaizen-gen-data: writes a deterministic synthetic long-format CSV for benchmarks:
// SERIES series of POINTS monthly points (from January 2019), ten indicators, grouped by
// indicator and organisation as warehouse exports are. Same arguments, same bytes, on any
// machine (a fixed 64-bit LCG, no floating-point library calls in the value path).
//
// usage: kaizen-gen-data SERIES POINTS OUT.csv
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

struct Rng {
  uint64_t state;
  // Knuth's MMIX LCG; the top 53 bits as a uniform double in [0, 1).
  double Uniform() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * (1.0 / 9007199254740992.0);
  }
  // Irwin–Hall: the sum of 12 uniforms minus 6 is close to a standard normal.
  double Normal() {
    double s = 0;
    for (int i = 0; i < 12; ++i) s += Uniform();
    return s - 6.0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: kaizen-gen-data SERIES POINTS OUT.csv\n");
    return 2;
  }
  const long series = std::atol(argv[1]);
  const int points = std::atoi(argv[2]);
  if (series <= 0 || points <= 0) {
    std::fprintf(stderr, "kaizen-gen-data: SERIES and POINTS must be positive whole numbers\n");
    return 2;
  }
  std::FILE* out = std::fopen(argv[3], "wb");
  if (!out) {
    std::perror(argv[3]);
    return 2;
  }
  constexpr int kIndicators = 10;
  const long per_indicator = (series + kIndicators - 1) / kIndicators;
  std::string buffer = "indicator,organisation,period,value\n";
  Rng rng{20261123};
  long written = 0;
  char line[128];
  for (int ind = 0; ind < kIndicators && written < series; ++ind) {
    for (long org = 0; org < per_indicator && written < series; ++org, ++written) {
      const double level = 100 + 20 * rng.Normal();
      const bool shifts = written % 5 == 0;  // a fifth of series change level two-thirds through
      for (int i = 0; i < points; ++i) {
        const int month = i % 12 + 1, year = 2019 + i / 12;
        double v = level + 5 * rng.Normal() + (shifts && i > 2 * points / 3 ? 12 : 0);
        char number[32];
        auto [end, ec] =
            std::to_chars(number, number + sizeof number, v, std::chars_format::fixed, 2);
        *end = '\0';
        const int n = std::snprintf(line, sizeof line, "ind%02d,org%07ld,%04d-%02d-01,%s\n", ind,
                                    org, year, month, number);
        buffer.append(line, n);
      }
      if (buffer.size() > (4 << 20)) {
        std::fwrite(buffer.data(), 1, buffer.size(), out);
        buffer.clear();
      }
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), out);
  if (std::fclose(out) != 0) {
    std::perror(argv[3]);
    return 1;
  }
  return 0;
}
