#pragma once

#include <cairo.h>
#include <memory>
#include <pango/pangocairo.h>
#include <string>
#include <vector>

namespace asicledger {

// One glyph run of a shaped table cell, placed relative to the cell's top-left corner: what
// pango's cairo renderer would hand cairo_show_text_glyphs for it (glyphs, the text they stand
// for and the clusters between the two, so a PDF reader still extracts the text).
struct ShapedRun
{
    std::shared_ptr<cairo_scaled_font_t> font;
    std::vector<cairo_glyph_t> glyphs;
    std::string text;
    std::vector<cairo_text_cluster_t> clusters;
};

// A table cell as pango laid it out (ellipsis and alignment included).
struct ShapedCell
{
    std::vector<ShapedRun> runs;
    // Glyphs missing from every font (pango draws hex boxes for them) or right-to-left text:
    // such a cell is drawn by pango itself.
    bool drawnByPango = false;

    // Lays `text` out with `layout` (font, width, ellipsis and alignment already set) and keeps
    // its runs; the layout keeps the text.
    void shape(PangoLayout* layout, const std::string& text);
};

// Table cells of a page drawn in a few cairo operations instead of one per cell. A PDF report of
// 50,000 rows has half a million cells; cairo records every operation, replays it twice at the
// end of the page (to analyse it, then to write it) and pango wraps each one in a save/restore,
// which made drawing cells cost more than shaping them. Cells are queued here in the order they
// are drawn and written out, stripes first, as one cairo_show_text_glyphs per run of the same
// font, whenever anything else is about to be drawn: the page's content and the order of its text
// stay what they were.
class PdfCellBatch
{
public:
    void addStripe(double x, double y, double width, double height);
    // The cell's runs at (x, y), its top-left corner.
    void addCell(cairo_t* cr, const ShapedCell& cell, double x, double y);
    // Draws what is queued: stripes in `stripe` grey, then text in `ink` grey.
    void flush(cairo_t* cr);
    void setGreys(double stripe, double ink)
    {
        m_stripeGrey = stripe;
        m_inkGrey = ink;
    }

private:
    void flushText(cairo_t* cr);

    struct Stripe
    {
        double x, y, width, height;
    };
    std::vector<Stripe> m_stripes;
    std::shared_ptr<cairo_scaled_font_t> m_font;
    std::vector<cairo_glyph_t> m_glyphs;
    std::string m_text;
    std::vector<cairo_text_cluster_t> m_clusters;
    double m_stripeGrey = 1;
    double m_inkGrey = 0;
};

} // namespace asicledger
