#include "pagededuplicator.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

std::vector<CdrRecord> page(int first, int count)
{
    std::vector<CdrRecord> rows;
    for (int i = first; i < first + count; ++i) {
        CdrRecord row;
        row.id = u"call-%1"_s.arg(i);
        rows.push_back(row);
    }
    return rows;
}

QStringList idsOf(const std::vector<CdrRecord> &rows)
{
    QStringList ids;
    for (const CdrRecord &row : rows)
        ids += row.id;
    return ids;
}

} // namespace

// PageDeduplicator alone: what a shift repeats is dropped, nothing else, in bounded memory.
class TestReliabilityDedup final : public QObject {
    Q_OBJECT

private slots:
    void dropsRowsShiftedIntoTheNextPage()
    {
        PageDeduplicator dedup;
        std::vector<CdrRecord> first = page(0, 20);
        QCOMPARE(dedup.filter(first), 0);
        // Three calls arrived before the cursor: the next page starts three rows early.
        std::vector<CdrRecord> second = page(17, 20);
        QCOMPARE(dedup.filter(second), 3);
        QCOMPARE(idsOf(second), idsOf(page(20, 17)));
    }

    void keepsRepeatsInsideOnePage()
    {
        // Several legs of one call may share an id within a page: that is the provider's data, not a shift.
        PageDeduplicator dedup;
        std::vector<CdrRecord> rows = page(0, 3);
        rows.push_back(rows.front());
        QCOMPARE(dedup.filter(rows), 0);
        QCOMPARE(rows.size(), size_t(4));
    }

    void keepsRowsWithoutId()
    {
        PageDeduplicator dedup;
        std::vector<CdrRecord> first(2);
        std::vector<CdrRecord> second(2);
        dedup.filter(first);
        QCOMPARE(dedup.filter(second), 0);
        QCOMPARE(second.size(), size_t(2));
    }

    void memoryStaysBoundedOverAMillionRows()
    {
        PageDeduplicator dedup(4);
        for (int first = 0; first < 1000000; first += 1000) {
            std::vector<CdrRecord> rows = page(first, 1000);
            QCOMPARE(dedup.filter(rows), 0);
            QVERIFY(dedup.rememberedIds() <= 4 * 1000);
        }
        QCOMPARE(dedup.rememberedIds(), 4000);
        // Forgotten pages no longer count; the last ones still do.
        std::vector<CdrRecord> old = page(0, 10);
        QCOMPARE(dedup.filter(old), 0);
        std::vector<CdrRecord> recent = page(999990, 10);
        QCOMPARE(dedup.filter(recent), 10);
    }
};

QTEST_GUILESS_MAIN(TestReliabilityDedup)
#include "tst_reliability_dedup.moc"
