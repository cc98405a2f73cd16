#include "PdfCanvas.hpp"

#include <algorithm>

namespace asicledger {
namespace {

struct FontSpec
{
    const char* family;
    double size;
};

// Indexed by Font.
constexpr FontSpec kFonts[] = {
    {"DejaVu Sans Bold", 17},
    {"DejaVu Sans", 10.5},
    {"DejaVu Sans", 7},
    {"DejaVu Sans", 9.5},
    {"DejaVu Sans Bold", 13},
    {"DejaVu Sans Bold", 10.5},
    {"DejaVu Sans Condensed", 7.5},
    {"DejaVu Sans Condensed Bold", 7.5},
    {"DejaVu Sans", 8.5},
    {"DejaVu Sans", 6.8},
    {"DejaVu Sans Bold", 7.5},
    {"DejaVu Sans Mono", 6.3},
};

LayoutHandle newLayout(cairo_t* cr)
{
    return LayoutHandle(pango_cairo_create_layout(cr), g_object_unref);
}

// A cell is one line: line breaks and tabs typed into a name become spaces.
std::string oneLine(const std::string& text)
{
    std::string line = text;
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return line;
}

// Distinct cell texts kept shaped per column; unique values (serials) only fill it once.
constexpr std::size_t kShapedPerColumn = 1024;
// Single lines and widths kept laid out; page numbers are the only ones that do not repeat.
constexpr std::size_t kLinesKept = 256;

std::string lineKey(const std::string& text, Font font, double width, Align align)
{
    std::string key(reinterpret_cast<const char*>(&width), sizeof width);
    key += static_cast<char>(font);
    key += static_cast<char>(align);
    return key + text;
}

double greyOf(Shade shade)
{
    switch (shade) {
    case Shade::Ink:
        return 0.1;
    case Shade::Muted:
        return 0.38;
    case Shade::Rule:
        return 0.62;
    case Shade::Panel:
        return 0.94;
    case Shade::Stripe:
        return 0.962;
    case Shade::HeaderFill:
        return 0.87;
    }
    return 0.1;
}

} // namespace

PdfCanvas::PdfCanvas(cairo_surface_t* surface, double width, double height)
    : m_cr(cairo_create(surface)), m_width(width), m_height(height)
{
    m_layout = newLayout(m_cr);
    for (const auto& spec : kFonts) {
        auto* description = pango_font_description_from_string(spec.family);
        pango_font_description_set_absolute_size(description, spec.size * PANGO_SCALE);
        m_fonts.emplace_back(description, pango_font_description_free);
    }
    pango_layout_set_font_description(m_layout.get(), font(Font::Cell));
    pango_layout_set_text(m_layout.get(), "Ag", -1);
    int w = 0, h = 0;
    pango_layout_get_size(m_layout.get(), &w, &h);
    m_cellLineHeight = static_cast<double>(h) / PANGO_SCALE;
    m_cells.setGreys(greyOf(Shade::Stripe), greyOf(Shade::Ink));
}

PdfCanvas::~PdfCanvas()
{
    flushCells();
    m_layout.reset();
    cairo_destroy(m_cr);
}

const PangoFontDescription* PdfCanvas::font(Font which)
{
    return m_fonts.at(static_cast<std::size_t>(which)).get();
}

void PdfCanvas::setShade(Shade shade)
{
    const double grey = greyOf(shade);
    cairo_set_source_rgb(m_cr, grey, grey, grey);
}

// Queued cells go out before anything else is drawn, so what overlaps stays in its order.
void PdfCanvas::flushCells()
{
    m_cells.flush(m_cr);
}

PangoLayout* PdfCanvas::prepare(const std::string& text, Font which, double width, bool wrap)
{
    configure(m_layout.get(), text, which, width, wrap);
    return m_layout.get();
}

void PdfCanvas::configure(PangoLayout* layout, const std::string& text, Font which, double width,
                          bool wrap)
{
    pango_layout_set_font_description(layout, font(which));
    pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
    pango_layout_set_width(layout, width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(layout, wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
    pango_layout_set_text(layout, wrap ? text.c_str() : oneLine(text).c_str(), -1);
}

PangoLayout* PdfCanvas::lineLayout(const std::string& text, Font which, double width, Align align)
{
    auto key = lineKey(text, which, width, align);
    if (const auto found = m_lines.find(key); found != m_lines.end())
        return found->second.get();
    PangoLayout* layout = m_layout.get();
    if (m_lines.size() < kLinesKept) {
        auto fresh = newLayout(m_cr);
        layout = fresh.get();
        m_lines.emplace(std::move(key), std::move(fresh));
    }
    configure(layout, text, which, width, false);
    if (align == Align::Right)
        pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
    return layout;
}

double PdfCanvas::measure(const std::string& text, Font which, double width)
{
    int w = 0, h = 0;
    pango_layout_get_size(prepare(text, which, width, true), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

double PdfCanvas::textWidth(const std::string& text, Font which)
{
    auto key = lineKey(text, which, -1, Align::Left);
    if (const auto found = m_widths.find(key); found != m_widths.end())
        return found->second;
    int w = 0, h = 0;
    pango_layout_get_size(prepare(text, which, -1, false), &w, &h);
    const double width = static_cast<double>(w) / PANGO_SCALE;
    if (m_widths.size() < kLinesKept)
        m_widths.emplace(std::move(key), width);
    return width;
}

double PdfCanvas::paragraph(double x, double y, double width, const std::string& text, Font which,
                            Shade shade)
{
    flushCells();
    auto* layout = prepare(text, which, width, true);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    setShade(shade);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, layout);
    return static_cast<double>(h) / PANGO_SCALE;
}

void PdfCanvas::text(double x, double y, double width, const std::string& text, Font which,
                     Shade shade, Align align)
{
    flushCells();
    auto* layout = lineLayout(text, which, width, align);
    setShade(shade);
    cairo_move_to(m_cr, x, y);
    pango_cairo_show_layout(m_cr, layout);
}

void PdfCanvas::rule(double x1, double y, double x2, double lineWidth, Shade shade)
{
    flushCells();
    setShade(shade);
    cairo_set_line_width(m_cr, lineWidth);
    cairo_move_to(m_cr, x1, y);
    cairo_line_to(m_cr, x2, y);
    cairo_stroke(m_cr);
}

void PdfCanvas::box(double x, double y, double width, double height, Shade shade)
{
    flushCells();
    setShade(shade);
    cairo_rectangle(m_cr, x, y, width, height);
    cairo_fill(m_cr);
}

LayoutHandle PdfCanvas::columnLayout(const GridColumn& column)
{
    auto layout = newLayout(m_cr);
    pango_layout_set_font_description(layout.get(), font(Font::Cell));
    pango_layout_set_width(layout.get(), static_cast<int>(column.textWidth * PANGO_SCALE));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
    pango_layout_set_alignment(layout.get(), column.kind == ColumnKind::Number ? PANGO_ALIGN_RIGHT
                                                                               : PANGO_ALIGN_LEFT);
    return layout;
}

const ShapedCell& PdfCanvas::shapedCell(const GridColumn& column, const std::string& text)
{
    auto& shaped = *column.shaped;
    if (const auto found = shaped.find(text); found != shaped.end())
        return found->second;
    auto& cell = shaped.size() < kShapedPerColumn ? shaped[text] : m_unique;
    cell.shape(column.layout.get(), text);
    return cell;
}

TableGrid PdfCanvas::grid(const std::vector<ReportColumn>& columns, double x, double width,
                          double pad)
{
    // Every column first gets what its sample and the longest word of its title need; the room
    // left is shared by weight. When the needs do not fit, columns without weight (dates, codes)
    // keep theirs and the weighted ones (names, notes) give way, which their ellipsis shows.
    std::vector<double> needs;
    double fixedNeed = 0;
    double flexibleNeed = 0;
    double weights = 0;
    for (const auto& column : columns) {
        double need = column.sample.empty() ? 0 : textWidth(column.sample, Font::Cell);
        std::size_t start = 0;
        while (start < column.title.size()) {
            const auto end = std::min(column.title.find(' ', start), column.title.size());
            need =
                std::max(need, textWidth(column.title.substr(start, end - start), Font::CellBold));
            start = end + 1;
        }
        needs.push_back(need + 2 * pad + 1);
        (column.width > 0 ? flexibleNeed : fixedNeed) += needs.back();
        weights += column.width;
    }
    std::vector<double> widths(columns.size());
    const double room = width - fixedNeed - flexibleNeed;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (room >= 0)
            widths[i] = needs[i] + (weights > 0 ? room * columns[i].width / weights : 0);
        else if (fixedNeed < width && columns[i].width > 0)
            widths[i] = needs[i] * (width - fixedNeed) / flexibleNeed;
        else if (fixedNeed < width)
            widths[i] = needs[i];
        else
            widths[i] = needs[i] * width / (fixedNeed + flexibleNeed);
    }

    TableGrid grid;
    grid.pad = pad;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& column = columns[i];
        GridColumn placed;
        placed.x = x;
        placed.width = widths[i];
        placed.kind = column.kind;
        placed.title = column.title;
        placed.textWidth = std::max(1.0, placed.width - 2 * pad);
        placed.layout = columnLayout(placed);
        placed.header = columnLayout(placed);
        auto* header = placed.header.get();
        pango_layout_set_font_description(header, font(Font::CellBold));
        pango_layout_set_single_paragraph_mode(header, FALSE);
        pango_layout_set_wrap(header, PANGO_WRAP_WORD);
        pango_layout_set_height(header, -2);
        pango_layout_set_text(header, placed.title.c_str(), -1);
        placed.shaped = std::make_shared<std::unordered_map<std::string, ShapedCell>>();
        grid.columns.push_back(std::move(placed));
        x += grid.columns.back().width;
    }
    return grid;
}

void PdfCanvas::headerRow(const TableGrid& grid, double y, double height)
{
    if (grid.columns.empty())
        return;
    const double left = grid.columns.front().x;
    const double right = grid.columns.back().x + grid.columns.back().width;
    box(left, y, right - left, height, Shade::HeaderFill);
    rule(left, y + height, right, 0.6, Shade::Muted);
    setShade(Shade::Ink);
    // Titles may take two lines ("Exemption / start"); the row is tall enough for two.
    for (const auto& column : grid.columns) {
        auto* layout = column.header.get();
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        cairo_move_to(m_cr, column.x + grid.pad,
                      y + (height - static_cast<double>(h) / PANGO_SCALE) / 2);
        pango_cairo_show_layout(m_cr, layout);
    }
}

void PdfCanvas::row(const TableGrid& grid, double y, double height, const ReportRow& cells,
                    bool stripe, bool bold)
{
    if (grid.columns.empty())
        return;
    const double left = grid.columns.front().x;
    const double right = grid.columns.back().x + grid.columns.back().width;
    const double top = y + (height - m_cellLineHeight) / 2;
    if (bold) {
        // A totals row, once a table: drawn by pango directly.
        if (stripe)
            box(left, y, right - left, height, Shade::Stripe);
        rule(left, y, right, 0.9, Shade::Ink);
        setShade(Shade::Ink);
        for (std::size_t i = 0; i < grid.columns.size() && i < cells.size(); ++i) {
            const auto& column = grid.columns[i];
            if (cells[i].empty())
                continue;
            const auto text =
                column.kind == ColumnKind::Number ? groupDigits(cells[i]) : oneLine(cells[i]);
            auto* layout = column.layout.get();
            pango_layout_set_font_description(layout, font(Font::CellBold));
            pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
            cairo_move_to(m_cr, column.x + grid.pad, top);
            pango_cairo_show_layout(m_cr, layout);
            pango_layout_set_font_description(layout, font(Font::Cell));
        }
        return;
    }
    if (stripe)
        m_cells.addStripe(left, y, right - left, height);
    for (std::size_t i = 0; i < grid.columns.size() && i < cells.size(); ++i) {
        const auto& column = grid.columns[i];
        if (cells[i].empty())
            continue;
        const auto text =
            column.kind == ColumnKind::Number ? groupDigits(cells[i]) : oneLine(cells[i]);
        const auto& cell = shapedCell(column, text);
        if (cell.drawnByPango) {
            flushCells();
            setShade(Shade::Ink);
            auto* layout = column.layout.get();
            pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
            cairo_move_to(m_cr, column.x + grid.pad, top);
            pango_cairo_show_layout(m_cr, layout);
            continue;
        }
        m_cells.addCell(m_cr, cell, column.x + grid.pad, top);
    }
}

void PdfCanvas::showPage()
{
    flushCells();
    cairo_show_page(m_cr);
}

} // namespace asicledger
