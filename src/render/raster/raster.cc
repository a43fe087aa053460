// PNG and PDF output through librsvg (SVG → cairo) and cairo (surfaces, PNG and PDF writers).
// The only place kaizen touches either library (architecture.md). Cairo never opens a file
// itself: its bytes go through OutputFile (a temporary beside the target, renamed when
// complete), so every write is checked and a failure leaves the old file untouched.
#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kaizen/file_util.h"
#include "kaizen/render.h"

namespace kaizen {
namespace {

// PNGs are drawn at twice the SVG's size so they stay crisp when printed or zoomed.
constexpr double kPngScale = 2.0;
// CSS pixels (1/96 inch) to PDF points (1/72 inch).
constexpr double kPointsPerPixel = 72.0 / 96.0;

struct GObjectUnref {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
using Handle = std::unique_ptr<RsvgHandle, GObjectUnref>;

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

struct ContextDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Context = std::unique_ptr<cairo_t, ContextDestroy>;

std::string TakeMessage(GError* error) {
  std::string message = error && error->message ? error->message : "unknown error";
  if (error) g_error_free(error);
  return message;
}

struct Parsed {
  Handle handle;
  double width = 0, height = 0;  // CSS pixels
};

Result<Parsed> Parse(const std::string& svg) {
  GError* error = nullptr;
  Handle handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) return Status::InvalidArgument("cannot read the SVG: " + TakeMessage(error));
  Parsed parsed;
  gdouble w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h) || w <= 0 || h <= 0) {
    return Status::InvalidArgument("the SVG has no width and height in pixels");
  }
  parsed.handle = std::move(handle);
  parsed.width = w;
  parsed.height = h;
  return parsed;
}

Status Draw(const Parsed& page, cairo_t* cr, double scale) {
  const RsvgRectangle viewport{0, 0, page.width * scale, page.height * scale};
  GError* error = nullptr;
  if (!rsvg_handle_render_document(page.handle.get(), cr, &viewport, &error)) {
    return Status::Internal("cannot draw the SVG: " + TakeMessage(error));
  }
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cannot draw the SVG: ") +
                            cairo_status_to_string(cairo_status(cr)));
  }
  return Status::Ok();
}

Status WriteFailure(const std::string& path, cairo_status_t status) {
  return Status::IOError(path + ": cannot write the file (" + cairo_status_to_string(status) + ")");
}

// Where cairo's output stream goes: the first failed write is kept, with the system's reason,
// because cairo reduces it to "error while writing to output stream".
struct Sink {
  OutputFile* file;
  Status status;
};

extern "C" cairo_status_t WriteToSink(void* closure, const unsigned char* data,
                                      unsigned int length) {
  Sink* sink = static_cast<Sink*>(closure);
  if (!sink->status.ok()) return CAIRO_STATUS_WRITE_ERROR;
  sink->status = sink->file->Write(
      std::string_view(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length)));
  return sink->status.ok() ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

}  // namespace

Status WriteSvgAsPng(const std::string& svg, const std::string& path) {
  Result<Parsed> parsed = Parse(svg);
  if (!parsed.ok()) return parsed.status();
  const int w = static_cast<int>(std::lround(parsed->width * kPngScale));
  const int h = static_cast<int>(std::lround(parsed->height * kPngScale));
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Status::InvalidArgument(path + ": the image is too large (" + std::to_string(w) + " x " +
                                   std::to_string(h) + " pixels)");
  }
  {
    Context cr(cairo_create(surface.get()));
    // An opaque white page: transparent PNGs turn black in some slide and document tools.
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    if (Status st = Draw(*parsed, cr.get(), kPngScale); !st.ok()) return st;
  }
  OutputFile file;
  if (Status st = file.Open(path); !st.ok()) return st;
  Sink sink{&file, Status::Ok()};
  const cairo_status_t written =
      cairo_surface_write_to_png_stream(surface.get(), WriteToSink, &sink);
  if (!sink.status.ok()) return sink.status;
  if (written != CAIRO_STATUS_SUCCESS) return WriteFailure(path, written);
  return file.Commit();
}

Status WriteSvgPagesAsPdf(const std::vector<std::string>& pages, const std::string& path) {
  if (pages.empty()) return Status::InvalidArgument(path + ": no pages to write");
  std::vector<Parsed> parsed;
  parsed.reserve(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    Result<Parsed> page = Parse(pages[i]);
    if (!page.ok()) {
      return Status::InvalidArgument("page " + std::to_string(i + 1) + ": " +
                                     page.status().message());
    }
    parsed.push_back(std::move(page).value());
  }
  OutputFile file;
  if (Status st = file.Open(path); !st.ok()) return st;
  Sink sink{&file, Status::Ok()};
  Status result = Status::Ok();
  {
    // Cairo streams the PDF as it is drawn, so a large report never sits whole in memory.
    Surface surface(cairo_pdf_surface_create_for_stream(
        WriteToSink, &sink, parsed[0].width * kPointsPerPixel, parsed[0].height * kPointsPerPixel));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      return WriteFailure(path, cairo_surface_status(surface.get()));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "kaizen");
    Context cr(cairo_create(surface.get()));
    for (const Parsed& page : parsed) {
      if (!sink.status.ok()) break;  // the disk is full: drawing more pages cannot help
      cairo_pdf_surface_set_size(surface.get(), page.width * kPointsPerPixel,
                                 page.height * kPointsPerPixel);
      result = Draw(page, cr.get(), kPointsPerPixel);
      if (!result.ok()) break;
      cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    // A failed write also fails the drawing; the write's reason is the one to report.
    if (!sink.status.ok()) result = sink.status;
    if (result.ok() && cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      result = WriteFailure(path, cairo_surface_status(surface.get()));
    }
  }
  if (!result.ok()) return result;            // the OutputFile removes its temporary
  if (!sink.status.ok()) return sink.status;  // a write when the surface was destroyed
  return file.Commit();
}

Status WriteSvgAsPdf(const std::string& svg, const std::string& path) {
  return WriteSvgPagesAsPdf({svg}, path);
}

}  // namespace kaizen
