// The .xlsx sheet reader: libzip opens the workbook's parts, pugixml parses them (both are used in
// this folder only, architecture.md). Parts and elements follow ECMA-376 Part 1 (SpreadsheetML):
// xl/workbook.xml names the sheets and their relationship ids, xl/_rels/workbook.xml.rels maps
// those ids to the sheet parts, xl/sharedStrings.xml holds the shared strings and xl/styles.xml
// the number formats that say which numbers are dates.
#include "ingest/xlsx/xlsx_reader.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/xlsx/xlsx_cells.h"

namespace kaizen::ingest {
namespace {

// A part larger than this is refused rather than inflated: a real sheet of Excel's full size in
// the long format is far smaller, and a "zip bomb" would otherwise exhaust memory.
constexpr zip_uint64_t kMaxPartBytes = 1ull << 31;

// Element and attribute names without their namespace prefix: most writers use the default
// namespace ("sheet"), some a prefix ("x:sheet", the .NET Open XML SDK).
std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node parent, std::string_view local_name) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local_name) return c;
  }
  return {};
}

template <typename F>
void ForEachChild(pugi::xml_node parent, std::string_view local_name, F&& f) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local_name) f(c);
  }
}

// The text of a string item (<si>, <is>): its <t>, or its rich-text runs' <t>s joined; phonetic
// runs (<rPh>) are reading aids, not content.
std::string StringItemText(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = LocalName(c.name());
    if (name == "t") {
      text += c.text().get();
    } else if (name == "r") {
      if (pugi::xml_node t = Child(c, "t")) text += t.text().get();
    }
  }
  return text;
}

bool ParseInt(std::string_view text, int* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }  // read-only: nothing to write back
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

class Workbook {
 public:
  Workbook(std::string path, Diagnostics* diagnostics)
      : path_(std::move(path)), diagnostics_(diagnostics) {}

  Status Open() {
    int error = 0;
    zip_.reset(zip_open(path_.c_str(), ZIP_RDONLY, &error));
    if (zip_) return Status::Ok();
    zip_error_t ze;
    zip_error_init_with_code(&ze, error);
    const std::string reason = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN) {
      return Status::NotFound("cannot open '" + path_ + "': " + reason);
    }
    return Fail("'" + path_ + "' is not an .xlsx workbook (expected a zip archive: " + reason +
                ")");
  }

  // Reports a problem with the whole workbook and returns it as the read's status.
  Status Fail(std::string message) {
    diagnostics_->Error(path_, 0, 0, message);
    return Status::InvalidArgument(std::move(message));
  }

  // The bytes of a part, nullopt when the archive has no such part (a missing optional part);
  // a part that exists but cannot be read sets *status.
  std::optional<std::string> ReadPart(const std::string& name, Status* status) {
    zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (index < 0) index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes) {
      *status = Fail(name + " in '" + path_ + "' is larger than 2 GiB uncompressed");
      return std::nullopt;
    }
    zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) {
      *status = Fail("cannot read " + name + " in '" + path_ +
                     "': " + zip_error_strerror(zip_get_error(zip_.get())));
      return std::nullopt;
    }
    std::string bytes;
    if (st.valid & ZIP_STAT_SIZE) bytes.reserve(st.size);
    char buffer[1 << 16];
    while (true) {
      const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
      if (n < 0) {
        *status = Fail("cannot read " + name + " in '" + path_ +
                       "' (a damaged archive): " + zip_error_strerror(zip_file_get_error(file)));
        zip_fclose(file);
        return std::nullopt;
      }
      if (n == 0) break;
      if (bytes.size() + static_cast<std::size_t>(n) > kMaxPartBytes) {
        *status = Fail(name + " in '" + path_ + "' is larger than 2 GiB uncompressed");
        zip_fclose(file);
        return std::nullopt;
      }
      bytes.append(buffer, static_cast<std::size_t>(n));
    }
    zip_fclose(file);
    return bytes;
  }

  // Parses a part as XML into *doc. A missing part is reported when `required`.
  Status LoadXml(const std::string& name, bool required, pugi::xml_document* doc, bool* found) {
    Status status;
    std::optional<std::string> bytes = ReadPart(name, &status);
    *found = bytes.has_value();
    if (!status.ok()) return status;
    if (!bytes) {
      return required ? Fail("'" + path_ + "' is not an .xlsx workbook (it has no " + name + ")")
                      : Status::Ok();
    }
    const pugi::xml_parse_result r = doc->load_buffer(bytes->data(), bytes->size());
    if (!r) {
      const std::size_t offset = static_cast<std::size_t>(r.offset);
      const int line =
          1 + static_cast<int>(std::count(bytes->begin(),
                                          bytes->begin() + std::min(offset, bytes->size()), '\n'));
      return Fail(name + " in '" + path_ + "' is not well-formed XML (" + r.description() +
                  " at line " + std::to_string(line) + " of the part, byte " +
                  std::to_string(offset) + ")");
    }
    return Status::Ok();
  }

  const std::string& path() const { return path_; }
  Diagnostics* diagnostics() { return diagnostics_; }

 private:
  std::string path_;
  Diagnostics* diagnostics_;
  ZipPtr zip_;
};

struct SheetEntry {
  std::string name;
  std::string part;  // e.g. xl/worksheets/sheet1.xml
};

// A relationship target is relative to the folder of the workbook part (xl/), or absolute from
// the package root when it starts with '/' (ECMA-376 Part 2, 9.3).
std::string ResolveTarget(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string base = "xl/";
  while (target.starts_with("../")) {
    target.remove_prefix(3);
    base.clear();  // xl/.. is the package root
  }
  return base + std::string(target);
}

std::string SheetList(const std::vector<SheetEntry>& sheets) {
  std::string list;
  for (const SheetEntry& s : sheets) list += (list.empty() ? "'" : ", '") + s.name + "'";
  return list;
}

class SheetReader {
 public:
  SheetReader(Workbook* book, std::string file_label, RowSink* sink)
      : book_(book), file_(std::move(file_label)), sink_(sink) {}

  Status LoadSharedStrings() {
    pugi::xml_document doc;
    bool found = false;
    if (Status s = book_->LoadXml("xl/sharedStrings.xml", false, &doc, &found); !s.ok()) return s;
    if (!found) return Status::Ok();
    ForEachChild(Child(doc, "sst"), "si",
                 [&](pugi::xml_node si) { shared_.push_back(StringItemText(si)); });
    return Status::Ok();
  }

  // Which cell styles (the s attribute, an index into cellXfs) show dates.
  Status LoadStyles() {
    pugi::xml_document doc;
    bool found = false;
    if (Status s = book_->LoadXml("xl/styles.xml", false, &doc, &found); !s.ok()) return s;
    if (!found) return Status::Ok();
    const pugi::xml_node style_sheet = Child(doc, "styleSheet");
    std::unordered_map<int, std::string> custom;
    ForEachChild(Child(style_sheet, "numFmts"), "numFmt", [&](pugi::xml_node f) {
      custom[f.attribute("numFmtId").as_int(-1)] = f.attribute("formatCode").as_string();
    });
    ForEachChild(Child(style_sheet, "cellXfs"), "xf", [&](pugi::xml_node xf) {
      const int id = xf.attribute("numFmtId").as_int(0);
      const auto it = custom.find(id);
      date_styles_.push_back(IsDateFormat(id, it == custom.end() ? "" : it->second));
    });
    return Status::Ok();
  }

  void SetDate1904(bool date1904) { date1904_ = date1904; }

  Status ReadSheet(const pugi::xml_document& doc) {
    const pugi::xml_node data = Child(Child(doc, "worksheet"), "sheetData");
    int previous_row = 0;
    for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
      if (row.type() != pugi::node_element || LocalName(row.name()) != "row") continue;
      int number = previous_row + 1;  // r is optional (ECMA-376 Part 1, 18.3.1.73)
      if (pugi::xml_attribute r = row.attribute("r")) {
        if (!ParseInt(r.value(), &number) || number < 1 || number > kMaxXlsxRow) {
          book_->diagnostics()->Error(
              file_, previous_row + 1, 0,
              "row number '" + std::string(r.value()) + "' is not a number from 1 to 1048576");
          return Status::InvalidArgument(file_ + ": a damaged sheet");
        }
      }
      if (number <= previous_row) {
        book_->diagnostics()->Error(file_, number, 0,
                                    "row " + std::to_string(number) + " comes after row " +
                                        std::to_string(previous_row) +
                                        " (expected rows in ascending order)");
        return Status::InvalidArgument(file_ + ": a damaged sheet");
      }
      previous_row = number;
      if (Status s = ReadRow(row, number); !s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  Status ReadRow(pugi::xml_node row, int number) {
    std::size_t used = 0;  // cells of this row filled so far (the rest of texts_ is stale)
    int previous_column = 0;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || LocalName(c.name()) != "c") continue;
      int column = previous_column + 1;
      if (pugi::xml_attribute r = c.attribute("r")) {
        std::optional<CellReference> ref = ParseCellReference(r.value());
        if (!ref || ref->row != number) {
          book_->diagnostics()->Error(file_, number, previous_column + 1,
                                      "cell reference '" + std::string(r.value()) +
                                          "' is not a cell of row " + std::to_string(number) +
                                          " (expected a column A to XFD and the row number)");
          return Status::InvalidArgument(file_ + ": a damaged sheet");
        }
        column = ref->column;
      }
      if (column <= previous_column || column > kMaxXlsxColumn) {
        book_->diagnostics()->Error(file_, number, column,
                                    "cells out of order in row " + std::to_string(number) +
                                        " (expected columns in ascending order)");
        return Status::InvalidArgument(file_ + ": a damaged sheet");
      }
      // Columns skipped by the sheet are empty cells.
      while (used + 1 < static_cast<std::size_t>(column)) Slot(used++).clear();
      std::string problem = CellText(c, &Slot(used++));
      // A cell that cannot be read spoils its row; the sink reports it (an error, or a warning
      // when lenient) and skips the row.
      if (!problem.empty()) return sink_->OnBadRow(number, column, std::move(problem));
      previous_column = column;
    }
    // A row of only empty cells is no row: spreadsheets keep formatted blank rows.
    std::size_t last = used;
    while (last > 0 && texts_[last - 1].empty()) --last;
    if (last == 0) return Status::Ok();
    views_.assign(texts_.begin(), texts_.begin() + static_cast<std::ptrdiff_t>(last));
    return sink_->OnRow(number, views_);
  }

  std::string& Slot(std::size_t i) {
    if (i >= texts_.size()) texts_.resize(i + 1);
    return texts_[i];
  }

  // The text of one cell (ECMA-376 Part 1, 18.3.1.4 and ST_CellType 18.18.11) into *out;
  // returns what is wrong with the cell, or "" when it was read.
  std::string CellText(pugi::xml_node c, std::string* out) {
    out->clear();
    const std::string_view type = c.attribute("t").as_string("n");
    const pugi::xml_node v = Child(c, "v");
    if (type == "inlineStr") {
      if (pugi::xml_node is = Child(c, "is")) *out = StringItemText(is);
      return "";
    }
    if (!v) return "";  // a styled empty cell
    const std::string_view value = v.text().get();
    if (type == "s") {
      int index = -1;
      if (!ParseInt(value, &index) || index < 0 ||
          static_cast<std::size_t>(index) >= shared_.size()) {
        return "shared string " + std::string(value) + " does not exist (the workbook has " +
               std::to_string(shared_.size()) + ")";
      }
      *out = shared_[static_cast<std::size_t>(index)];
    } else if (type == "b") {
      *out = value == "1" ? "TRUE" : "FALSE";  // as Excel shows a boolean
    } else if (type == "d") {
      // An ISO 8601 date-time (strict SpreadsheetML): the day is the part before any 'T'.
      *out = std::string(value.substr(0, value.find('T')));
    } else if (type == "n" && IsDateStyle(c.attribute("s").as_int(0))) {
      return SerialText(value, out);
    } else {
      *out = std::string(value);  // numbers, formula strings ("str") and errors ("e") as written
    }
    return "";
  }

  bool IsDateStyle(int style) const {
    return style >= 0 && static_cast<std::size_t>(style) < date_styles_.size() &&
           date_styles_[static_cast<std::size_t>(style)];
  }

  // A date-formatted number as YYYY-MM-DD into *out, so the period rules of the CSV reader
  // apply; numbers that are no day (a time of day, past 9999) pass as written. Returns the
  // problem with serial 60, which Excel shows as a day that never was.
  std::string SerialText(std::string_view value, std::string* out) {
    *out = std::string(value);
    double serial = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), serial);
    if (ec != std::errc() || end != value.data() + value.size()) return "";
    if (!date1904_ && serial >= 60 && serial < 61) {
      return "date serial 60 is 1900-02-29, a day that never was (Excel counts 1900 as a leap "
             "year, as Lotus 1-2-3 did; expected a real date)";
    }
    if (std::optional<Date> date = DateFromSerial(serial, date1904_)) *out = date->ToIso();
    return "";
  }

  Workbook* book_;
  std::string file_;
  RowSink* sink_;
  std::vector<std::string> shared_;
  std::vector<bool> date_styles_;
  bool date1904_ = false;
  std::vector<std::string> texts_;  // the current row's cells, reused from row to row
  std::vector<std::string_view> views_;
};

}  // namespace

Status ReadXlsxRows(const std::string& path, const std::string& sheet, Diagnostics* diagnostics,
                    RowSink& sink) {
  Diagnostics local;
  if (diagnostics == nullptr) diagnostics = &local;
  Workbook book(path, diagnostics);
  if (Status s = book.Open(); !s.ok()) return s;

  pugi::xml_document workbook;
  bool found = false;
  if (Status s = book.LoadXml("xl/workbook.xml", true, &workbook, &found); !s.ok()) return s;
  pugi::xml_document rels;
  if (Status s = book.LoadXml("xl/_rels/workbook.xml.rels", true, &rels, &found); !s.ok()) {
    return s;
  }
  std::unordered_map<std::string, std::string> targets;
  ForEachChild(Child(rels, "Relationships"), "Relationship", [&](pugi::xml_node r) {
    targets[r.attribute("Id").as_string()] = ResolveTarget(r.attribute("Target").as_string());
  });
  const pugi::xml_node root = Child(workbook, "workbook");
  std::vector<SheetEntry> sheets;
  ForEachChild(Child(root, "sheets"), "sheet", [&](pugi::xml_node s) {
    // The relationship id is r:id, whatever prefix the writer bound to the relationships
    // namespace.
    std::string id;
    for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute()) {
      if (std::strchr(a.name(), ':') != nullptr && LocalName(a.name()) == "id") id = a.value();
    }
    const auto it = targets.find(id);
    sheets.push_back({s.attribute("name").as_string(), it == targets.end() ? "" : it->second});
  });
  if (sheets.empty()) return book.Fail("'" + path + "' has no sheets");

  const SheetEntry* chosen = nullptr;
  if (sheet.empty()) {
    chosen = &sheets.front();
  } else {
    for (const SheetEntry& s : sheets) {
      if (s.name == sheet) chosen = &s;
    }
    // Excel treats sheet names that differ only in case as the same name.
    auto same_ignoring_case = [](std::string_view a, std::string_view b) {
      return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
      });
    };
    for (const SheetEntry& s : sheets) {
      if (chosen == nullptr && same_ignoring_case(s.name, sheet)) chosen = &s;
    }
    int index = 0;
    if (chosen == nullptr && ParseInt(sheet, &index) && index >= 1 &&
        static_cast<std::size_t>(index) <= sheets.size()) {
      chosen = &sheets[static_cast<std::size_t>(index - 1)];
    }
  }
  if (chosen == nullptr) {
    return book.Fail("'" + path + "' has no sheet '" + sheet + "' (expected a sheet name or a " +
                     "number from 1 to " + std::to_string(sheets.size()) + "; its sheets are " +
                     SheetList(sheets) + ")");
  }
  if (chosen->part.empty()) {
    return book.Fail("sheet '" + chosen->name + "' of '" + path +
                     "' has no part in xl/_rels/workbook.xml.rels (a damaged workbook)");
  }

  SheetReader reader(&book, path + "[" + chosen->name + "]", &sink);
  // workbookPr date1904 is an xsd:boolean: "1" or "true" (ECMA-376 Part 1, 18.2.28).
  const std::string_view date1904 = Child(root, "workbookPr").attribute("date1904").as_string();
  reader.SetDate1904(date1904 == "1" || date1904 == "true");
  if (Status s = reader.LoadSharedStrings(); !s.ok()) return s;
  if (Status s = reader.LoadStyles(); !s.ok()) return s;
  pugi::xml_document sheet_doc;
  if (Status s = book.LoadXml(chosen->part, true, &sheet_doc, &found); !s.ok()) return s;
  return reader.ReadSheet(sheet_doc);
}

}  // namespace kaizen::ingest
