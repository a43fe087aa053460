// The indicator catalogue reader: TOML (format in docs/catalogue.md) into kaizen::Catalogue.
//
// toml++ is used in this folder only (architecture.md). The reader never stops at the first
// problem: every unknown key, wrong type and bad value becomes a Diagnostic carrying the line
// and column of the offending key or value, so one run shows the author every mistake.
#include "kaizen/catalogue.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/read_limited.h"
#include "ingest/expression.h"
#include "ingest/name_limits.h"
#include "ingest/numbers.h"
#include "kaizen/chart_traits.h"
#include "kaizen/number_format.h"

namespace kaizen {
namespace {

using Keys = std::span<const std::string_view>;

constexpr std::string_view kTopKeys[] = {"title", "columns", "where", "indicator"};
constexpr std::string_view kColumnKeys[] = {"indicator", "organisation", "period",
                                            "value",     "numerator",    "denominator",
                                            "comment",   "layout",       "decimal"};
constexpr std::string_view kIndicatorKeys[] = {"id",
                                               "reference",
                                               "name",
                                               "unit",
                                               "description",
                                               "domain",
                                               "direction",
                                               "chart",
                                               "profile",
                                               "overrides",
                                               "conflict_preference",
                                               "multiplier",
                                               "decimals",
                                               "target",
                                               "baseline",
                                               "rebase",
                                               "ghost",
                                               "annotation",
                                               "narrative",
                                               "aggregation",
                                               "accountable_person",
                                               "data_owner",
                                               "data_source",
                                               "data_quality",
                                               "refresh",
                                               "measure_type",
                                               "value",
                                               "numerator",
                                               "denominator",
                                               "where"};
constexpr std::string_view kTargetKeys[] = {"from",         "value",        "set_by",
                                            "reason",       "decided_by",   "decided_on",
                                            "organisation", "organisations"};
constexpr std::string_view kBaselineKeys[] = {"first_n", "from", "to"};
constexpr std::string_view kDecisionKeys[] = {"date",       "reason",       "decided_by",
                                              "decided_on", "organisation", "organisations"};
constexpr std::string_view kAnnotationKeys[] = {"date", "text", "organisation", "organisations"};
constexpr std::string_view kNarrativeKeys[] = {"period", "text", "author", "organisation",
                                               "organisations"};
constexpr std::string_view kRefresh[] = {"daily", "weekly", "monthly", "quarterly", "annual"};
constexpr std::string_view kMeasureTypes[] = {"outcome", "process", "balancing"};

std::string_view TypeName(toml::node_type type) {
  switch (type) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string JoinList(Keys words, std::string_view last_separator) {
  std::string s;
  std::size_t i = 0;
  for (std::string_view w : words) {
    if (i > 0) s += (i + 1 == words.size()) ? std::string(last_separator) : std::string(", ");
    s += w;
    ++i;
  }
  return s;
}

// Levenshtein distance, for "did you mean" hints on misspelt keys and parameter names.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The closest candidate, when it is near enough to be a likely typo: within two edits (one for
// words of three letters or fewer, which are all near each other), a third of the word's length
// for long words, or a prefix of at least three letters ("first" for "first_n").
std::string Closest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t allowed = word.size() <= 3 ? 1 : std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  if (best.empty() && word.size() >= 3) {
    for (const std::string& c : candidates) {
      if (c.starts_with(word) || word.starts_with(c)) return c;
    }
  }
  return best;
}

bool WrittenBefore(const toml::key& a, const toml::key& b) {
  const toml::source_position& pa = a.source().begin;
  const toml::source_position& pb = b.source().begin;
  return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
}

// A table's entries in the order they were written (toml::table is ordered by key), so that
// overrides apply in file order and diagnostics come out top to bottom.
std::vector<std::pair<const toml::key*, const toml::node*>> InSourceOrder(
    const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (auto&& [key, node] : table) entries.emplace_back(&key, &node);
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return WrittenBefore(*a.first, *b.first); });
  return entries;
}

std::string FormatNumber(double v) { return FormatShortest(v); }

bool IsBareKeyChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

struct TextPosition {
  int line = 0;
  int column = 0;
  char seen = 0;
};

// The index just past the string that opens at text[i] (a quote), or nullopt when it is not
// closed (a single-line string at its line's end, any string at the text's end).
std::optional<std::size_t> EndOfString(std::string_view text, std::size_t i) {
  const char c = text[i];
  const bool multi_line = text.substr(i, 3) == std::string(3, c);
  const std::string closing = multi_line ? std::string(3, c) : std::string(1, c);
  std::size_t j = i + closing.size();
  while (j < text.size()) {
    if (c == '"' && text[j] == '\\') {
      j += 2;  // an escape, possibly of a quote
    } else if (text.compare(j, closing.size(), closing) == 0) {
      break;
    } else if (!multi_line && text[j] == '\n') {
      return std::nullopt;
    } else {
      ++j;
    }
  }
  if (j >= text.size()) return std::nullopt;
  j += closing.size();
  // A multi-line string may end with up to two quotes of content before its closing three.
  for (int extra = 0; multi_line && extra < 2 && j < text.size() && text[j] == c; ++extra) ++j;
  return j;
}

// Where the key of the table header opening at text[i] ('[') starts, mirroring toml++'s
// parse_table_header: '[', spaces, an optional contiguous second '[', spaces, then the key.
// Returns nullopt for "[ [", which toml++ rejects itself.
std::optional<std::size_t> HeaderKeyStart(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  bool spaces = false;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) {
    ++j;
    spaces = true;
  }
  if (j < text.size() && text[j] == '[' && !spaces) {
    ++j;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
  } else if (j < text.size() && text[j] == '[') {
    return std::nullopt;
  }
  return j;
}

// toml++ 3.3 enters its key parser after a table header's '[' or '[[' without checking that a key
// starts there ("[&", "[[[1]]]"), which trips an assertion in debug builds and is undefined
// behaviour (a violated __builtin_assume) in release builds: marzer/tomlplusplus issue #294 and
// pull request #301. This scan finds such a header first, so the reader can report it as the
// syntax error it is. It tracks just enough of TOML's lexical structure (strings, comments, and
// the brackets of values) to tell a table header from a '[' inside a string or an array value.
// Returns the position of the character that cannot start a key, or nullopt when every header is
// safe to hand to toml++.
std::optional<TextPosition> FindHeaderWithoutKey(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  bool in_value = false;  // after a top-level '=' until the end of its value
  int depth = 0;          // brackets and braces open in the current value
  bool at_line_start = true;
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // toml++ skips a UTF-8 BOM
  line_start = i;
  auto skip_to = [&](std::size_t end) {
    for (; i < end && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      ++i;
      if (depth == 0) in_value = false;
      at_line_start = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    const bool first_on_line = at_line_start;
    at_line_start = false;
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      const std::optional<std::size_t> end = EndOfString(text, i);
      if (!end) return std::nullopt;  // toml++ reports it and stops before any later header
      skip_to(*end);
      continue;
    }
    if (in_value) {
      if (c == '[' || c == '{') ++depth;
      if ((c == ']' || c == '}') && depth > 0) --depth;
      ++i;
      continue;
    }
    if (c == '=') {
      in_value = true;
      ++i;
      continue;
    }
    if (c == '[' && first_on_line) {
      const std::optional<std::size_t> key = HeaderKeyStart(text, i);
      if (!key) {
        ++i;  // toml++ rejects "[ [" itself
        continue;
      }
      if (*key < text.size()) {
        const char k = text[*key];
        if (!IsBareKeyChar(k) && k != '"' && k != '\'' && k != ']') {
          return TextPosition{line, static_cast<int>(*key - line_start) + 1, k};
        }
      }
      i = *key;
      continue;
    }
    ++i;
  }
  return std::nullopt;
}

// Why `target` cannot be met on the indicator's chart ("" when it can): a proportion is at
// most 1 (times the multiplier: 100 for a percentage), and no count or rate is negative.
// The chart and the multiplier are read before the targets.
std::string TargetRangeProblem(const Indicator& ind, double target) {
  const ChartTraits& traits = TraitsOf(ind.chart);
  const bool proportion = traits.plots == Plotted::kProportion;
  const std::string chart = std::string(ChartTypeName(ind.chart)) + " chart";
  if (proportion && (target < 0 || target > ind.multiplier)) {
    return FormatNumber(target) + ", outside what a " + chart + " can plot (expected 0 to " +
           FormatNumber(ind.multiplier) + ": a proportion times the multiplier " +
           FormatNumber(ind.multiplier) +
           (ind.multiplier == 1 ? "; for percentages set multiplier = 100)" : ")");
  }
  // Every chart of counts (np, c, u, u′, g; t's times between events) plots zero or more; p
  // and p′, counts too, were held to their range above.
  const bool counts = traits.domain != CountDomain::kAny;
  if (counts && target < 0) {
    return FormatNumber(target) + ", below what a " + chart +
           " can plot (expected 0 or more: it counts events)";
  }
  return "";
}

class CatalogueReader {
 public:
  CatalogueReader(const std::string& file, Diagnostics* diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  void Read(const toml::table& root, Catalogue* out) {
    CheckKeys(root, kTopKeys, "the catalogue's top level");
    ReadString(root, "title", "the catalogue", &out->title);
    CheckLength(root, "title", "the catalogue's title", out->title);
    ReadExpression(root, "where", "the catalogue", ingest::ExpressionKind::kCondition, &out->where);
    if (const toml::node* columns = root.get("columns")) {
      if (const toml::table* t = ExpectTable(*columns, "'columns'")) ReadColumns(*t, &out->columns);
    }
    ForEachTable(root, "indicator", "the catalogue", "[[indicator]]", [&](const toml::table& t) {
      Indicator indicator;
      if (ReadIndicator(t, &indicator)) out->indicators.push_back(std::move(indicator));
    });
  }

 private:
  void Error(const toml::source_region& where, std::string message) {
    Error(diag::kBadCatalogue, where, std::move(message));
  }
  void Error(std::string_view code, const toml::source_region& where, std::string message) {
    diagnostics_->Error(code, file_, static_cast<int>(where.begin.line),
                        static_cast<int>(where.begin.column), std::move(message));
  }

  // Reports every key of `table` not in `known`, with the closest known key as a hint.
  void CheckKeys(const toml::table& table, Keys known, std::string_view where) {
    const std::vector<std::string> candidates(known.begin(), known.end());
    for (const auto& [key, node] : InSourceOrder(table)) {
      if (std::find(known.begin(), known.end(), key->str()) != known.end()) continue;
      std::string message =
          "unknown key '" + std::string(key->str()) + "' in " + std::string(where);
      const std::string hint = Closest(key->str(), candidates);
      if (!hint.empty()) {
        message += " (did you mean '" + hint + "'?)";
      } else {
        message += " (expected one of " + JoinList(known, " or ") + ")";
      }
      Error(diag::kUnknownKey, key->source(), std::move(message));
    }
  }

  const toml::table* ExpectTable(const toml::node& node, std::string_view what) {
    if (const toml::table* t = node.as_table()) return t;
    Error(node.source(),
          std::string(what) + " must be a table, found " + std::string(TypeName(node.type())));
    return nullptr;
  }

  // Calls `read` for each table of the array `key` (written [[where.key]] or key = [{...}]).
  void ForEachTable(const toml::table& parent, std::string_view key, std::string_view owner,
                    std::string_view header, const std::function<void(const toml::table&)>& read) {
    const toml::node* node = parent.get(key);
    if (node == nullptr) return;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      Error(node->source(), "'" + std::string(key) + "' in " + std::string(owner) +
                                " must be an array of tables (write " + std::string(header) +
                                " before each one), found " + std::string(TypeName(node->type())));
      return;
    }
    for (const toml::node& element : *array) {
      if (const toml::table* t = element.as_table()) {
        read(*t);
      } else {
        Error(element.source(), "each '" + std::string(key) + "' in " + std::string(owner) +
                                    " must be a table, found " +
                                    std::string(TypeName(element.type())));
      }
    }
  }

  bool ReadString(const toml::table& t, std::string_view key, std::string_view owner,
                  std::string* out) {
    const toml::node* node = t.get(key);
    if (node == nullptr) return false;
    if (const auto* s = node->as_string()) {
      *out = s->get();
      return true;
    }
    Error(node->source(), "'" + std::string(key) + "' in " + std::string(owner) +
                              " must be a string, found " + std::string(TypeName(node->type())));
    return false;
  }

  // Names every chart repeats have a length limit (ingest/name_limits.h).
  void CheckLength(const toml::table& t, std::string_view key, std::string_view what,
                   const std::string& value) {
    if (std::string problem = ingest::CheckNameLength(what, value); !problem.empty()) {
      Error(t.get(key)->source(), std::move(problem));
    }
  }

  // A string from a fixed vocabulary, stored as written.
  void ReadWord(const toml::table& t, std::string_view key, std::string_view owner, Keys allowed,
                std::string* out) {
    std::string word;
    if (!ReadString(t, key, owner, &word)) return;
    if (std::find(allowed.begin(), allowed.end(), word) == allowed.end()) {
      Error(t.get(key)->source(), "unknown " + std::string(key) + " '" + word + "' in " +
                                      std::string(owner) + " (expected " +
                                      JoinList(allowed, " or ") + ")");
      return;
    }
    *out = std::move(word);
  }

  // A string turned into a value by `parse`, whose error message already says what was expected.
  template <typename T>
  void ReadParsed(const toml::table& t, std::string_view key, std::string_view owner,
                  const std::function<Result<T>(std::string_view)>& parse, T* out) {
    std::string text;
    if (!ReadString(t, key, owner, &text)) return;
    Result<T> parsed = parse(text);
    if (!parsed.ok()) {
      Error(t.get(key)->source(), std::string(owner) + ": " + parsed.status().message());
      return;
    }
    *out = *parsed;
  }

  // A number; integers are accepted where a float is meant (TOML tells 95 and 95.0 apart).
  std::optional<double> ReadNumber(const toml::table& t, std::string_view key,
                                   std::string_view owner) {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    if (const auto* i = node->as_integer()) return static_cast<double>(i->get());
    if (const auto* f = node->as_floating_point()) return f->get();
    Error(node->source(), "'" + std::string(key) + "' in " + std::string(owner) +
                              " must be a number, found " + std::string(TypeName(node->type())));
    return std::nullopt;
  }

  // A TOML date (2024-04-01) or a string holding one ("2024-04-01").
  std::optional<Date> ReadDate(const toml::table& t, std::string_view key, std::string_view owner) {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    const std::string what = "'" + std::string(key) + "' in " + std::string(owner);
    if (const auto* d = node->as_date()) {
      const toml::date& v = d->get();
      Result<Date> date = Date::FromCivil(v.year, v.month, v.day);
      if (date.ok()) return *date;
      Error(node->source(), what + ": " + date.status().message());
      return std::nullopt;
    }
    if (const auto* s = node->as_string()) {
      Result<Date> date = Date::ParseIso(s->get());
      if (date.ok()) return *date;
      Error(node->source(), what + ": " + date.status().message());
      return std::nullopt;
    }
    Error(node->source(), what + " must be a date such as 2024-04-01, found " +
                              std::string(TypeName(node->type())));
    return std::nullopt;
  }

  // Reports a missing key at the table's own position (its [[header]] or opening brace).
  bool Require(const toml::table& t, std::string_view key, std::string_view owner,
               std::string_view why) {
    if (t.contains(key)) return true;
    Error(t.source(),
          std::string(owner) + " has no '" + std::string(key) + "' (" + std::string(why) + ")");
    return false;
  }

  // A measure or filter (src/ingest/expression.h), checked now so that a mistake is reported
  // at its column in the catalogue, not once per data row.
  void ReadExpression(const toml::table& t, std::string_view key, std::string_view owner,
                      ingest::ExpressionKind kind, std::string* out) {
    if (!ReadString(t, key, owner, out)) return;
    const toml::source_region& where = t.get(key)->source();
    if (ingest::TrimSpaces(*out).empty()) {
      Error(diag::kBadExpression, where,
            "'" + std::string(key) + "' in " + std::string(owner) +
                " is empty (expected a column name or an expression; leave the key out for "
                "the file's own column)");
      return;
    }
    ingest::ExpressionError error;
    if (ingest::Expression::Parse(*out, kind, &error)) return;
    diagnostics_->Error(
        diag::kBadExpression, file_, static_cast<int>(where.begin.line),
        ExpressionColumn(where, *out, error.offset),
        "'" + std::string(key) + "' in " + std::string(owner) + ": " + error.message);
  }

  // The catalogue column of byte `offset` of a string value: exact when the value is written
  // on one line without escapes (its source is then the text and two quotes), else the value's
  // own column.
  static int ExpressionColumn(const toml::source_region& where, std::string_view text, int offset) {
    const int begin = static_cast<int>(where.begin.column);
    const bool verbatim =
        where.begin.line == where.end.line &&
        static_cast<std::size_t>(where.end.column - where.begin.column) == text.size() + 2;
    return verbatim ? begin + 1 + offset : begin;
  }

  void ReadColumns(const toml::table& t, ColumnMapping* columns) {
    CheckKeys(t, kColumnKeys, "[columns]");
    const std::string owner = "[columns]";
    ReadString(t, "indicator", owner, &columns->indicator);
    ReadString(t, "organisation", owner, &columns->organisation);
    ReadString(t, "period", owner, &columns->period);
    ReadString(t, "value", owner, &columns->value);
    ReadString(t, "numerator", owner, &columns->numerator);
    ReadString(t, "denominator", owner, &columns->denominator);
    ReadString(t, "comment", owner, &columns->comment);
    ReadLayout(t, columns);
    ReadDecimal(t, columns);
  }

  void ReadLayout(const toml::table& t, ColumnMapping* columns) {
    std::string layout;
    if (!ReadString(t, "layout", "[columns]", &layout)) return;
    if (layout == "long") {
      columns->layout = TableLayout::kLong;
    } else if (layout == "wide") {
      columns->layout = TableLayout::kWide;
    } else if (layout == "auto") {
      columns->layout = TableLayout::kAuto;
    } else {
      Error(t.get("layout")->source(),
            "[columns] layout = '" + layout + "' (expected \"long\", \"wide\" or \"auto\")");
    }
  }

  void ReadDecimal(const toml::table& t, ColumnMapping* columns) {
    std::string decimal;
    if (!ReadString(t, "decimal", "[columns]", &decimal)) return;
    if (decimal == "." || decimal == ",") {
      columns->decimal = decimal[0];
    } else {
      Error(t.get("decimal")->source(),
            "[columns] decimal = '" + decimal + "' (expected \".\" or \",\")");
    }
  }

  // The id into ind->id; returns false when it is missing, empty or a duplicate (reported).
  bool ReadIndicatorId(const toml::table& t, Indicator* ind) {
    const std::string owner = "[[indicator]]";
    bool has_id = false;
    if (Require(t, "id", owner, "expected a short unique id, e.g. id = \"ae-4h\"")) {
      has_id = ReadString(t, "id", owner, &ind->id);
      if (has_id && ind->id.empty()) {
        Error(t.get("id")->source(), "'id' in [[indicator]] must not be empty");
        has_id = false;
      }
    }
    if (!has_id) return false;
    const int line = static_cast<int>(t.get("id")->source().begin.line);
    const auto [it, inserted] = id_lines_.emplace(ind->id, line);
    if (!inserted) {
      Error(t.get("id")->source(), "duplicate indicator id '" + ind->id +
                                       "' (first defined on line " + std::to_string(it->second) +
                                       "; expected each id to be unique)");
      return false;
    }
    return true;
  }

  // Returns false when the indicator has no usable id (it is then left out of the catalogue, and
  // its other errors have still been reported).
  bool ReadIndicator(const toml::table& t, Indicator* ind) {
    const bool has_id = ReadIndicatorId(t, ind);
    // Diagnostics name the indicator by its id once it has one ("[[indicator]]" until then).
    const std::string owner = ind->id.empty() ? "[[indicator]]" : "indicator '" + ind->id + "'";
    CheckKeys(t, kIndicatorKeys, owner);
    if (Require(t, "name", owner, "expected the name shown on the board report")) {
      ReadString(t, "name", owner, &ind->name);
    }
    CheckLength(t, "id", "the indicator id", ind->id);
    CheckLength(t, "name", "the indicator name", ind->name);
    ReadString(t, "reference", owner, &ind->reference);
    ReadString(t, "unit", owner, &ind->unit);
    ReadString(t, "description", owner, &ind->description);
    ReadString(t, "domain", owner, &ind->domain);
    ReadParsed<Direction>(t, "direction", owner, ParseDirection, &ind->direction);
    ReadParsed<ChartType>(t, "chart", owner, ParseChartType, &ind->chart);
    ReadParsed<Aggregation>(t, "aggregation", owner, ParseAggregation, &ind->aggregation);
    ReadParsed<ConflictPreference>(
        t, "conflict_preference", owner,
        [](std::string_view s) -> Result<ConflictPreference> {
          if (s == "concern") return ConflictPreference::kConcern;
          if (s == "improvement") return ConflictPreference::kImprovement;
          return Status::InvalidArgument("unknown conflict_preference '" + std::string(s) +
                                         "' (expected concern or improvement)");
        },
        &ind->conflict_preference);
    ReadScaleAndDecimals(t, owner, ind);
    ReadString(t, "accountable_person", owner, &ind->accountable_person);
    ReadString(t, "data_owner", owner, &ind->data_owner);
    ReadString(t, "data_source", owner, &ind->data_source);
    ReadString(t, "data_quality", owner, &ind->data_quality);
    ReadWord(t, "refresh", owner, kRefresh, &ind->refresh);
    ReadWord(t, "measure_type", owner, kMeasureTypes, &ind->measure_type);
    ReadExpression(t, "value", owner, ingest::ExpressionKind::kMeasure, &ind->value_expression);
    ReadExpression(t, "numerator", owner, ingest::ExpressionKind::kMeasure,
                   &ind->numerator_expression);
    ReadExpression(t, "denominator", owner, ingest::ExpressionKind::kMeasure,
                   &ind->denominator_expression);
    ReadExpression(t, "where", owner, ingest::ExpressionKind::kCondition, &ind->where);
    ReadProfile(t, owner, ind);
    ReadDecisionsAndNotes(t, owner, ind);
    SortAndCheckDates(t, owner, ind);
    return has_id;
  }

  // The multiplier (values are shown times it) and the display decimals.
  void ReadScaleAndDecimals(const toml::table& t, const std::string& owner, Indicator* ind) {
    if (std::optional<double> m = ReadNumber(t, "multiplier", owner)) {
      if (std::isfinite(*m) && *m > 0) {
        ind->multiplier = *m;
      } else {
        Error(t.get("multiplier")->source(), "'multiplier' in " + owner + " is " +
                                                 FormatNumber(*m) +
                                                 " (expected a positive number, e.g. 1000)");
      }
    }
    // The display precision, when the data's own spread would choose wrongly (a percentage
    // that moves in tenths but should read with one decimal).
    if (std::optional<double> d = ReadNumber(t, "decimals", owner)) {
      if (*d >= 0 && *d <= kMaxDisplayDecimals && *d == std::floor(*d)) {
        ind->decimals = static_cast<int>(*d);
      } else {
        Error(t.get("decimals")->source(), "'decimals' in " + owner + " is " + FormatNumber(*d) +
                                               " (expected a whole number from 0 to " +
                                               std::to_string(kMaxDisplayDecimals) + ")");
      }
    }
  }

  // The baseline and the indicator's tables: targets, rebases, ghosts, annotations and
  // narratives.
  void ReadDecisionsAndNotes(const toml::table& t, const std::string& owner, Indicator* ind) {
    if (const toml::node* b = t.get("baseline")) {
      if (const toml::table* bt = ExpectTable(*b, "'baseline' in " + owner)) {
        ReadBaseline(*bt, owner, &ind->baseline);
      }
    }
    ForEachTable(t, "target", owner, "[[indicator.target]]",
                 [&](const toml::table& tt) { ReadTarget(tt, owner, ind); });
    ForEachTable(t, "rebase", owner, "[[indicator.rebase]]", [&](const toml::table& tt) {
      if (auto d = ReadDecision(tt, owner + ", rebase", "limits are recalculated"))
        ind->rebases.push_back({d->date, d->decision, d->organisations});
    });
    ForEachTable(t, "ghost", owner, "[[indicator.ghost]]", [&](const toml::table& tt) {
      if (auto d = ReadDecision(tt, owner + ", ghost", "the point is left out"))
        ind->ghosts.push_back({d->date, d->decision, d->organisations});
    });
    ForEachTable(t, "annotation", owner, "[[indicator.annotation]]",
                 [&](const toml::table& tt) { ReadAnnotation(tt, owner, ind); });
    ForEachTable(t, "narrative", owner, "[[indicator.narrative]]",
                 [&](const toml::table& tt) { ReadNarrative(tt, owner, ind); });
  }

  // The profile name and the overrides, each checked against the parameter registry now, so a
  // mistyped parameter is reported with its line rather than when the chart is drawn.
  void ReadProfile(const toml::table& t, const std::string& owner, Indicator* ind) {
    Profile profile;  // defaults: still lets overrides be checked when the name is unknown
    if (ReadString(t, "profile", owner, &ind->profile)) {
      Result<Profile> found = FindProfile(ind->profile);
      if (found.ok()) {
        profile = *found;
      } else {
        Error(t.get("profile")->source(), owner + ": " + found.status().message());
      }
    } else if (Result<Profile> found = FindProfile(ind->profile); found.ok()) {
      profile = *found;
    }
    const toml::node* node = t.get("overrides");
    if (node == nullptr) return;
    const toml::table* overrides =
        ExpectTable(*node, "'overrides' in " + owner + " (e.g. overrides = { trend_length = 6 })");
    if (overrides == nullptr) return;
    std::vector<std::string> names;
    for (const ParameterInfo& p : ProfileParameters()) names.push_back(p.name);
    ReadOverrides(*overrides, owner, names, &profile, &ind->overrides);
  }

  struct OverrideEntry {
    std::string name;
    const toml::key* key;
    const toml::node* value;
  };

  // Nested tables are flattened with dots, so `two_of_three.enabled = false` (a TOML dotted key)
  // and `"two_of_three.enabled" = false` both name the parameter two_of_three.enabled.
  static void FlattenOverrides(const toml::table& t, const std::string& prefix,
                               std::vector<OverrideEntry>* out) {
    for (auto&& [key, node] : t) {
      std::string name =
          prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
      if (const toml::table* nested = node.as_table()) {
        FlattenOverrides(*nested, name, out);
      } else {
        out->push_back({std::move(name), &key, &node});
      }
    }
  }

  // Applied in file order, as ResolveProfile will apply them, so a check that depends on an
  // earlier override sees it.
  void ReadOverrides(const toml::table& t, const std::string& owner,
                     const std::vector<std::string>& names, Profile* profile,
                     ProfileOverrides* out) {
    std::vector<OverrideEntry> entries;
    FlattenOverrides(t, "", &entries);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return WrittenBefore(*a.key, *b.key); });
    for (const OverrideEntry& e : entries) {
      std::optional<std::string> text = OverrideText(*e.value);
      if (!text) {
        Error(e.value->source(), "override '" + e.name + "' in " + owner +
                                     " must be a number, a boolean or a string, found " +
                                     std::string(TypeName(e.value->type())));
        continue;
      }
      const Status status = SetParameter(profile, e.name, *text);
      if (status.code() == StatusCode::kNotFound) {
        std::string message = "unknown profile parameter '" + e.name + "' in " + owner;
        const std::string hint = Closest(e.name, names);
        message +=
            hint.empty() ? " (`kaizen profiles` lists them)" : " (did you mean '" + hint + "'?)";
        Error(e.key->source(), std::move(message));
      } else if (!status.ok()) {
        Error(e.value->source(), owner + ": " + status.message());
      } else {
        out->emplace_back(e.name, std::move(*text));
      }
    }
  }

  // The text form SetParameter reads; an array of strings is joined by commas (precedence).
  static std::optional<std::string> OverrideText(const toml::node& node) {
    if (const auto* s = node.as_string()) return s->get();
    if (const auto* i = node.as_integer()) return std::to_string(i->get());
    if (const auto* f = node.as_floating_point()) return FormatNumber(f->get());
    if (const auto* b = node.as_boolean()) return std::string(b->get() ? "true" : "false");
    if (const auto* a = node.as_array()) {
      std::string joined;
      for (const toml::node& e : *a) {
        const auto* s = e.as_string();
        if (s == nullptr) return std::nullopt;
        joined += (joined.empty() ? "" : ",") + s->get();
      }
      return joined;
    }
    return std::nullopt;
  }

  void ReadBaseline(const toml::table& t, const std::string& owner, Baseline* baseline) {
    const std::string where = "the baseline of " + owner;
    CheckKeys(t, kBaselineKeys, where);
    if (const toml::node* n = t.get("first_n")) {
      const auto* i = n->as_integer();
      if (i == nullptr || i->get() < 1 || i->get() > 1'000'000) {
        Error(n->source(), "'first_n' in " + where +
                               " must be a whole number of points of at least 1, found " +
                               (i ? std::to_string(i->get()) : std::string(TypeName(n->type()))));
      } else {
        baseline->first_n = static_cast<int>(i->get());
      }
    }
    baseline->from = ReadDate(t, "from", where);
    baseline->to = ReadDate(t, "to", where);
    if (t.contains("first_n") && (t.contains("from") || t.contains("to"))) {
      Error(t.source(), where + " gives both first_n and dates (expected first_n, or from/to)");
    }
    if (baseline->from && baseline->to && *baseline->to < *baseline->from) {
      Error(t.get("to")->source(), where + " ends (" + baseline->to->ToIso() +
                                       ") before it starts (" + baseline->from->ToIso() + ")");
    }
  }

  void ReadDecisionFields(const toml::table& t, const std::string& owner, Decision* d) {
    ReadString(t, "reason", owner, &d->reason);
    ReadString(t, "decided_by", owner, &d->decided_by);
    d->decided_on = ReadDate(t, "decided_on", owner);
  }

  void ReadTarget(const toml::table& t, const std::string& indicator_owner, Indicator* ind) {
    const std::string owner = indicator_owner + ", target";
    CheckKeys(t, kTargetKeys, owner);
    TargetStep step;
    bool ok = Require(t, "from", owner, "expected the date the target applies from");
    if (std::optional<Date> from = ReadDate(t, "from", owner)) {
      step.from = *from;
    } else {
      ok = false;
    }
    if (Require(t, "value", owner, "expected a number, or \"none\" when the target is withdrawn")) {
      const toml::node* v = t.get("value");
      if (const auto* s = v->as_string(); s != nullptr && s->get() == "none") {
        step.value = kMissing;  // ends the previous target (Indicator::TargetAt)
      } else if (v->is_number()) {
        step.value = *ReadNumber(t, "value", owner);
        if (!std::isfinite(step.value)) {
          Error(v->source(), "'value' in " + owner +
                                 " must be a finite number (write \"none\" to withdraw a target)");
          ok = false;
        } else if (std::string problem = TargetRangeProblem(*ind, step.value); !problem.empty()) {
          Error(diag::kTargetOutOfRange, v->source(), "'value' in " + owner + " is " + problem);
          ok = false;
        }
      } else {
        Error(v->source(), "'value' in " + owner + " must be a number or \"none\", found " +
                               (v->is_string() ? "'" + v->as_string()->get() + "'"
                                               : std::string(TypeName(v->type()))));
        ok = false;
      }
    } else {
      ok = false;
    }
    ReadString(t, "set_by", owner, &step.set_by);
    ReadDecisionFields(t, owner, &step.decision);
    ok = ReadOrganisations(t, owner, &step.organisations) && ok;
    if (ok) {
      ind->targets.push_back(std::move(step));
      target_sources_.push_back(t.get("from")->source());
    }
  }

  // A rebase or a ghost: a date and why. The reason is required because a board member must be
  // able to see why limits moved or a point was set aside (domain.md: record every decision).
  struct DatedDecision {
    Date date;
    Decision decision;
    OrganisationScope organisations;
  };
  std::optional<DatedDecision> ReadDecision(const toml::table& t, const std::string& owner,
                                            std::string_view consequence) {
    CheckKeys(t, kDecisionKeys, owner);
    bool ok = Require(t, "date", owner, "expected the date of the point");
    ok = Require(t, "reason", owner,
                 "expected why " + std::string(consequence) + ", e.g. reason = \"...\"") &&
         ok;
    std::optional<Date> date = ReadDate(t, "date", owner);
    DatedDecision d;
    ReadDecisionFields(t, owner, &d.decision);
    ok = ReadOrganisations(t, owner, &d.organisations) && ok;
    if (!ok || !date) return std::nullopt;
    d.date = *date;
    return d;
  }

  // `organisation = "RXX"` or `organisation = ["RXX", "RYY"]` (`organisations` is the same key):
  // the organisations a decision applies to. Absent: every organisation. Returns false after
  // reporting a value that names none.
  bool ReadOrganisations(const toml::table& t, const std::string& owner, OrganisationScope* out) {
    const toml::node* singular = t.get("organisation");
    const toml::node* plural = t.get("organisations");
    if (singular && plural) {
      Error(plural->source(), owner +
                                  " gives both 'organisation' and 'organisations' (expected "
                                  "one: organisation = [\"RXX\", \"RYY\"] names several)");
      return false;
    }
    const toml::node* node = singular ? singular : plural;
    if (node == nullptr) return true;
    const std::string what =
        "'" + std::string(singular ? "organisation" : "organisations") + "' in " + owner;
    const std::string expected =
        " (expected an organisation code such as \"RXX\", or a list such as [\"RXX\", "
        "\"RYY\"]; leave the key out for every organisation)";
    std::vector<const toml::node*> items;
    if (const toml::array* list = node->as_array()) {
      for (const toml::node& item : *list) items.push_back(&item);
      if (items.empty()) {
        Error(node->source(), what + " is an empty list" + expected);
        return false;
      }
    } else {
      items.push_back(node);
    }
    bool ok = true;
    for (const toml::node* item : items) {
      const auto* name = item->as_string();
      if (name == nullptr || name->get().empty()) {
        Error(item->source(), what +
                                  (name ? " names an empty organisation"
                                        : " must name organisations, found " +
                                              std::string(TypeName(item->type()))) +
                                  expected);
        ok = false;
        continue;
      }
      if (std::find(out->names.begin(), out->names.end(), name->get()) == out->names.end())
        out->names.push_back(name->get());
    }
    out->line = static_cast<int>(node->source().begin.line);
    out->column = static_cast<int>(node->source().begin.column);
    if (!ok) out->names.clear();
    return ok;
  }

  void ReadAnnotation(const toml::table& t, const std::string& indicator_owner, Indicator* ind) {
    const std::string owner = indicator_owner + ", annotation";
    CheckKeys(t, kAnnotationKeys, owner);
    bool ok = Require(t, "date", owner, "expected the date the note is attached to");
    ok = Require(t, "text", owner, "expected the note itself") && ok;
    Annotation a;
    std::optional<Date> date = ReadDate(t, "date", owner);
    ok = ReadString(t, "text", owner, &a.text) && ok;
    ok = ReadOrganisations(t, owner, &a.organisations) && ok;
    if (!ok || !date) return;
    a.date = *date;
    ind->annotations.push_back(std::move(a));
  }

  void ReadNarrative(const toml::table& t, const std::string& indicator_owner, Indicator* ind) {
    const std::string owner = indicator_owner + ", narrative";
    CheckKeys(t, kNarrativeKeys, owner);
    bool ok = Require(t, "period", owner, "expected the period the narrative is about");
    ok = Require(t, "text", owner, "expected the cause, actions and escalation") && ok;
    Narrative n;
    std::optional<Date> period = ReadDate(t, "period", owner);
    ok = ReadString(t, "text", owner, &n.text) && ok;
    ReadString(t, "author", owner, &n.author);
    ok = ReadOrganisations(t, owner, &n.organisations) && ok;
    if (!ok || !period) return;
    n.period = *period;
    ind->narratives.push_back(std::move(n));
  }

  // Targets are a step function of date, so two steps on one date would be ambiguous; the model
  // wants them sorted. Rebases and ghosts are sorted too so consumers can merge them in one pass.
  void SortAndCheckDates(const toml::table& t, const std::string& owner, Indicator* ind) {
    std::vector<std::size_t> order(ind->targets.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return ind->targets[a].from < ind->targets[b].from;
    });
    std::vector<TargetStep> sorted;
    for (std::size_t k = 0; k < order.size(); ++k) {
      // Steps of one date clash when some organisation would get both (an organisation's own
      // step beside the shared one of that date is how it replaces it).
      for (std::size_t j = k; j-- > 0;) {
        const TargetStep& earlier = ind->targets[order[j]];
        const TargetStep& later = ind->targets[order[k]];
        if (earlier.from != later.from) break;
        if (!earlier.organisations.Overlaps(later.organisations) ||
            earlier.organisations.Everyone() != later.organisations.Everyone())
          continue;
        // Reported at the later of the two, naming the earlier one's line.
        const std::size_t a = std::min(order[k], order[j]);
        const std::size_t b = std::max(order[k], order[j]);
        Error(target_sources_[b], owner + " already has a target from " +
                                      ind->targets[b].from.ToIso() + " (line " +
                                      std::to_string(target_sources_[a].begin.line) +
                                      "; expected one target per date for each organisation)");
        break;
      }
      sorted.push_back(ind->targets[order[k]]);
    }
    ind->targets = std::move(sorted);
    target_sources_.clear();
    auto by_date = [](const auto& a, const auto& b) { return a.date < b.date; };
    std::stable_sort(ind->rebases.begin(), ind->rebases.end(), by_date);
    std::stable_sort(ind->ghosts.begin(), ind->ghosts.end(), by_date);
    for (std::size_t i = 1; i < ind->rebases.size(); ++i) {
      for (std::size_t j = i; j-- > 0;) {
        if (ind->rebases[j].date != ind->rebases[i].date) break;
        if (!ind->rebases[j].organisations.Overlaps(ind->rebases[i].organisations)) continue;
        Error(t.source(), owner + " has two rebases on " + ind->rebases[i].date.ToIso() +
                              " for one organisation (expected one per date)");
        break;
      }
    }
  }

  const std::string& file_;
  Diagnostics* diagnostics_;
  std::map<std::string, int> id_lines_;              // indicator id -> line of its first definition
  std::vector<toml::source_region> target_sources_;  // each target's 'from', in file order
};

}  // namespace

Result<Catalogue> ParseCatalogue(std::string_view text, const std::string& file_name,
                                 Diagnostics* diagnostics) {
  Diagnostics local;
  if (diagnostics == nullptr) diagnostics = &local;
  const std::size_t errors_before = diagnostics->error_count();
  Catalogue catalogue;
  auto syntax_error = [&](const toml::parse_error& e) {
    diagnostics->Error(diag::kTomlSyntax, file_name, static_cast<int>(e.source().begin.line),
                       static_cast<int>(e.source().begin.column),
                       "TOML syntax error: " + std::string(e.description()));
  };
  if (std::optional<TextPosition> bad = FindHeaderWithoutKey(text)) {
    const unsigned char seen = static_cast<unsigned char>(bad->seen);
    std::string what = seen >= 0x20 && seen < 0x7f ? "'" + std::string(1, bad->seen) + "'"
                                                   : "byte " + std::to_string(seen);
    diagnostics->Error(diag::kTomlSyntax, file_name, bad->line, bad->column,
                       "TOML syntax error: expected a key after the '[' of a table header (a bare "
                       "key of letters, digits, _ and -, or a quoted key), saw " +
                           what);
    return Status::InvalidArgument(file_name + ": 1 error in the indicator catalogue");
  }
#if TOML_EXCEPTIONS
  try {
    const toml::table root = toml::parse(text, file_name);
    CatalogueReader(file_name, diagnostics).Read(root, &catalogue);
  } catch (const toml::parse_error& e) {
    syntax_error(e);
  }
#else
  toml::parse_result parsed = toml::parse(text, file_name);
  if (parsed) {
    CatalogueReader(file_name, diagnostics).Read(parsed.table(), &catalogue);
  } else {
    syntax_error(parsed.error());
  }
#endif
  const std::size_t errors = diagnostics->error_count() - errors_before;
  if (errors > 0) {
    return Status::InvalidArgument(file_name + ": " + std::to_string(errors) +
                                   (errors == 1 ? " error" : " errors") +
                                   " in the indicator catalogue");
  }
  return catalogue;
}

Result<Catalogue> ReadCatalogue(const std::string& path, Diagnostics* diagnostics, Env* env) {
  std::string content;
  if (Status s =
          ReadFileLimited(path, kMaxCatalogueBytes, "the indicator catalogue", &content, env);
      !s.ok()) {
    return s;
  }
  return ParseCatalogue(content, path, diagnostics);
}

}  // namespace kaizen
