#include "tablecopy.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMimeData>
#include <QSet>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// A tab or line break inside a cell would start a new cell or row on paste.
QString tsvCell(QString text)
{
    text.replace(u'\t', u' ').replace(u"\r\n"_s, u" "_s).replace(u'\n', u' ').replace(u'\r', u' ');
    return text;
}

QString htmlCell(const QString &text, const char *tag)
{
    // Numbers and phone numbers stay text ("+4930…", "0049…"): mso-number-format tells
    // spreadsheets that read HTML not to turn them into numbers.
    return u"<%1 style=\"mso-number-format:'\\@'\">%2</%1>"_s.arg(QLatin1StringView(tag),
        text.toHtmlEscaped().replace(u'\n', u"<br>"_s));
}

} // namespace

QMimeData *selectedCellsMimeData(const QTableView &view, bool withHeader)
{
    const QItemSelectionModel *selection = view.selectionModel();
    const QAbstractItemModel *model = view.model();
    if (!selection || !model)
        return nullptr;
    const QModelIndexList indexes = selection->selectedIndexes();
    if (indexes.isEmpty())
        return nullptr;

    QSet<QPair<int, int>> chosen;
    QList<int> rows;
    QList<int> columns;
    for (const QModelIndex &index : indexes) {
        if (view.isColumnHidden(index.column()))
            continue;
        chosen.insert({index.row(), index.column()});
        rows.append(index.row());
        columns.append(index.column());
    }
    if (chosen.isEmpty())
        return nullptr;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const QHeaderView *header = view.horizontalHeader();
    std::sort(columns.begin(), columns.end(),
        [header](int a, int b) { return header->visualIndex(a) < header->visualIndex(b); });
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());

    QStringList tsvLines;
    QString html = u"<table>"_s;
    if (withHeader) {
        QStringList names;
        html += u"<tr>"_s;
        for (int column : std::as_const(columns)) {
            const QString name = model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
            names.append(tsvCell(name));
            html += htmlCell(name, "th");
        }
        html += u"</tr>"_s;
        tsvLines.append(names.join(u'\t'));
    }
    for (int row : std::as_const(rows)) {
        QStringList cells;
        html += u"<tr>"_s;
        for (int column : std::as_const(columns)) {
            const QString text = chosen.contains({row, column})
                ? model->data(model->index(row, column), Qt::DisplayRole).toString()
                : QString();
            cells.append(tsvCell(text));
            html += htmlCell(text, "td");
        }
        html += u"</tr>"_s;
        tsvLines.append(cells.join(u'\t'));
    }
    html += u"</table>"_s;

    auto *data = new QMimeData;
    data->setText(tsvLines.join(u'\n') + u'\n');
    data->setHtml(html);
    return data;
}
