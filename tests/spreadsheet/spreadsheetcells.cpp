#include "spreadsheetcells.h"

#include <QFile>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

const auto officeNs = u"urn:oasis:names:tc:opendocument:xmlns:office:1.0"_s;
const auto tableNs = u"urn:oasis:names:tc:opendocument:xmlns:table:1.0"_s;
const auto textNs = u"urn:oasis:names:tc:opendocument:xmlns:text:1.0"_s;

SpreadsheetCell readCell(QXmlStreamReader &xml)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    SpreadsheetCell cell;
    cell.type = attributes.value(officeNs, u"value-type"_s).toString();
    cell.value = attributes.value(officeNs, u"value"_s).toString();
    if (cell.value.isEmpty())
        cell.value = attributes.value(officeNs, u"date-value"_s).toString();
    cell.formula = attributes.hasAttribute(tableNs, u"formula"_s);
    // The shown text is every text:p inside, one line each.
    QStringList paragraphs;
    while (xml.readNextStartElement()) {
        if (xml.namespaceUri() == textNs && xml.name() == u"p"_s)
            paragraphs.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
        else
            xml.skipCurrentElement();
    }
    cell.text = paragraphs.join(u'\n');
    return cell;
}

SpreadsheetRow readRow(QXmlStreamReader &xml)
{
    SpreadsheetRow row;
    while (xml.readNextStartElement()) {
        const bool isCell = xml.namespaceUri() == tableNs
            && (xml.name() == u"table-cell"_s || xml.name() == u"covered-table-cell"_s);
        if (!isCell) {
            xml.skipCurrentElement();
            continue;
        }
        const int repeated = qMax(1, xml.attributes().value(tableNs, u"number-columns-repeated"_s).toInt());
        const SpreadsheetCell cell = readCell(xml);
        // Trailing empty cells are repeated up to the sheet's last column: leave them out.
        if (cell.type.isEmpty() && cell.text.isEmpty() && repeated > 64)
            continue;
        for (int i = 0; i < repeated; ++i)
            row.append(cell);
    }
    while (!row.isEmpty() && row.constLast().type.isEmpty() && row.constLast().text.isEmpty())
        row.removeLast();
    return row;
}

} // namespace

QList<SpreadsheetRow> readFlatOds(const QString &fileName, QString *errorText)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorText = file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QList<SpreadsheetRow> rows;
    bool inFirstTable = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement() || xml.namespaceUri() != tableNs)
            continue;
        if (xml.name() == u"table"_s) {
            if (inFirstTable)
                break;
            inFirstTable = true;
        } else if (inFirstTable && xml.name() == u"table-row"_s) {
            rows.append(readRow(xml));
        }
    }
    if (xml.hasError())
        *errorText = xml.errorString();
    while (!rows.isEmpty() && rows.constLast().isEmpty())
        rows.removeLast();
    return rows;
}
