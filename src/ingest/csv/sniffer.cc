#include "ingest/csv/sniffer.h"

#include <array>
#include <string>
#include <vector>

#include "ingest/csv/tokenizer.h"
#include "ingest/dates.h"
#include "ingest/numbers.h"

namespace kaizen::ingest {
namespace {

constexpr int kSampleRows = 50;

// Field counts of the first rows (blank lines skipped) when split on `delimiter`.
std::vector<std::size_t> FieldCounts(std::string_view sample, bool whole, char delimiter) {
  std::string copy(sample);  // the tokenizer collapses quotes in place
  CsvTokenizer tokenizer(delimiter, copy.size() + 1);
  std::vector<std::size_t> counts;
  std::size_t pos = 0;
  while (counts.size() < kSampleRows) {
    const auto outcome = tokenizer.Next(copy.data(), copy.size(), &pos, whole);
    if (outcome != CsvTokenizer::Outcome::kRow && outcome != CsvTokenizer::Outcome::kBadRow) break;
    const auto fields = tokenizer.fields();
    if (fields.size() == 1 && fields[0].empty()) continue;
    counts.push_back(fields.size());
  }
  return counts;
}

}  // namespace

char SniffDelimiter(std::string_view sample, bool sample_is_whole_file, bool decimal_comma) {
  char best = decimal_comma ? ';' : ',';
  // Rank: consistent beats inconsistent, then more rows agreeing with the first, then more
  // fields.
  std::array<std::size_t, 3> best_rank = {0, 0, 0};
  for (char d : {',', ';', '\t'}) {
    if (decimal_comma && d == ',') continue;
    const auto counts = FieldCounts(sample, sample_is_whole_file, d);
    if (counts.empty() || counts[0] < 2) continue;
    std::size_t agreeing = 0;
    for (std::size_t c : counts) agreeing += c == counts[0];
    const std::array<std::size_t, 3> rank = {agreeing == counts.size() ? 1u : 0u, agreeing,
                                             counts[0]};
    if (rank > best_rank) {
      best_rank = rank;
      best = d;
    }
  }
  return best;
}

bool LooksLikeHeader(std::span<const std::string_view> fields) {
  bool any_name = false;
  for (std::string_view f : fields) {
    f = TrimSpaces(f);
    if (f.empty()) continue;
    double number;
    RawPeriod period;
    if (ParseNumber(f, &number) == NumberParse::kOk) return false;
    if (ParsePeriod(f, DateFormat::kAuto, false, &period) == PeriodParse::kOk) return false;
    any_name = true;
  }
  return any_name;
}

}  // namespace kaizen::ingest
