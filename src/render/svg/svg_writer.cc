#include "render/svg/svg_writer.h"

#include <cmath>

#include "kaizen/number_format.h"

namespace kaizen::render {

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters other than tab and newline are not allowed in XML 1.0 at all.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Num(double v, int decimals) { return FormatCoordinate(v, decimals); }

void MarkupWriter::WriteStart(std::string_view tag, const Attr* begin, const Attr* end) {
  out_ += '<';
  out_ += tag;
  for (const Attr* a = begin; a != end; ++a) {
    out_ += ' ';
    out_ += a->name;
    out_ += "=\"";
    out_ += EscapeXml(a->value);
    out_ += '"';
  }
}

void MarkupWriter::Open(std::string_view tag, std::initializer_list<Attr> attrs) {
  WriteStart(tag, attrs.begin(), attrs.end());
  out_ += '>';
  open_.emplace_back(tag);
}

void MarkupWriter::Open(std::string_view tag, const std::vector<Attr>& attrs) {
  WriteStart(tag, attrs.data(), attrs.data() + attrs.size());
  out_ += '>';
  open_.emplace_back(tag);
}

void MarkupWriter::Close() {
  if (open_.empty()) return;
  out_ += "</";
  out_ += open_.back();
  out_ += '>';
  open_.pop_back();
}

// An element with no children: self-closed when it has no text.
void MarkupWriter::WriteLeaf(std::string_view tag, const Attr* begin, const Attr* end,
                             std::string_view text) {
  WriteStart(tag, begin, end);
  if (text.empty()) {
    out_ += "/>";
    return;
  }
  out_ += '>';
  out_ += EscapeXml(IsDrawnText(tag) ? CapDrawnText(text) : std::string(text));
  out_ += "</";
  out_ += tag;
  out_ += '>';
}

void MarkupWriter::Leaf(std::string_view tag, std::initializer_list<Attr> attrs,
                        std::string_view text) {
  WriteLeaf(tag, attrs.begin(), attrs.end(), text);
}

void MarkupWriter::Leaf(std::string_view tag, const std::vector<Attr>& attrs,
                        std::string_view text) {
  WriteLeaf(tag, attrs.data(), attrs.data() + attrs.size(), text);
}

void MarkupWriter::Text(std::string_view text) {
  out_ += EscapeXml(!open_.empty() && IsDrawnText(open_.back()) ? CapDrawnText(text)
                                                                : std::string(text));
}

bool IsDrawnText(std::string_view tag) { return tag == "text" || tag == "tspan"; }

std::string CapDrawnText(std::string_view text) {
  if (text.size() <= kMaxDrawnTextCharacters) return std::string(text);  // bytes ≥ characters
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continues a character
    if (characters == kMaxDrawnTextCharacters - 1) {
      // Is there more than one character left? Then cut here and mark the cut.
      std::size_t rest = 0;
      for (std::size_t j = i; j < text.size() && rest < 2; ++j) {
        rest += (static_cast<unsigned char>(text[j]) & 0xC0) != 0x80;
      }
      if (rest < 2) return std::string(text);
      return std::string(text.substr(0, i)) + "\u2026";
    }
    ++characters;
  }
  return std::string(text);
}

void MarkupWriter::Raw(std::string_view markup) { out_ += markup; }

std::string MarkupWriter::Finish() {
  while (!open_.empty()) Close();
  return std::move(out_);
}

std::vector<Attr> SvgRootAttrs(double width, double height) {
  return {{"xmlns", "http://www.w3.org/2000/svg"},
          {"width", Num(width)},
          {"height", Num(height)},
          {"viewBox", "0 0 " + Num(width) + " " + Num(height)},
          {"role", "img"},
          {"font-family", "Arial, Helvetica, sans-serif"}};
}

}  // namespace kaizen::render
