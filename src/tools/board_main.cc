// kaizen-board: prints the board summary of the bundled A&E example (make run) until the
// `kaizen` command line arrives. Reads a long-format CSV with the columns
// period,org_code,attendances,breaches,admissions and reports, per trust, 4-hour performance
// (p′ chart against the 95 % standard) and attendances and admissions (XmR charts).
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kaizen/spc.h"

namespace {

using kaizen::ChartType;
using kaizen::Direction;
using kaizen::Indicator;
using kaizen::Series;

struct TrustData {
  Series four_hours, attendances, admissions;
};

bool ParseNumber(std::string_view text, double* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Reads the example CSV; on bad input prints file:line:column and what was expected.
bool ReadExample(const std::string& path, std::map<std::string, TrustData>* trusts) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << path << ": cannot open the file\n";
    return false;
  }
  std::string line;
  int line_no = 0;
  const char* kHeader = "period,org_code,attendances,breaches,admissions";
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1) {
      if (line != kHeader) {
        std::cerr << path << ":1:1: expected the header '" << kHeader << "'\n";
        return false;
      }
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream ss(line);
    for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
    if (fields.size() != 5) {
      std::cerr << path << ":" << line_no << ": expected 5 fields, found " << fields.size()
                << "\n";
      return false;
    }
    auto date = kaizen::Date::ParseIso(fields[0]);
    if (!date.ok()) {
      std::cerr << path << ":" << line_no << ":1: " << date.status().message() << "\n";
      return false;
    }
    double numbers[3];
    for (int k = 0; k < 3; ++k) {
      if (!ParseNumber(fields[2 + k], &numbers[k]) || numbers[k] < 0) {
        std::cerr << path << ":" << line_no << ":" << 3 + k << ": expected a count, found '"
                  << fields[2 + k] << "'\n";
        return false;
      }
    }
    TrustData& t = (*trusts)[fields[1]];
    const double attendances = numbers[0], breaches = numbers[1], admissions = numbers[2];
    t.four_hours.Add({.period = *date, .numerator = attendances - breaches,
                      .denominator = attendances});
    t.attendances.Add({.period = *date, .value = attendances});
    t.admissions.Add({.period = *date, .value = admissions});
  }
  return true;
}

std::vector<Indicator> ExampleIndicators() {
  Indicator four_hours;
  four_hours.id = "ae_4h";
  four_hours.name = "A&E type 1: % seen within 4 hours";
  four_hours.chart = ChartType::kPPrime;
  four_hours.direction = Direction::kHigherIsBetter;
  four_hours.multiplier = 100;  // shown as a percentage
  four_hours.targets = {{.from = kaizen::Date(0), .value = 95.0, .set_by = "national"}};

  Indicator attendances;
  attendances.id = "ae_attendances";
  attendances.name = "A&E type 1 attendances";
  attendances.chart = ChartType::kXmr;
  attendances.direction = Direction::kNeither;

  Indicator admissions = attendances;
  admissions.id = "ae_admissions";
  admissions.name = "Emergency admissions via type 1 A&E";
  return {four_hours, attendances, admissions};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kaizen-board EXAMPLE.csv\n";
    return 2;
  }
  std::map<std::string, TrustData> trusts;
  if (!ReadExample(argv[1], &trusts)) return 2;

  const std::vector<Indicator> indicators = ExampleIndicators();
  kaizen::SpcEngine engine;
  kaizen::SeriesResult result;
  std::printf("%-38s %-5s %-10s %10s %10s %10s %10s  %-16s %-11s\n", "indicator", "org",
              "updated to", "latest", "mean", "lower", "upper", "variation", "assurance");
  std::vector<std::string> sentences;
  for (const Indicator& ind : indicators) {
    auto profile = kaizen::ResolveProfile(ind.profile, ind.overrides);
    if (!profile.ok()) {
      std::cerr << profile.status().message() << "\n";
      return 1;
    }
    for (auto& [org, data] : trusts) {
      Series& s = ind.id == "ae_4h" ? data.four_hours
                  : ind.id == "ae_attendances" ? data.attendances : data.admissions;
      s.indicator_id = ind.id;
      s.organisation = org;
      if (auto st = engine.Analyse(ind, *profile, s, &result); !st.ok()) {
        std::cerr << argv[1] << ": " << st.message() << "\n";
        return 2;
      }
      if (result.latest < 0) continue;
      const kaizen::PointResult& p = result.points[result.latest];
      std::printf("%-38s %-5s %-10s %10.1f %10.1f %10.1f %10.1f  %-16s %-11s\n",
                  ind.name.c_str(), org.c_str(), p.period.ToIso().c_str(), p.value, p.centre,
                  p.lower3, p.upper3, std::string(VariationIconName(result.variation)).c_str(),
                  std::string(AssuranceIconName(result.assurance)).c_str());
      sentences.push_back(org + " " + ind.id + ": " + result.summary);
    }
  }
  std::printf("\n");
  for (const std::string& s : sentences) std::printf("%s\n", s.c_str());
  return 0;
}
