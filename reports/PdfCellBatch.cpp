#include "PdfCellBatch.hpp"

namespace asicledger {
namespace {

std::shared_ptr<cairo_scaled_font_t> scaledFont(PangoFont* font)
{
    auto* scaled = pango_cairo_font_get_scaled_font(reinterpret_cast<PangoCairoFont*>(font));
    return {cairo_scaled_font_reference(scaled), cairo_scaled_font_destroy};
}

double units(int pango)
{
    return static_cast<double>(pango) / PANGO_SCALE;
}

} // namespace

// Positions and clusters as pango_renderer_draw_layout and pango's cairo renderer compute them
// (pango 1.50: pangocairo-render.c, draw_glyph_item), so the batched text lands where pango would
// have drawn it and maps to the same characters.
void ShapedCell::shape(PangoLayout* layout, const std::string& text)
{
    runs.clear();
    drawnByPango = false;
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    const char* whole = pango_layout_get_text(layout);
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        auto* run = pango_layout_iter_get_run_readonly(iter);
        if (!run)
            continue;
        if (run->item->analysis.level & 1) {
            drawnByPango = true;
            break;
        }
        PangoRectangle logical;
        pango_layout_iter_get_run_extents(iter, nullptr, &logical);
        const int baseline = pango_layout_iter_get_baseline(iter);
        ShapedRun shaped;
        shaped.font = scaledFont(run->item->analysis.font);
        const auto* glyphs = run->glyphs;
        int x = logical.x;
        for (int i = 0; i < glyphs->num_glyphs; ++i) {
            const auto& glyph = glyphs->glyphs[i];
            if (glyph.glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
                drawnByPango = true;
                break;
            }
            if (glyph.glyph != PANGO_GLYPH_EMPTY)
                shaped.glyphs.push_back({glyph.glyph, units(x + glyph.geometry.x_offset),
                                         units(baseline + glyph.geometry.y_offset)});
            x += glyph.geometry.width;
        }
        if (drawnByPango)
            break;
        shaped.text.assign(whole + run->item->offset, static_cast<std::size_t>(run->item->length));
        PangoGlyphItemIter cluster;
        if (pango_glyph_item_iter_init_start(&cluster, const_cast<PangoGlyphItem*>(run), whole)) {
            do {
                int count = cluster.end_glyph - cluster.start_glyph;
                for (int i = cluster.start_glyph; i < cluster.end_glyph; ++i)
                    if (glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
                        --count;
                shaped.clusters.push_back({cluster.end_index - cluster.start_index, count});
            } while (pango_glyph_item_iter_next_cluster(&cluster));
        }
        runs.push_back(std::move(shaped));
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
}

void PdfCellBatch::addStripe(double x, double y, double width, double height)
{
    m_stripes.push_back({x, y, width, height});
}

void PdfCellBatch::addCell(cairo_t* cr, const ShapedCell& cell, double x, double y)
{
    for (const auto& run : cell.runs) {
        if (run.font.get() != m_font.get()) {
            flushText(cr);
            m_font = run.font;
        }
        for (const auto& glyph : run.glyphs)
            m_glyphs.push_back({glyph.index, x + glyph.x, y + glyph.y});
        m_text += run.text;
        m_clusters.insert(m_clusters.end(), run.clusters.begin(), run.clusters.end());
    }
}

void PdfCellBatch::flush(cairo_t* cr)
{
    if (!m_stripes.empty()) {
        cairo_new_path(cr);
        cairo_set_source_rgb(cr, m_stripeGrey, m_stripeGrey, m_stripeGrey);
        for (const auto& stripe : m_stripes)
            cairo_rectangle(cr, stripe.x, stripe.y, stripe.width, stripe.height);
        cairo_fill(cr);
        m_stripes.clear();
    }
    flushText(cr);
}

void PdfCellBatch::flushText(cairo_t* cr)
{
    if (m_text.empty() && m_glyphs.empty())
        return;
    // Stripes queued so far lie under this text: they go first.
    if (!m_stripes.empty()) {
        flush(cr);
        return;
    }
    cairo_save(cr);
    cairo_set_source_rgb(cr, m_inkGrey, m_inkGrey, m_inkGrey);
    cairo_set_scaled_font(cr, m_font.get());
    cairo_show_text_glyphs(cr, m_text.data(), static_cast<int>(m_text.size()), m_glyphs.data(),
                           static_cast<int>(m_glyphs.size()), m_clusters.data(),
                           static_cast<int>(m_clusters.size()), cairo_text_cluster_flags_t(0));
    cairo_restore(cr);
    m_glyphs.clear();
    m_text.clear();
    m_clusters.clear();
}

} // namespace asicledger
