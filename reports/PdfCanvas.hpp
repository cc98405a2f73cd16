#pragma once

#include "PdfCellBatch.hpp"
#include "ReportDocument.hpp"

#include <cairo.h>
#include <memory>
#include <pango/pangocairo.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace asicledger {

// The typefaces of a printed report, all DejaVu (it covers Cyrillic and Kazakh letters).
enum class Font
{
    Title,
    Subtitle,
    Label,
    Value,
    Figure,
    Heading,
    Cell,
    CellBold,
    Note,
    Footer,
    FooterStrong,
    Mono
};

enum class Shade
{
    Ink,
    Muted,
    Rule,
    Panel,
    Stripe,
    HeaderFill
};

enum class Align
{
    Left,
    Right
};

using LayoutHandle = std::shared_ptr<PangoLayout>;

struct GridColumn
{
    double x = 0;
    double width = 0;
    double textWidth = 0; // width less the padding on both sides
    ColumnKind kind = ColumnKind::Text;
    std::string title;
    LayoutHandle layout; // reused for every cell of the column: set up once, text swapped
    LayoutHandle header; // the column's title, laid out once for every page it heads
    // Cells repeat (models, dates, findings): each distinct text shaped once, up to a bound,
    // spares pango shaping the same words a hundred thousand times.
    std::shared_ptr<std::unordered_map<std::string, ShapedCell>> shaped;
};

// A table's columns laid across the page.
struct TableGrid
{
    std::vector<GridColumn> columns;
    double pad = 3;
};

// Drawing on one PDF surface with pango text: what PdfRenderer's layout needs and nothing more.
// Sizes are in points (1/72 inch); y grows downwards from the top of the page.
class PdfCanvas
{
public:
    PdfCanvas(cairo_surface_t* surface, double width, double height);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    double width() const { return m_width; }
    double height() const { return m_height; }

    // Height of `text` wrapped to `width`.
    double measure(const std::string& text, Font font, double width);
    double textWidth(const std::string& text, Font font);
    // Wrapped text; returns its height.
    double paragraph(double x, double y, double width, const std::string& text, Font font,
                     Shade shade);
    // One line, cut with an ellipsis when longer than `width`.
    void text(double x, double y, double width, const std::string& text, Font font, Shade shade,
              Align align);
    void rule(double x1, double y, double x2, double lineWidth, Shade shade);
    void box(double x, double y, double width, double height, Shade shade);

    TableGrid grid(const std::vector<ReportColumn>& columns, double x, double width, double pad);
    void headerRow(const TableGrid& grid, double y, double height);
    void row(const TableGrid& grid, double y, double height, const ReportRow& cells, bool stripe,
             bool bold);

    void showPage();

private:
    void setShade(Shade shade);
    void flushCells();
    void configure(PangoLayout* layout, const std::string& text, Font font, double width,
                   bool wrap);
    PangoLayout* prepare(const std::string& text, Font font, double width, bool wrap);
    PangoLayout* lineLayout(const std::string& text, Font font, double width, Align align);
    const PangoFontDescription* font(Font font);
    LayoutHandle columnLayout(const GridColumn& column);
    const ShapedCell& shapedCell(const GridColumn& column, const std::string& text);

    cairo_t* m_cr;
    double m_width;
    double m_height;
    LayoutHandle m_layout;
    std::vector<std::unique_ptr<PangoFontDescription, void (*)(PangoFontDescription*)>> m_fonts;
    double m_cellLineHeight = 0;
    PdfCellBatch m_cells; // table cells not yet drawn
    ShapedCell m_unique;  // a cell too rare to keep shaped
    // Footers, table titles and their widths repeat on every page: each is laid out once.
    std::unordered_map<std::string, LayoutHandle> m_lines;
    std::unordered_map<std::string, double> m_widths;
};

} // namespace asicledger
