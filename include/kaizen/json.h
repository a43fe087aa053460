// JSON serialisation of the engine's results, for the HTTP API, the browser dashboard and
// `kaizen export`. The schema (field names, enum spellings, nulls) is documented with an
// example in docs/api.md; names are the C++ field names, enums are written by their names from
// the one table (kaizen/names.h), dates as ISO "2024-03-01", and a
// number the engine left as NaN (no limit, no value) as null.
//
// The functions are pure and thread-safe, and never throw: text that is not valid UTF-8 (an
// organisation name read from a Latin-1 file, say) is written with U+FFFD in its place.
#ifndef KAIZEN_JSON_H_
#define KAIZEN_JSON_H_

#include <string>
#include <string_view>

namespace kaizen {

// The version of every JSON document kaizen writes, at its top level as "schema_version", and
// of every CSV layout (docs/api.md, "Versioning"). It changes when a field or column is renamed,
// removed or changes meaning; adding a field does not change it.
inline constexpr int kSchemaVersion = 1;

// A top-level document holding one list, {"schema_version":1,"<key>":[item,item,...]}, written
// in pieces so that millions of points stream: Head(), then Append() per item (a JSON value
// from one of the functions below), then Tail(). The document is one line, as the items are.
class JsonListDocument {
 public:
  // `key` names the list: "series", "rows", "comparisons", "profiles".
  explicit JsonListDocument(std::string_view key) : key_(key) {}
  std::string Head() const;
  void Append(std::string_view item, std::string* out);
  // The closing brackets and the final newline.
  static std::string Tail();

 private:
  std::string key_;
  bool empty_ = true;
};

struct SeriesResult;
struct Profile;
struct ProfileComparison;

// `indent` < 0 writes one line; otherwise each level is indented by that many spaces.
std::string SeriesResultToJson(const SeriesResult& result, int indent = -1);
// The profile's name, description, source and every registry parameter (ProfileParameters())
// as the text SetParameter() accepts, so a profile read back from JSON round-trips.
std::string ProfileToJson(const Profile& profile, int indent = -1);
std::string ProfileComparisonToJson(const ProfileComparison& comparison, int indent = -1);

}  // namespace kaizen

#endif  // KAIZEN_JSON_H_
