#include "PdfRenderer.hpp"

#include "LedgerError.hpp"
#include "PdfCanvas.hpp"

#include <algorithm>
#include <cairo-pdf.h>
#include <fmt/format.h>
#include <memory>
#include <stdexcept>

namespace asicledger {
namespace {

constexpr double kA4Short = 595.276;
constexpr double kA4Long = 841.890;
constexpr double kMarginX = 40;
constexpr double kMarginTop = 38;
constexpr double kMarginBottom = 56; // the footer lives below this line
constexpr double kTitleRowHeight = 19;
constexpr double kHeaderRowHeight = 20; // two lines of column title
constexpr double kRowHeight = 12;
constexpr double kCellPad = 2.5;
constexpr double kTableGap = 14;
constexpr double kSignatureHeight = 50;

// Lays a document out page by page. Run once counting (nothing drawn, no row read), once drawing
// with the page total known: both runs take the same decisions, so the numbers agree.
class Composer
{
public:
    Composer(PdfCanvas& canvas, const ReportDocument& document, int totalPages)
        : m_canvas(canvas), m_document(document), m_drawing(totalPages > 0),
          m_totalPages(totalPages), m_width(canvas.width()), m_height(canvas.height())
    {}

    int run()
    {
        m_y = kMarginTop;
        titleBlock();
        fieldBlock();
        summaryBlock();
        for (const auto& table : m_document.tables)
            tableBlock(table);
        notesBlock();
        signatureBlock();
        finishPage();
        return m_page;
    }

private:
    double innerWidth() const { return m_width - 2 * kMarginX; }
    double bottom() const { return m_height - kMarginBottom; }

    void ensure(double height)
    {
        if (m_y + height > bottom() && m_y > kMarginTop)
            newPage();
    }
    void newPage()
    {
        finishPage();
        if (m_drawing)
            m_canvas.showPage();
        ++m_page;
        m_y = kMarginTop;
    }
    void finishPage()
    {
        if (!m_drawing)
            return;
        const double rule = m_height - kMarginBottom + 12;
        m_canvas.rule(kMarginX, rule, m_width - kMarginX, 0.5, Shade::Rule);
        const auto pageText = fmt::format("page {} of {}", m_page, m_totalPages);
        const double pageWidth = 90;
        std::string left = m_document.title;
        if (!m_document.subtitle.empty())
            left += " · " + m_document.subtitle;
        m_canvas.text(kMarginX, rule + 4, innerWidth() - pageWidth - 12, left, Font::Footer,
                      Shade::Muted, Align::Left);
        m_canvas.text(m_width - kMarginX - pageWidth, rule + 4, pageWidth, pageText,
                      Font::FooterStrong, Shade::Ink, Align::Right);
        double generatedWidth = 0;
        if (!m_document.generated.empty()) {
            const auto generated = "generated " + m_document.generated;
            generatedWidth =
                std::min(innerWidth() / 2, m_canvas.textWidth(generated, Font::Footer));
            m_canvas.text(m_width - kMarginX - generatedWidth, rule + 15, generatedWidth, generated,
                          Font::Footer, Shade::Muted, Align::Right);
        }
        if (!m_document.fingerprint.empty()) {
            const auto label = std::string("Journal fingerprint ");
            const double labelWidth = m_canvas.textWidth(label, Font::Footer);
            m_canvas.text(kMarginX, rule + 15, labelWidth, label, Font::Footer, Shade::Muted,
                          Align::Left);
            m_canvas.text(kMarginX + labelWidth, rule + 15.6,
                          innerWidth() - labelWidth - generatedWidth - 8, m_document.fingerprint,
                          Font::Mono, Shade::Ink, Align::Left);
        }
    }

    void titleBlock()
    {
        const double titleHeight = m_canvas.measure(m_document.title, Font::Title, innerWidth());
        if (m_drawing)
            m_canvas.paragraph(kMarginX, m_y, innerWidth(), m_document.title, Font::Title,
                               Shade::Ink);
        m_y += titleHeight + 1;
        if (!m_document.subtitle.empty()) {
            const double h = m_canvas.measure(m_document.subtitle, Font::Subtitle, innerWidth());
            if (m_drawing)
                m_canvas.paragraph(kMarginX, m_y, innerWidth(), m_document.subtitle, Font::Subtitle,
                                   Shade::Muted);
            m_y += h;
        }
        m_y += 7;
        if (m_drawing)
            m_canvas.rule(kMarginX, m_y, m_width - kMarginX, 1.2, Shade::Ink);
        m_y += 8;
    }

    void fieldBlock()
    {
        const auto& fields = m_document.header;
        if (fields.empty())
            return;
        const int columns = m_document.landscape ? 3 : 2;
        const double gap = 18;
        const double columnWidth = (innerWidth() - gap * (columns - 1)) / columns;
        for (std::size_t first = 0; first < fields.size(); first += columns) {
            double rowHeight = 0;
            for (std::size_t i = first; i < fields.size() && i < first + columns; ++i)
                rowHeight = std::max(
                    rowHeight, m_canvas.measure(fields[i].label, Font::Label, columnWidth) +
                                   m_canvas.measure(fields[i].value, Font::Value, columnWidth));
            rowHeight += 5;
            ensure(rowHeight);
            for (std::size_t i = first; m_drawing && i < fields.size() && i < first + columns;
                 ++i) {
                const double x = kMarginX + static_cast<double>(i - first) * (columnWidth + gap);
                const double labelHeight = m_canvas.paragraph(x, m_y, columnWidth, fields[i].label,
                                                              Font::Label, Shade::Muted);
                m_canvas.paragraph(x, m_y + labelHeight, columnWidth, fields[i].value, Font::Value,
                                   Shade::Ink);
            }
            m_y += rowHeight;
        }
        m_y += 3;
        if (m_drawing)
            m_canvas.rule(kMarginX, m_y, m_width - kMarginX, 0.5, Shade::Rule);
        m_y += 10;
    }

    void summaryBlock()
    {
        const auto& items = m_document.summary;
        if (items.empty())
            return;
        const int columns = m_document.landscape ? 6 : 4;
        const double pad = 8;
        const double itemWidth = (innerWidth() - 2 * pad) / columns;
        std::vector<double> rowHeights;
        for (std::size_t first = 0; first < items.size(); first += columns) {
            double h = 0;
            for (std::size_t i = first; i < items.size() && i < first + columns; ++i)
                h = std::max(
                    h, m_canvas.measure(groupDigits(items[i].value), Font::Figure, itemWidth - 8) +
                           m_canvas.measure(items[i].label, Font::Label, itemWidth - 8));
            rowHeights.push_back(h + 6);
        }
        double total = 2 * pad - 6;
        for (double h : rowHeights)
            total += h;
        ensure(total);
        if (m_drawing) {
            m_canvas.box(kMarginX, m_y, innerWidth(), total, Shade::Panel);
            double y = m_y + pad;
            for (std::size_t row = 0; row < rowHeights.size(); ++row) {
                for (std::size_t i = row * columns; i < items.size() && i < (row + 1) * columns;
                     ++i) {
                    const double x = kMarginX + pad + static_cast<double>(i % columns) * itemWidth;
                    const double valueHeight = m_canvas.paragraph(
                        x, y, itemWidth - 8, groupDigits(items[i].value), Font::Figure, Shade::Ink);
                    m_canvas.paragraph(x, y + valueHeight, itemWidth - 8, items[i].label,
                                       Font::Label, Shade::Muted);
                }
                y += rowHeights[row];
            }
        }
        m_y += total + kTableGap;
    }

    void tableTitle(const ReportTable& table, bool continued)
    {
        if (m_drawing) {
            const auto title = continued ? table.title + " (continued)" : table.title;
            const double titleWidth = m_canvas.textWidth(title, Font::Heading);
            m_canvas.text(kMarginX, m_y + 2, innerWidth(), title, Font::Heading, Shade::Ink,
                          Align::Left);
            const auto count = groupDigits(std::to_string(table.rowCount));
            m_canvas.text(kMarginX + titleWidth + 6, m_y + 4, innerWidth() - titleWidth - 6,
                          fmt::format("{} row{}", count, table.rowCount == 1 ? "" : "s"),
                          Font::Label, Shade::Muted, Align::Left);
        }
        m_y += kTitleRowHeight;
    }

    void tableHeader(const TableGrid& grid)
    {
        if (m_drawing)
            m_canvas.headerRow(grid, m_y, kHeaderRowHeight);
        m_y += kHeaderRowHeight;
    }

    void tableBlock(const ReportTable& table)
    {
        const std::int64_t rows = table.rowCount + (table.totals ? 1 : 0);
        if (rows == 0) {
            ensure(kTitleRowHeight + 16);
            tableTitle(table, false);
            if (m_drawing)
                m_canvas.text(kMarginX, m_y, innerWidth(), table.emptyText, Font::Note,
                              Shade::Muted, Align::Left);
            m_y += 16 + kTableGap;
            return;
        }
        ensure(kTitleRowHeight + kHeaderRowHeight + kRowHeight * std::min<std::int64_t>(rows, 3));
        const TableGrid grid = m_canvas.grid(table.columns, kMarginX, innerWidth(), kCellPad);
        tableTitle(table, false);
        tableHeader(grid);
        const auto placeRow = [&] {
            if (m_y + kRowHeight > bottom()) {
                newPage();
                tableTitle(table, true);
                tableHeader(grid);
            }
        };
        std::int64_t index = 0;
        if (m_drawing) {
            if (table.rows)
                table.rows([&](const ReportRow& row) {
                    if (index >= table.rowCount)
                        throw std::logic_error(fmt::format(
                            "the table '{}' sent more rows than the {} it counted: the ledger "
                            "changed while the report was drawn",
                            table.title, table.rowCount));
                    placeRow();
                    m_canvas.row(grid, m_y, kRowHeight, row, index % 2 == 1, false);
                    m_y += kRowHeight;
                    ++index;
                });
            if (index != table.rowCount)
                throw std::logic_error(fmt::format("the table '{}' sent {} rows of the {} it "
                                                   "counted: the ledger changed while the report "
                                                   "was drawn",
                                                   table.title, index, table.rowCount));
        } else {
            for (; index < table.rowCount; ++index) {
                placeRow();
                m_y += kRowHeight;
            }
        }
        if (table.totals) {
            placeRow();
            if (m_drawing)
                m_canvas.row(grid, m_y, kRowHeight, table.totals(), false, true);
            m_y += kRowHeight;
        }
        m_y += kTableGap;
    }

    void notesBlock()
    {
        for (const auto& note : m_document.notes) {
            const double h = m_canvas.measure(note, Font::Note, innerWidth());
            ensure(h);
            if (m_drawing)
                m_canvas.paragraph(kMarginX, m_y, innerWidth(), note, Font::Note, Shade::Ink);
            m_y += h + 5;
        }
    }

    void signatureBlock()
    {
        const auto& signatures = m_document.signatures;
        if (signatures.empty())
            return;
        const double gap = 36;
        const double columnWidth = (innerWidth() - gap) / 2;
        const auto rows = static_cast<double>((signatures.size() + 1) / 2);
        m_y += 8;
        ensure(rows * kSignatureHeight);
        for (std::size_t i = 0; m_drawing && i < signatures.size(); ++i) {
            const double x = kMarginX + static_cast<double>(i % 2) * (columnWidth + gap);
            const double y = m_y + static_cast<double>(i / 2) * kSignatureHeight + 30;
            m_canvas.rule(x, y, x + columnWidth, 0.7, Shade::Ink);
            m_canvas.text(x, y + 2, columnWidth, signatures[i] + " — name, signature, date",
                          Font::Label, Shade::Muted, Align::Left);
        }
        m_y += rows * kSignatureHeight;
    }

    PdfCanvas& m_canvas;
    const ReportDocument& m_document;
    bool m_drawing;
    int m_totalPages;
    double m_width;
    double m_height;
    int m_page = 1;
    double m_y = kMarginTop;
};

cairo_status_t discard(void*, const unsigned char*, unsigned int)
{
    return CAIRO_STATUS_SUCCESS;
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

double pageWidth(const ReportDocument& document)
{
    return document.landscape ? kA4Long : kA4Short;
}
double pageHeight(const ReportDocument& document)
{
    return document.landscape ? kA4Short : kA4Long;
}

int countPages(cairo_surface_t* surface, const ReportDocument& document)
{
    PdfCanvas canvas(surface, pageWidth(document), pageHeight(document));
    return Composer(canvas, document, 0).run();
}

} // namespace

int PdfRenderer::pageCount(const ReportDocument& document)
{
    Surface surface(cairo_pdf_surface_create_for_stream(discard, nullptr, pageWidth(document),
                                                        pageHeight(document)),
                    cairo_surface_destroy);
    return countPages(surface.get(), document);
}

void PdfRenderer::render(const ReportDocument& document, const std::filesystem::path& file)
{
    Surface surface(
        cairo_pdf_surface_create(file.c_str(), pageWidth(document), pageHeight(document)),
        cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw LedgerError(fmt::format("cannot write the report to {}: {}", file.string(),
                                      cairo_status_to_string(cairo_surface_status(surface.get()))));
    cairo_pdf_surface_set_metadata(
        surface.get(), CAIRO_PDF_METADATA_TITLE,
        (document.title + (document.subtitle.empty() ? "" : " — " + document.subtitle)).c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "asicledger");
    const int pages = countPages(surface.get(), document);
    {
        PdfCanvas canvas(surface.get(), pageWidth(document), pageHeight(document));
        Composer(canvas, document, pages).run();
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw LedgerError(fmt::format("cannot write the report to {}: {}", file.string(),
                                      cairo_status_to_string(cairo_surface_status(surface.get()))));
}

} // namespace asicledger
