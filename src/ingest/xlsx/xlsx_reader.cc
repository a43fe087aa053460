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
#include <cstdint>
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

// Limits on what a workbook may make the reader inflate and hold (docs/cli.md, "Input limits").
// A zip "bomb" (a few MB inflating to GBs) is refused by its compression ratio, named by part,
// before its bytes can exhaust memory; the sheet and the shared strings are parsed as a stream of
// bounded chunks, so memory follows the chunk and the strings kept, not the part's size.
//
// Parts read whole into a DOM (workbook, relationships, styles): pugixml's DOM is about ten
// times the XML, so these are small; real ones are kilobytes.
constexpr zip_uint64_t kMaxWholePartBytes = 16ull << 20;
// The sheet and the shared strings, inflated as a stream.
constexpr zip_uint64_t kMaxStreamedPartBytes = 2ull << 30;
// Inflated bytes per compressed byte, checked once a part passes 1 MiB inflated. Sheet XML
// compresses 5 to 30 times; deflate's own ceiling is about 1032 (RFC 1951 lengths of 258 per
// 2-bit code), which is where bombs live.
constexpr zip_uint64_t kMaxCompressionRatio = 200;
constexpr zip_uint64_t kRatioCheckFrom = 1ull << 20;
// Shared strings: Excel's sheet is 1,048,576 rows, so a long-format table needs at most a few
// million distinct texts; their text is held in memory.
constexpr std::size_t kMaxSharedStrings = 4'000'000;
constexpr std::size_t kMaxSharedStringBytes = 256ull << 20;
// Excel's own limit on a cell's text (Excel specifications and limits: 32,767 characters). A
// shared string past it was not written by Excel; refusing it keeps one string, repeated in every
// cell of a sheet, from multiplying into gigabytes.
constexpr std::size_t kMaxCellCharacters = 32767;
// All the text a sheet hands on, its cells' bytes summed over its rows: shared strings are passed
// as views, not copies, but the mapping keeps some cells (comments), so a sheet that repeats long
// strings in a million rows is refused here, naming the sheet, instead of filling memory there.
constexpr std::size_t kMaxSheetTextBytes = 4ull << 30;
// A chunk of the streamed XML holds whole rows (or string items); one row may not exceed this
// (16,384 cells of 32,767 characters would, and no long-format row comes near).
constexpr std::size_t kChunkBytes = 1ull << 20;
constexpr std::size_t kMaxItemBytes = 64ull << 20;

std::string MiB(zip_uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

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

// libzip reads the caller's buffer in place (freep 0: the caller keeps it); the source is
// owned by the archive once zip_open_from_source succeeds, and freed here otherwise.
zip_t* OpenBuffer(std::string_view bytes, int* error) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &ze) : nullptr;
  if (archive == nullptr) {
    *error = zip_error_code_zip(&ze);
    if (source) zip_source_free(source);
  }
  zip_error_fini(&ze);
  return archive;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }  // read-only: nothing to write back
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

class Workbook {
 public:
  // `bytes`: the workbook in memory (an upload), named `path` in diagnostics; nullopt reads
  // the file at `path`.
  Workbook(std::string path, Diagnostics* diagnostics,
           std::optional<std::string_view> bytes = std::nullopt)
      : path_(std::move(path)), diagnostics_(diagnostics), bytes_(bytes) {}

  Status Open() {
    int error = 0;
    zip_.reset(bytes_ ? OpenBuffer(*bytes_, &error) : zip_open(path_.c_str(), ZIP_RDONLY, &error));
    if (zip_) return Status::Ok();
    zip_error_t ze;
    zip_error_init_with_code(&ze, error);
    const std::string reason = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN) {
      return Status::NotFound("cannot open '" + path_ + "': " + reason);
    }
    return Fail(
        StatusCode::kInvalidArgument,  // a foreign file, not a damaged workbook
        "'" + path_ + "' is not an .xlsx workbook (expected a zip archive: " + reason + ")");
  }

  // Reports a problem with the whole workbook and returns it as the read's status: a damaged
  // file (diag::kBadWorkbook, Corruption), or a part beyond a documented limit
  // (diag::kOverLimit, ResourceExhausted).
  Status Fail(std::string message, std::string_view code = diag::kBadWorkbook) {
    return Fail(code == diag::kOverLimit ? StatusCode::kResourceExhausted : StatusCode::kCorruption,
                std::move(message), code);
  }
  Status Fail(StatusCode status, std::string message, std::string_view code = diag::kBadWorkbook) {
    diagnostics_->Error(code, path_, 0, 0, message);
    return {status, std::move(message)};
  }

  // Opens a part for reading, at most `max_bytes` inflated. *found is false (and the status OK)
  // when the archive has no such part (a missing optional part).
  Status OpenPart(const std::string& name, zip_uint64_t max_bytes, class PartStream* part,
                  bool* found);

  // The whole of a small part, nullopt when the archive has no such part; a part that exists
  // but cannot be read, or is larger than kMaxWholePartBytes, sets *status.
  std::optional<std::string> ReadPart(const std::string& name, Status* status);

  // Parses a small part as XML into *doc. A missing part is reported when `required`.
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
    if (!r) return NotWellFormed(name, *bytes, static_cast<std::size_t>(r.offset), r.description());
    return Status::Ok();
  }

  // `bytes` start at line `line_base` + 1 and byte `offset_base` of the part (a streamed chunk).
  Status NotWellFormed(const std::string& name, std::string_view bytes, std::size_t offset,
                       const char* description, std::size_t line_base = 0,
                       std::size_t offset_base = 0) {
    const std::size_t line =
        line_base + 1 +
        static_cast<std::size_t>(
            std::count(bytes.begin(), bytes.begin() + std::min(offset, bytes.size()), '\n'));
    return Fail(name + " in '" + path_ + "' is not well-formed XML (" + description + " at line " +
                std::to_string(line) + " of the part, byte " +
                std::to_string(offset_base + offset) + ")");
  }

  zip_t* zip() { return zip_.get(); }
  const std::string& path() const { return path_; }
  Diagnostics* diagnostics() { return diagnostics_; }

 private:
  std::string path_;
  Diagnostics* diagnostics_;
  std::optional<std::string_view> bytes_;
  ZipPtr zip_;
};

// One part of the archive, inflated a block at a time. It refuses, naming the part, to inflate
// more than its limit or more than kMaxCompressionRatio bytes per compressed byte: the
// compressed size comes from the central directory, and libzip never reads past it.
class PartStream {
 public:
  PartStream() = default;
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;
  ~PartStream() {
    if (file_ != nullptr) zip_fclose(file_);
  }

  // Appends up to `want` more inflated bytes to *out; *eof once the part has no more.
  Status Read(std::string* out, std::size_t want, bool* eof) {
    *eof = false;
    char buffer[1 << 16];
    std::size_t got = 0;
    while (got < want) {
      const zip_int64_t n =
          zip_fread(file_, buffer, std::min<std::size_t>(sizeof buffer, want - got));
      if (n < 0) {
        return book_->Fail(
            "cannot read " + name_ + " in '" + book_->path() +
            "' (a damaged archive): " + zip_error_strerror(zip_file_get_error(file_)));
      }
      if (n == 0) {
        *eof = true;
        return Status::Ok();
      }
      inflated_ += static_cast<zip_uint64_t>(n);
      if (inflated_ > max_bytes_) {
        return book_->Fail(name_ + " in '" + book_->path() + "' is larger than " + MiB(max_bytes_) +
                               " uncompressed (the limit for this part; see " +
                               "'Input limits' in docs/cli.md)",
                           diag::kOverLimit);
      }
      if (inflated_ > kRatioCheckFrom && inflated_ > kMaxCompressionRatio * compressed_) {
        return book_->Fail(name_ + " in '" + book_->path() + "' inflates more than " +
                               std::to_string(kMaxCompressionRatio) + " times (" +
                               std::to_string(compressed_) + " compressed bytes gave " +
                               std::to_string(inflated_) +
                               " and counting): a zip bomb, or no workbook Excel wrote",
                           diag::kOverLimit);
      }
      out->append(buffer, static_cast<std::size_t>(n));
      got += static_cast<std::size_t>(n);
    }
    return Status::Ok();
  }

  const std::string& name() const { return name_; }

 private:
  friend class Workbook;
  Workbook* book_ = nullptr;
  std::string name_;
  zip_file_t* file_ = nullptr;
  zip_uint64_t max_bytes_ = 0;
  zip_uint64_t compressed_ = 0;
  zip_uint64_t inflated_ = 0;
};

Status Workbook::OpenPart(const std::string& name, zip_uint64_t max_bytes, PartStream* part,
                          bool* found) {
  *found = false;
  zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
  if (index < 0) index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return Status::Ok();
  *found = true;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    return Fail("cannot read " + name + " in '" + path_ +
                "': " + zip_error_strerror(zip_get_error(zip_.get())));
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > max_bytes) {
    return Fail(name + " in '" + path_ + "' is larger than " + MiB(max_bytes) +
                    " uncompressed (the limit for this part; see 'Input limits' in docs/cli.md)",
                diag::kOverLimit);
  }
  zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Fail("cannot read " + name + " in '" + path_ +
                "': " + zip_error_strerror(zip_get_error(zip_.get())));
  }
  part->book_ = this;
  part->name_ = name;
  part->file_ = file;
  part->max_bytes_ = max_bytes;
  // A stored (uncompressed) part has ratio 1; an entry that does not say is held to 1 too.
  part->compressed_ =
      (st.valid & ZIP_STAT_COMP_SIZE) ? std::max<zip_uint64_t>(st.comp_size, 1) : max_bytes;
  return Status::Ok();
}

std::optional<std::string> Workbook::ReadPart(const std::string& name, Status* status) {
  PartStream part;
  bool found = false;
  if (Status s = OpenPart(name, kMaxWholePartBytes, &part, &found); !s.ok()) {
    *status = s;
    return std::nullopt;
  }
  if (!found) return std::nullopt;
  std::string bytes;
  bool eof = false;
  while (!eof) {
    if (Status s = part.Read(&bytes, 1 << 20, &eof); !s.ok()) {
      *status = s;
      return std::nullopt;
    }
  }
  return bytes;
}

// The children of one element of a streamed part (<row>s of <sheetData>, <si>s of <sst>),
// parsed a chunk of whole children at a time: each chunk ends where a child's start tag begins
// (or at the container's closing tag) and is parsed as an XML fragment. Memory is the chunk and
// its DOM, whatever the part's size. Namespace prefixes are allowed on every name, as in the DOM
// path. Text that only looks like a tag cannot occur outside CDATA and comments, which sheets
// and string tables do not use; if one did, its chunk would fail to parse (an error, not a
// wrong row).
class ChildChunks {
 public:
  ChildChunks(Workbook* book, PartStream* part, std::string container, std::string child)
      : book_(book), part_(part), container_(std::move(container)), child_(std::move(child)) {}

  // Parses the next chunk into *doc (its top-level nodes are the children); *done when the
  // container has ended (the chunk may still hold children). A part without the container has
  // no children.
  Status Next(pugi::xml_document* doc, bool* done) {
    *done = false;
    doc->reset();
    if (!started_) {
      if (Status s = FindContainer(); !s.ok()) return s;
      if (finished_) {
        *done = true;
        return Status::Ok();
      }
    }
    std::size_t end = std::string::npos;
    std::size_t scanned = 0;  // bytes of buffer_ searched for both tags (one huge row: linear)
    std::size_t child_start = std::string::npos;  // the last child start found so far
    while (true) {
      // Look for the container's end first: the last chunk.
      const std::size_t close = FindClosingTag(container_, scanned);
      if (close != std::string::npos) {
        end = close;
        finished_ = true;
        break;
      }
      if (const std::size_t c = LastChildStart(scanned); c != std::string::npos) child_start = c;
      if (child_start != std::string::npos && (buffer_.size() >= kChunkBytes || eof_)) {
        end = child_start;
        break;
      }
      if (eof_) {
        // Say what is wrong with the rest when it is not XML; else it was cut short.
        const pugi::xml_parse_result r = doc->load_buffer(
            buffer_.data(), buffer_.size(), pugi::parse_default | pugi::parse_fragment);
        if (!r) return ParseError(r);
        return book_->Fail(part_->name() + " in '" + book_->path() + "' ends inside <" +
                           container_ + "> (a truncated or damaged part)");
      }
      if (buffer_.size() >= kMaxItemBytes) {
        return book_->Fail(part_->name() + " in '" + book_->path() + "' has a <" + child_ +
                               "> larger than " + MiB(kMaxItemBytes) +
                               " (the limit; see 'Input limits' in docs/cli.md)",
                           diag::kOverLimit);
      }
      // A tag may straddle the end: search its possible start again next time.
      scanned = buffer_.size() > kTagMargin ? buffer_.size() - kTagMargin : 0;
      if (Status s = part_->Read(&buffer_, kChunkBytes, &eof_); !s.ok()) return s;
    }
    const pugi::xml_parse_result r =
        doc->load_buffer(buffer_.data(), end, pugi::parse_default | pugi::parse_fragment);
    if (!r) return ParseError(r);
    Drop(end);
    *done = finished_;
    return Status::Ok();
  }

 private:
  // Reads up to the container's start tag and drops everything before its content.
  Status FindContainer() {
    while (true) {
      const std::size_t open = FindStartTag(container_);
      if (open != std::string::npos) {
        const std::size_t gt = buffer_.find('>', open);
        if (gt != std::string::npos) {
          started_ = true;
          if (gt > 0 && buffer_[gt - 1] == '/') finished_ = true;  // <sheetData/>: no rows
          Drop(gt + 1);
          return Status::Ok();
        }
      }
      if (eof_) {
        started_ = finished_ = true;  // no container: no children
        return Status::Ok();
      }
      if (buffer_.size() >= kMaxItemBytes) {
        return book_->Fail(part_->name() + " in '" + book_->path() + "' has no <" + container_ +
                           "> in its first " + MiB(kMaxItemBytes));
      }
      if (Status s = part_->Read(&buffer_, kChunkBytes, &eof_); !s.ok()) return s;
    }
  }

  // Drops the first n bytes of the buffer, counting the part's lines for messages.
  void Drop(std::size_t n) {
    lines_before_ +=
        static_cast<std::size_t>(std::count(buffer_.begin(), buffer_.begin() + n, '\n'));
    bytes_before_ += n;
    buffer_.erase(0, n);
  }

  Status ParseError(const pugi::xml_parse_result& r) {
    return book_->NotWellFormed(part_->name(), buffer_, static_cast<std::size_t>(r.offset),
                                r.description(), lines_before_, bytes_before_);
  }

  static bool NameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
  }

  // Where `name` (with or without a prefix) begins a start tag at `at`'s '<'.
  bool IsTagAt(std::size_t lt, std::string_view name, std::size_t* name_end) const {
    std::size_t i = lt + 1;
    std::size_t j = i;
    while (j < buffer_.size() && NameChar(buffer_[j])) ++j;
    if (j < buffer_.size() && buffer_[j] == ':') i = j + 1;  // a prefix
    if (buffer_.compare(i, name.size(), name) != 0) return false;
    const std::size_t k = i + name.size();
    if (k >= buffer_.size()) return false;
    const char c = buffer_[k];
    if (!(c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n')) return false;
    *name_end = k;
    return true;
  }

  std::size_t FindStartTag(std::string_view name) const {
    for (std::size_t lt = buffer_.find('<'); lt != std::string::npos;
         lt = buffer_.find('<', lt + 1)) {
      std::size_t name_end = 0;
      if (IsTagAt(lt, name, &name_end)) return lt;
    }
    return std::string::npos;
  }

  // The offset of the first "</[prefix:]name" + optional space + ">" from `from`, or npos.
  std::size_t FindClosingTag(std::string_view name, std::size_t from) const {
    for (std::size_t lt = buffer_.find("</", from); lt != std::string::npos;
         lt = buffer_.find("</", lt + 2)) {
      std::size_t name_end = 0;
      if (IsTagAt(lt + 1, name, &name_end)) return lt;
    }
    return std::string::npos;
  }

  // Where the last child's start tag begins, when a complete child comes before it: everything
  // before it is whole children, whether they end in a closing tag or are empty (<si/>, <row/>);
  // npos when there is no such place yet.
  // Only starts at or after `from` are looked at.
  std::size_t LastChildStart(std::size_t from) const {
    for (std::size_t lt = buffer_.rfind('<'); lt != std::string::npos && lt > 0 && lt >= from;
         lt = buffer_.rfind('<', lt - 1)) {
      std::size_t name_end = 0;
      if (IsTagAt(lt, child_, &name_end)) return lt;
    }
    return std::string::npos;
  }

  // Longer than any tag name with its prefix that the search must see whole: "</x:sheetData>".
  static constexpr std::size_t kTagMargin = 256;

  Workbook* book_;
  PartStream* part_;
  std::string container_, child_;
  std::string buffer_;
  std::size_t lines_before_ = 0, bytes_before_ = 0;  // in the part, before buffer_
  bool started_ = false, finished_ = false, eof_ = false;
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

  // The shared strings, streamed: their texts end to end in shared_text_, item i ending at
  // shared_end_[i], so a string costs its bytes and one offset, not a std::string and DOM nodes.
  Status LoadSharedStrings() {
    const std::string name = "xl/sharedStrings.xml";
    PartStream part;
    bool found = false;
    if (Status s = book_->OpenPart(name, kMaxStreamedPartBytes, &part, &found); !s.ok()) return s;
    if (!found) return Status::Ok();
    ChildChunks chunks(book_, &part, "sst", "si");
    pugi::xml_document doc;
    for (bool done = false; !done;) {
      if (Status s = chunks.Next(&doc, &done); !s.ok()) return s;
      for (pugi::xml_node si = doc.first_child(); si; si = si.next_sibling()) {
        if (si.type() != pugi::node_element || LocalName(si.name()) != "si") continue;
        if (shared_end_.size() == kMaxSharedStrings) {
          return book_->Fail(name + " in '" + book_->path() + "' has more than " +
                                 std::to_string(kMaxSharedStrings) +
                                 " shared strings (the limit; see 'Input limits' in docs/cli.md)",
                             diag::kOverLimit);
        }
        const std::size_t before = shared_text_.size();
        shared_text_ += StringItemText(si);
        std::size_t characters = 0;
        for (std::size_t i = before; i < shared_text_.size(); ++i) {
          characters += (static_cast<unsigned char>(shared_text_[i]) & 0xC0) != 0x80;
        }
        if (characters > kMaxCellCharacters) {
          return book_->Fail(
              name + " in '" + book_->path() + "': shared string " +
                  std::to_string(shared_end_.size()) + " has " + std::to_string(characters) +
                  " characters, more than a cell holds (" + std::to_string(kMaxCellCharacters) +
                  ", Excel's limit; see 'Input limits' in docs/cli.md)",
              diag::kOverLimit);
        }
        if (shared_text_.size() > kMaxSharedStringBytes) {
          return book_->Fail(name + " in '" + book_->path() + "' holds more than " +
                                 MiB(kMaxSharedStringBytes) +
                                 " of text (the limit; see 'Input limits' in docs/cli.md)",
                             diag::kOverLimit);
        }
        shared_end_.push_back(shared_text_.size());
      }
    }
    return Status::Ok();
  }

  std::string_view SharedString(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : shared_end_[i - 1];
    return std::string_view(shared_text_).substr(begin, shared_end_[i] - begin);
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
      // Both arms views: a std::string arm would make the view dangle.
      const std::string_view code =
          it == custom.end() ? std::string_view() : std::string_view(it->second);
      date_styles_.push_back(IsDateFormat(id, code));
      percent_styles_.push_back(IsPercentFormat(id, code));
    });
    return Status::Ok();
  }

  void SetDate1904(bool date1904) { date1904_ = date1904; }

  // Reads the sheet part as a stream of chunks of whole rows.
  Status ReadSheet(const std::string& part_name) {
    PartStream part;
    bool found = false;
    if (Status s = book_->OpenPart(part_name, kMaxStreamedPartBytes, &part, &found); !s.ok()) {
      return s;
    }
    if (!found) {
      return book_->Fail("'" + book_->path() + "' is not an .xlsx workbook (it has no " +
                         part_name + ")");
    }
    ChildChunks chunks(book_, &part, "sheetData", "row");
    pugi::xml_document doc;
    for (bool done = false; !done;) {
      if (Status s = chunks.Next(&doc, &done); !s.ok()) return s;
      if (Status s = ReadRows(doc); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status ReadRows(const pugi::xml_node& data) {
    for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
      if (row.type() != pugi::node_element || LocalName(row.name()) != "row") continue;
      int number = previous_row_ + 1;  // r is optional (ECMA-376 Part 1, 18.3.1.73)
      if (pugi::xml_attribute r = row.attribute("r")) {
        if (!ParseInt(r.value(), &number) || number < 1 || number > kMaxXlsxRow) {
          book_->diagnostics()->Error(
              diag::kBadWorkbook, file_, previous_row_ + 1, 0,
              "row number '" + std::string(r.value()) + "' is not a number from 1 to 1048576");
          return Status::Corruption(file_ + ": a damaged sheet");
        }
      }
      if (number <= previous_row_) {
        book_->diagnostics()->Error(diag::kBadWorkbook, file_, number, 0,
                                    "row " + std::to_string(number) + " comes after row " +
                                        std::to_string(previous_row_) +
                                        " (expected rows in ascending order)");
        return Status::Corruption(file_ + ": a damaged sheet");
      }
      previous_row_ = number;
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
          book_->diagnostics()->Error(diag::kBadWorkbook, file_, number, previous_column + 1,
                                      "cell reference '" + std::string(r.value()) +
                                          "' is not a cell of row " + std::to_string(number) +
                                          " (expected a column A to XFD and the row number)");
          return Status::Corruption(file_ + ": a damaged sheet");
        }
        column = ref->column;
      }
      if (column <= previous_column || column > kMaxXlsxColumn) {
        book_->diagnostics()->Error(diag::kBadWorkbook, file_, number, column,
                                    "cells out of order in row " + std::to_string(number) +
                                        " (expected columns in ascending order)");
        return Status::Corruption(file_ + ": a damaged sheet");
      }
      // Columns skipped by the sheet are empty cells.
      while (used + 1 < static_cast<std::size_t>(column)) {
        Slot(used).clear();
        shared_of_[used++] = -1;
      }
      std::string& slot = Slot(used);
      std::string problem = CellText(c, &slot, &shared_of_[used]);
      ++used;
      if (percent_cell_ && !percent_noted_) {
        percent_noted_ = true;
        book_->diagnostics()->Warning(
            diag::kPercentCell, file_, number, column,
            "the cell is formatted as a percentage: read as Excel shows it, " + slot +
                ", under the one rule for percentages in a CSV (docs/cli.md, \"Percentages\"): "
                "the number shown for an indicator whose unit is \"%\", refused elsewhere");
      }
      percent_cell_ = false;
      // A cell that cannot be read spoils its row; the sink reports it (an error, or a warning
      // when lenient) and skips the row.
      if (!problem.empty())
        return sink_->OnBadRow(diag::kBadWorkbook, number, column, std::move(problem));
      previous_column = column;
    }
    // A row of only empty cells is no row: spreadsheets keep formatted blank rows.
    std::size_t last = used;
    while (last > 0 && CellView(last - 1).empty()) --last;
    if (last == 0) return Status::Ok();
    if (header_seen_ && period_column_ > 0 && static_cast<std::size_t>(period_column_) <= last) {
      const std::size_t p = static_cast<std::size_t>(period_column_ - 1);
      if (shared_of_[p] >= 0) {  // a shared string: copied, as it may be rewritten
        texts_[p] = std::string(CellView(p));
        shared_of_[p] = -1;
      }
      std::string problem = ReadPeriodNumber(number, &texts_[p]);
      if (!problem.empty())
        return sink_->OnBadRow(diag::kBadDate, number, period_column_, std::move(problem));
    }
    views_.resize(last);
    for (std::size_t i = 0; i < last; ++i) {
      views_[i] = CellView(i);
      sheet_text_bytes_ += views_[i].size();
    }
    if (sheet_text_bytes_ > kMaxSheetTextBytes) {
      book_->diagnostics()->Error(
          diag::kOverLimit, file_, number, 0,
          "the sheet's cells hold more than " + MiB(kMaxSheetTextBytes) +
              " of text by this row (the limit; see 'Input limits' in docs/cli.md)");
      return Status::ResourceExhausted(file_ + ": too much text");
    }
    Status status = sink_->OnRow(number, views_);
    if (!header_seen_) {
      header_seen_ = true;
      period_column_ = sink_->PeriodColumn();
    }
    return status;
  }

  // A plain number in the period column (xlsx_cells.h, ReadNumberPeriod): a yyyymm month or a
  // yyyy year is rewritten as the date it names, and said once; any other whole number is refused
  // with its cell, because reading it as a date serial would make 202001 a day in 2453. Returns
  // the problem, or "".
  std::string ReadPeriodNumber(int row, std::string* text) {
    const NumberPeriod period = ReadNumberPeriod(*text);
    switch (period.kind) {
      case NumberPeriod::Kind::kNotWhole:
        return "";
      case NumberPeriod::Kind::kRefused:
        return "the period " + *text +
               " is a plain number, which kaizen does not guess at (expected a cell formatted "
               "as a date, a date as text such as 2020-01-31, a month as yyyymm such as 202001, "
               "or a year as yyyy such as 2020)";
      case NumberPeriod::Kind::kYearMonth:
      case NumberPeriod::Kind::kYear:
        if (!number_period_noted_) {
          number_period_noted_ = true;
          const bool month = period.kind == NumberPeriod::Kind::kYearMonth;
          book_->diagnostics()->Warning(
              diag::kNumberPeriods, file_, row, period_column_,
              "the periods are plain numbers; " + *text +
                  (month ? " is read as yyyymm, the month " : " is read as yyyy, the year from ") +
                  period.text + " (format the column as dates in Excel to be explicit)");
        }
        *text = period.text;
        return "";
    }
    return "";
  }

  std::string& Slot(std::size_t i) {
    if (i >= texts_.size()) {
      texts_.resize(i + 1);
      shared_of_.resize(i + 1, -1);
    }
    return texts_[i];
  }

  // Cell i of the current row: its shared string, or its own text.
  std::string_view CellView(std::size_t i) const {
    return shared_of_[i] >= 0 ? SharedString(static_cast<std::size_t>(shared_of_[i]))
                              : std::string_view(texts_[i]);
  }

  // The text of one cell (ECMA-376 Part 1, 18.3.1.4 and ST_CellType 18.18.11) into *out;
  // returns what is wrong with the cell, or "" when it was read.
  // A shared string is not copied: its index goes to *shared (else -1).
  std::string CellText(pugi::xml_node c, std::string* out, int64_t* shared) {
    out->clear();
    *shared = -1;
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
          static_cast<std::size_t>(index) >= shared_end_.size()) {
        return "shared string " + std::string(value) + " does not exist (the workbook has " +
               std::to_string(shared_end_.size()) + ")";
      }
      *shared = index;
    } else if (type == "b") {
      *out = value == "1" ? "TRUE" : "FALSE";  // as Excel shows a boolean
    } else if (type == "d") {
      // An ISO 8601 date-time (strict SpreadsheetML): the day is the part before any 'T'.
      *out = std::string(value.substr(0, value.find('T')));
    } else if (type == "n" && IsStyle(date_styles_, c.attribute("s").as_int(0))) {
      return SerialText(value, out);
    } else if (type == "n" && IsStyle(percent_styles_, c.attribute("s").as_int(0))) {
      // As shown ("90%"), so the one rule for percentages applies (docs/cli.md).
      std::optional<std::string> shown = PercentText(value);
      *out = shown ? *shown : std::string(value);
      percent_cell_ = shown.has_value();
    } else {
      *out = std::string(value);  // numbers, formula strings ("str") and errors ("e") as written
    }
    return "";
  }

  static bool IsStyle(const std::vector<bool>& styles, int style) {
    return style >= 0 && static_cast<std::size_t>(style) < styles.size() &&
           styles[static_cast<std::size_t>(style)];
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
  std::string shared_text_;
  std::vector<std::size_t> shared_end_;
  std::vector<bool> date_styles_;
  std::vector<bool> percent_styles_;
  int previous_row_ = 0;
  bool header_seen_ = false;
  int period_column_ = 0;  // 1-based; 0 when the sink names none
  bool number_period_noted_ = false;
  bool percent_cell_ = false;   // the cell just read was percent-formatted
  bool percent_noted_ = false;  // said once per sheet
  bool date1904_ = false;
  std::vector<std::string> texts_;  // the current row's cells, reused from row to row
  std::vector<int64_t> shared_of_;  // per cell: its shared string's index, or -1 (texts_)
  std::size_t sheet_text_bytes_ = 0;
  std::vector<std::string_view> views_;
};

}  // namespace

namespace {

// Opens the workbook's sheet list and chooses `sheet` from it into *chosen.
Status ChooseSheet(Workbook& book, const std::string& sheet, SheetEntry* chosen_out,
                   bool* date1904_out) {
  const std::string& path = book.path();
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
    return book.Fail(StatusCode::kInvalidArgument,  // --sheet names no sheet
                     "'" + path + "' has no sheet '" + sheet + "' (expected a sheet name or a " +
                         "number from 1 to " + std::to_string(sheets.size()) + "; its sheets are " +
                         SheetList(sheets) + ")");
  }
  if (chosen->part.empty()) {
    return book.Fail("sheet '" + chosen->name + "' of '" + path +
                     "' has no part in xl/_rels/workbook.xml.rels (a damaged workbook)");
  }

  *chosen_out = *chosen;
  // workbookPr date1904 is an xsd:boolean: "1" or "true" (ECMA-376 Part 1, 18.2.28).
  const std::string_view date1904 = Child(root, "workbookPr").attribute("date1904").as_string();
  *date1904_out = date1904 == "1" || date1904 == "true";
  return Status::Ok();
}

}  // namespace

std::string XlsxSheetLabel(const std::string& path, const std::string& sheet_name) {
  return path + "[" + sheet_name + "]";
}

namespace {

Result<std::string> SheetNameOf(Workbook& book, const std::string& sheet) {
  SheetEntry chosen;
  bool date1904 = false;
  if (Status s = ChooseSheet(book, sheet, &chosen, &date1904); !s.ok()) return s;
  return chosen.name;
}

Status ReadRows(Workbook& book, const std::string& sheet, RowSink& sink) {
  SheetEntry chosen_entry;
  bool date1904 = false;
  if (Status s = ChooseSheet(book, sheet, &chosen_entry, &date1904); !s.ok()) return s;
  const SheetEntry* chosen = &chosen_entry;
  SheetReader reader(&book, XlsxSheetLabel(book.path(), chosen->name), &sink);
  reader.SetDate1904(date1904);
  if (Status s = reader.LoadSharedStrings(); !s.ok()) return s;
  if (Status s = reader.LoadStyles(); !s.ok()) return s;
  return reader.ReadSheet(chosen->part);
}

}  // namespace

Result<std::string> XlsxSheetName(const std::string& path, const std::string& sheet,
                                  Diagnostics* diagnostics) {
  Diagnostics local;
  Workbook book(path, diagnostics == nullptr ? &local : diagnostics);
  return SheetNameOf(book, sheet);
}

Result<std::string> XlsxSheetName(std::string_view bytes, const std::string& name,
                                  const std::string& sheet, Diagnostics* diagnostics) {
  Diagnostics local;
  Workbook book(name, diagnostics == nullptr ? &local : diagnostics, bytes);
  return SheetNameOf(book, sheet);
}

Status ReadXlsxRows(const std::string& path, const std::string& sheet, Diagnostics* diagnostics,
                    RowSink& sink) {
  Diagnostics local;
  Workbook book(path, diagnostics == nullptr ? &local : diagnostics);
  return ReadRows(book, sheet, sink);
}

Status ReadXlsxRows(std::string_view bytes, const std::string& name, const std::string& sheet,
                    Diagnostics* diagnostics, RowSink& sink) {
  Diagnostics local;
  Workbook book(name, diagnostics == nullptr ? &local : diagnostics, bytes);
  return ReadRows(book, sheet, sink);
}

}  // namespace kaizen::ingest
