// docs/profiles.md must not fall behind the code: every profile and parameter is named in it,
// and its table of values equals what GetParameter reads from each named profile.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kaizen/profile.h"
#include "test_support.h"

namespace kaizen {
namespace {

const std::string& Doc() {
  static const std::string doc = testing::ReadFile(testing::SourcePath("docs/profiles.md"));
  return doc;
}

// The cells of a markdown table row "| a | b |", trimmed; empty when `line` is not a row.
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  if (line.size() < 2 || line.front() != '|' || line.back() != '|') return cells;
  std::string cell;
  std::istringstream in(line.substr(1, line.size() - 2));
  while (std::getline(in, cell, '|')) {
    const auto b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
    cells.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
  }
  return cells;
}

std::string Unquote(const std::string& s) {
  return s.size() >= 2 && s.front() == '`' && s.back() == '`' ? s.substr(1, s.size() - 2) : s;
}

// The rows of the first table under "## <section>", keyed by their first cell (unquoted).
std::map<std::string, std::vector<std::string>> Table(const std::string& section,
                                                      std::vector<std::string>* header) {
  std::map<std::string, std::vector<std::string>> rows;
  const std::size_t start = Doc().find("\n## " + section + "\n");
  if (start == std::string::npos) {
    ADD_FAILURE() << "docs/profiles.md has no section '" << section << "'";
    return rows;
  }
  std::istringstream in(Doc().substr(start + 1));
  std::string line;
  std::getline(in, line);  // the heading
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) break;
    std::vector<std::string> cells = Cells(line);
    if (cells.empty()) {
      if (in_table) break;
      continue;
    }
    if (!in_table) {
      in_table = true;
      *header = cells;
      continue;
    }
    if (cells[0].rfind("---", 0) == 0) continue;
    rows[Unquote(cells[0])] = cells;
  }
  return rows;
}

TEST(ProfilesDoc, ListsEveryProfile) {
  std::vector<std::string> header;
  const auto rows = Table("Profiles", &header);
  for (const std::string& name : ProfileNames()) {
    auto it = rows.find(name);
    ASSERT_NE(it, rows.end()) << "docs/profiles.md does not list profile " << name;
    // The description column repeats the profile's own description word for word.
    if (name != "mdc-2023") {
      EXPECT_EQ(it->second[1], FindProfile(name)->description) << name;
    }
  }
  EXPECT_EQ(rows.size(), ProfileNames().size()) << "docs/profiles.md lists an unknown profile";
}

TEST(ProfilesDoc, DescribesEveryParameter) {
  std::vector<std::string> header;
  const auto rows = Table("Parameters", &header);
  for (const ParameterInfo& info : ProfileParameters()) {
    auto it = rows.find(info.name);
    ASSERT_NE(it, rows.end()) << "docs/profiles.md does not describe parameter " << info.name;
    EXPECT_EQ(it->second.size(), 3u) << info.name;
    EXPECT_FALSE(it->second[2].empty()) << info.name << " has no source";
  }
  EXPECT_EQ(rows.size(), ProfileParameters().size()) << "a parameter the code no longer has";
}

TEST(ProfilesDoc, ValuesTableMatchesTheCode) {
  std::vector<std::string> header;
  const auto rows = Table("Values", &header);
  const std::vector<std::string> names = ProfileNames();
  ASSERT_EQ(header.size(), names.size() + 1);
  for (std::size_t k = 0; k < names.size(); ++k)
    EXPECT_EQ(header[k + 1], names[k]) << "column " << k + 1;
  for (const ParameterInfo& info : ProfileParameters()) {
    auto it = rows.find(info.name);
    ASSERT_NE(it, rows.end()) << "the values table has no row for " << info.name;
    ASSERT_EQ(it->second.size(), header.size()) << info.name;
    for (std::size_t k = 0; k < names.size(); ++k) {
      const std::string& profile = names[k];
      std::string value = *GetParameter(*FindProfile(profile), info.name);
      if (value.empty()) value = "\u2014";  // an em dash marks an empty value
      EXPECT_EQ(it->second[k + 1], value) << info.name << " under " << profile;
    }
  }
  EXPECT_EQ(rows.size(), ProfileParameters().size());
}

}  // namespace
}  // namespace kaizen
