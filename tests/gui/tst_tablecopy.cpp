// Copying selected cells: tab-separated text and an HTML table, rows top to
// bottom and columns in their on-screen order, hidden columns left out, gaps
// kept so pasted columns line up, and a header row only when asked for.

#include "tablecopy.h"

#include <QHeaderView>
#include <QMimeData>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestTableCopy final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void nothingSelected();
    void blockAsTsv();
    void headerRow();
    void visualOrderAndHiddenColumns();
    void gapsAndAwkwardText();
    void htmlKeepsNumbersAsText();

private:
    void select(int row, int column);

    std::unique_ptr<QStandardItemModel> m_model;
    std::unique_ptr<QTableView> m_view;
};

void TestTableCopy::init()
{
    m_model = std::make_unique<QStandardItemModel>(4, 3);
    m_model->setHorizontalHeaderLabels({u"Caller"_s, u"Callee"_s, u"Amount"_s});
    const QStringList values{u"+12025550100"_s, u"0049301234567"_s, u"0.00200"_s, u"Müller, Anna"_s,
        u"a\tb"_s, u"-0.5"_s, u"=SUM(A1)"_s, u"line1\nline2"_s, u"1.10"_s, u"101"_s, u"102"_s, u"0"_s};
    for (int i = 0; i < values.size(); ++i)
        m_model->setItem(i / 3, i % 3, new QStandardItem(values[i]));
    m_view = std::make_unique<QTableView>();
    m_view->setModel(m_model.get());
}

void TestTableCopy::select(int row, int column)
{
    m_view->selectionModel()->select(m_model->index(row, column), QItemSelectionModel::Select);
}

void TestTableCopy::nothingSelected()
{
    QVERIFY(!selectedCellsMimeData(*m_view, false));
}

void TestTableCopy::blockAsTsv()
{
    select(0, 0);
    select(0, 1);
    select(1, 0);
    select(1, 1);
    const std::unique_ptr<QMimeData> data(selectedCellsMimeData(*m_view, false));
    QVERIFY(data);
    QCOMPARE(data->text(), u"+12025550100\t0049301234567\nMüller, Anna\ta b\n"_s);
}

void TestTableCopy::headerRow()
{
    select(3, 2);
    select(3, 0);
    const std::unique_ptr<QMimeData> data(selectedCellsMimeData(*m_view, true));
    QCOMPARE(data->text(), u"Caller\tAmount\n101\t0\n"_s);
    QVERIFY(data->html().contains(u"<th"_s));
    const std::unique_ptr<QMimeData> plain(selectedCellsMimeData(*m_view, false));
    QCOMPARE(plain->text(), u"101\t0\n"_s);
    QVERIFY(!plain->html().contains(u"<th"_s));
}

void TestTableCopy::visualOrderAndHiddenColumns()
{
    m_view->horizontalHeader()->moveSection(2, 0);   // Amount first on screen
    m_view->setColumnHidden(1, true);
    m_view->selectAll();
    const std::unique_ptr<QMimeData> data(selectedCellsMimeData(*m_view, true));
    QCOMPARE(data->text(), u"Amount\tCaller\n0.00200\t+12025550100\n-0.5\tMüller, Anna\n1.10\t=SUM(A1)\n0\t101\n"_s);
}

void TestTableCopy::gapsAndAwkwardText()
{
    select(0, 0);
    select(2, 1);
    const std::unique_ptr<QMimeData> data(selectedCellsMimeData(*m_view, false));
    // Row 0 has no callee selected and row 2 no caller: both stay empty cells; the
    // line break inside a value does not start a new row.
    QCOMPARE(data->text(), u"+12025550100\t\n\tline1 line2\n"_s);
}

void TestTableCopy::htmlKeepsNumbersAsText()
{
    select(0, 1);
    select(2, 0);
    const std::unique_ptr<QMimeData> data(selectedCellsMimeData(*m_view, false));
    const QString html = data->html();
    QVERIFY(html.startsWith(u"<table>"_s));
    QVERIFY(html.contains(u">0049301234567</td>"_s));
    QVERIFY(html.contains(u">=SUM(A1)</td>"_s));
    QVERIFY(html.contains(u"mso-number-format"_s));
    QCOMPARE(html.count(u"<tr>"_s), 2);
}

QTEST_MAIN(TestTableCopy)
#include "tst_tablecopy.moc"
