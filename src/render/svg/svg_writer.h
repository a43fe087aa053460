// A tiny markup builder for SVG and for the XHTML-compatible board report: every attribute
// value and text node passes through EscapeXml, so a user string (an indicator name, an
// annotation, a narrative) can never open an element or break out of an attribute. Numbers are
// written with std::to_chars, so output never depends on the process locale.
//
// A MarkupWriter is a plain value owned by one thread; Finish() hands back the text.
#ifndef KAIZEN_RENDER_SVG_SVG_WRITER_H_
#define KAIZEN_RENDER_SVG_SVG_WRITER_H_

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kaizen::render {

// Escapes the five XML special characters (& < > " ') for text and attribute values alike.
std::string EscapeXml(std::string_view text);

// A coordinate or length with at most `decimals` decimals, trailing zeros dropped ("12.5",
// "40"); "0" for NaN or infinity so a bad value can never produce malformed markup.
std::string Num(double v, int decimals = 2);

// The longest text a chart draws in one <text> or <tspan>, in characters. Text layout (cairo's,
// behind PNG and PDF) is super-linear in a string's length: 30,000 characters took 28 s and
// 120,000 more than ten minutes. Import refuses names over 200 characters
// (ingest/name_limits.h); titles joining several names, annotations and labels are cut here,
// the one place every chart's text passes, and end in "…". docs/cli.md, "Input limits".
inline constexpr std::size_t kMaxDrawnTextCharacters = 300;

// True for the elements whose text is laid out and drawn: <text> and <tspan>.
bool IsDrawnText(std::string_view tag);

// `text` when it has at most kMaxDrawnTextCharacters characters (UTF-8 code points); otherwise
// its first kMaxDrawnTextCharacters − 1 characters and "…". Never splits a character.
std::string CapDrawnText(std::string_view text);

struct Attr {
  std::string_view name;
  std::string value;  // unescaped; the writer escapes it
};

class MarkupWriter {
 public:
  // Opens <tag attrs...>; each Open needs a matching Close.
  void Open(std::string_view tag, std::initializer_list<Attr> attrs = {});
  void Open(std::string_view tag, const std::vector<Attr>& attrs);
  void Close();
  // <tag attrs/> when `text` is empty, else <tag attrs>text</tag> (text escaped).
  void Leaf(std::string_view tag, std::initializer_list<Attr> attrs = {},
            std::string_view text = {});
  void Leaf(std::string_view tag, const std::vector<Attr>& attrs, std::string_view text = {});
  // Escaped character data inside the open element. In <text> and <tspan> (Leaf's and Text's)
  // the text is capped by CapDrawnText.
  void Text(std::string_view text);
  // Markup produced by another writer (an icon, a chart), inserted verbatim.
  void Raw(std::string_view markup);
  // The text so far, with every still-open element closed.
  std::string Finish();

 private:
  void WriteStart(std::string_view tag, const Attr* begin, const Attr* end);
  void WriteLeaf(std::string_view tag, const Attr* begin, const Attr* end, std::string_view text);
  std::string out_;
  std::vector<std::string> open_;
};

// The opening attributes of a standalone SVG document `width` × `height` user units.
std::vector<Attr> SvgRootAttrs(double width, double height);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_SVG_WRITER_H_
