#include "cdrrecord.h"
#include "columns.h"
#include "isotimewriter.h"

#include <QTest>

#include <random>

using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}

// What an export wrote before IsoTimeWriter: columnText() through QDateTime.
QString qtText(const QDateTime &time, const QTimeZone &zone)
{
    CdrRecord record;
    record.startTime = time;
    return columnText(record, u"start_time", QString(), TimeFormat{TimeFormat::Style::Iso8601, zone});
}

QString written(IsoTimeWriter &writer, const QDateTime &time)
{
    char text[IsoTimeWriter::maxLength];
    const int size = writer.write(time, text);
    return QString::fromLatin1(text, size);
}

QTimeZone zoneFor(const QByteArray &id)
{
    if (id.isEmpty())
        return QTimeZone::utc();
    bool isOffset = false;
    const int offset = id.toInt(&isOffset);
    return isOffset ? QTimeZone(offset) : QTimeZone(id);
}

const QList<QByteArray> sweepZones{QByteArray(), "Europe/Berlin", "America/New_York", "Asia/Kolkata",
    "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham", "Europe/London", "-12600", "19800", "0"};

} // namespace

class TestIsoTimeWriter final : public QObject {
    Q_OBJECT

private slots:
    void knownTexts_data();
    void knownTexts();
    void leavesOddTimesToQt_data();
    void leavesOddTimesToQt();
    void matchesQtAroundTransitions_data();
    void matchesQtAroundTransitions();
    void matchesQtInRandomOrder_data();
    void matchesQtInRandomOrder();
};

void TestIsoTimeWriter::knownTexts_data()
{
    QTest::addColumn<QByteArray>("zoneId"); // empty: UTC; a number: a fixed offset in seconds
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");

    QTest::newRow("UTC") << QByteArray() << utc(2026, 11, 25, 7, 0, 0) << u"2026-11-25T07:00:00Z"_s;
    QTest::newRow("UTC millis") << QByteArray() << utc(2026, 11, 25, 7, 0, 1, 250) << u"2026-11-25T07:00:01.250Z"_s;
    QTest::newRow("UTC 1 ms") << QByteArray() << utc(2026, 1, 1, 0, 0, 0, 1) << u"2026-01-01T00:00:00.001Z"_s;
    QTest::newRow("leap day") << QByteArray() << utc(2024, 2, 29, 23, 59, 59) << u"2024-02-29T23:59:59Z"_s;
    QTest::newRow("2000 leap day") << QByteArray() << utc(2000, 2, 29, 12, 0, 0) << u"2000-02-29T12:00:00Z"_s;
    QTest::newRow("epoch") << QByteArray() << utc(1970, 1, 1, 0, 0, 0) << u"1970-01-01T00:00:00Z"_s;
    QTest::newRow("before epoch") << QByteArray() << utc(1969, 12, 31, 23, 59, 59, 999)
                                  << u"1969-12-31T23:59:59.999Z"_s;
    QTest::newRow("1900") << QByteArray() << utc(1900, 3, 1, 0, 0, 0) << u"1900-03-01T00:00:00Z"_s;
    QTest::newRow("year 44") << QByteArray() << utc(44, 3, 15, 12, 0, 0) << u"0044-03-15T12:00:00Z"_s;

    // Europe/Berlin: CET to CEST at 01:00 UTC on 2026-03-29, back on 2026-10-25.
    const QByteArray berlin("Europe/Berlin");
    QTest::newRow("Berlin before spring") << berlin << utc(2026, 3, 29, 0, 59, 59, 999)
                                          << u"2026-03-29T01:59:59.999+01:00"_s;
    QTest::newRow("Berlin spring") << berlin << utc(2026, 3, 29, 1, 0, 0) << u"2026-03-29T03:00:00+02:00"_s;
    QTest::newRow("Berlin before autumn") << berlin << utc(2026, 10, 25, 0, 59, 59)
                                          << u"2026-10-25T02:59:59+02:00"_s;
    QTest::newRow("Berlin autumn") << berlin << utc(2026, 10, 25, 1, 0, 0) << u"2026-10-25T02:00:00+01:00"_s;
    QTest::newRow("Berlin 1945 double summer time") << berlin << utc(1945, 7, 1, 12, 0, 0)
                                                    << u"1945-07-01T15:00:00+03:00"_s;
    QTest::newRow("Berlin 1960") << berlin << utc(1960, 7, 1, 12, 0, 0) << u"1960-07-01T13:00:00+01:00"_s;

    // America/New_York: EST to EDT at 07:00 UTC on 2026-03-08, back at 06:00 UTC on 2026-11-01.
    const QByteArray newYork("America/New_York");
    QTest::newRow("New York before spring") << newYork << utc(2026, 3, 8, 6, 59, 59) << u"2026-03-08T01:59:59-05:00"_s;
    QTest::newRow("New York spring") << newYork << utc(2026, 3, 8, 7, 0, 0) << u"2026-03-08T03:00:00-04:00"_s;
    QTest::newRow("New York before autumn") << newYork << utc(2026, 11, 1, 5, 59, 59)
                                            << u"2026-11-01T01:59:59-04:00"_s;
    QTest::newRow("New York autumn") << newYork << utc(2026, 11, 1, 6, 0, 0) << u"2026-11-01T01:00:00-05:00"_s;
    QTest::newRow("New York previous day") << newYork << utc(2026, 1, 1, 3, 0, 0, 5)
                                           << u"2025-12-31T22:00:00.005-05:00"_s;
    QTest::newRow("New York 1960 summer") << newYork << utc(1960, 7, 1, 12, 0, 0) << u"1960-07-01T08:00:00-04:00"_s;

    QTest::newRow("Kolkata +05:30") << QByteArray("Asia/Kolkata") << utc(2026, 11, 25, 7, 0, 0, 250)
                                    << u"2026-11-25T12:30:00.250+05:30"_s;
    QTest::newRow("St. John's -03:30") << QByteArray("America/St_Johns") << utc(2026, 1, 10, 2, 0, 0)
                                       << u"2026-01-09T22:30:00-03:30"_s;
    QTest::newRow("fixed -03:30") << QByteArray("-12600") << utc(2026, 1, 10, 2, 0, 0) << u"2026-01-09T22:30:00-03:30"_s;
    QTest::newRow("fixed +05:30") << QByteArray("19800") << utc(1950, 6, 1, 20, 0, 0) << u"1950-06-02T01:30:00+05:30"_s;
    QTest::newRow("London winter") << QByteArray("Europe/London") << utc(2026, 11, 25, 7, 0, 0)
                                   << u"2026-11-25T07:00:00+00:00"_s;
}

void TestIsoTimeWriter::knownTexts()
{
    QFETCH(QByteArray, zoneId);
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    const QTimeZone zone = zoneFor(zoneId);
    QVERIFY2(zone.isValid(), zoneId.constData());
    IsoTimeWriter writer(zone);
    QCOMPARE(written(writer, time), text);
    QCOMPARE(qtText(time, zone), text); // and what Qt writes, which the export wrote before
    QCOMPARE(written(writer, time), text); // again, from the cache
}

void TestIsoTimeWriter::leavesOddTimesToQt_data()
{
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<QDateTime>("time");

    QTest::newRow("year 10000") << QByteArray() << utc(10000, 1, 1, 0, 0, 0);
    QTest::newRow("year -5") << QByteArray() << utc(-5, 1, 1, 0, 0, 0);
    QTest::newRow("year 9999 to 10000 in Berlin") << QByteArray("Europe/Berlin") << utc(9999, 12, 31, 23, 30, 0);
    QTest::newRow("Berlin local mean time") << QByteArray("Europe/Berlin") << utc(1890, 1, 1, 12, 0, 0);
}

void TestIsoTimeWriter::leavesOddTimesToQt()
{
    QFETCH(QByteArray, zoneId);
    QFETCH(QDateTime, time);
    IsoTimeWriter writer(zoneFor(zoneId));
    char text[IsoTimeWriter::maxLength];
    QCOMPARE(writer.write(time, text), 0);
}

void TestIsoTimeWriter::matchesQtAroundTransitions_data()
{
    QTest::addColumn<QByteArray>("zoneId");
    for (const QByteArray &id : sweepZones)
        QTest::newRow(id.isEmpty() ? "UTC" : id.constData()) << id;
}

void TestIsoTimeWriter::matchesQtAroundTransitions()
{
    QFETCH(QByteArray, zoneId);
    const QTimeZone zone = zoneFor(zoneId);
    QVERIFY(zone.isValid());
    IsoTimeWriter writer(zone);
    // Every transition from 1900 to 2040, a millisecond, a second and an hour either side.
    QDateTime at = utc(1900, 1, 1, 0, 0, 0);
    const QDateTime until = utc(2040, 1, 1, 0, 0, 0);
    int checked = 0;
    while (zone.hasTransitions()) {
        const QTimeZone::OffsetData next = zone.nextTransition(at);
        if (!next.atUtc.isValid() || next.atUtc > until)
            break;
        at = next.atUtc;
        for (const qint64 delta : {-3600000LL, -1000LL, -1LL, 0LL, 1LL, 1000LL, 3600000LL}) {
            const QDateTime time = at.addMSecs(delta);
            char text[IsoTimeWriter::maxLength];
            const int size = writer.write(time, text);
            ++checked;
            if (size == 0) {
                QVERIFY(zone.offsetFromUtc(time) % 60 != 0); // local mean time: left to Qt
                continue;
            }
            QCOMPARE(QString::fromLatin1(text, size), qtText(time, zone));
        }
    }
    // Zones without transitions still get a year of hours.
    for (QDateTime time = utc(2026, 1, 1, 0, 0, 0); checked < 7 * 12; time = time.addDays(31), ++checked)
        QCOMPARE(written(writer, time), qtText(time, zone));
}

void TestIsoTimeWriter::matchesQtInRandomOrder_data()
{
    matchesQtAroundTransitions_data();
}

void TestIsoTimeWriter::matchesQtInRandomOrder()
{
    // Out of order, so the cache is filled and hit in every order; 1900 to 2100.
    QFETCH(QByteArray, zoneId);
    const QTimeZone zone = zoneFor(zoneId);
    IsoTimeWriter writer(zone);
    std::mt19937_64 random(20261125);
    std::uniform_int_distribution<qint64> instants(
        utc(1900, 1, 1, 0, 0, 0).toMSecsSinceEpoch(), utc(2100, 1, 1, 0, 0, 0).toMSecsSinceEpoch());
    for (int i = 0; i < 20000; ++i) {
        qint64 msecs = instants(random);
        if (i % 2 == 0)
            msecs -= msecs % 1000; // whole seconds too, written without milliseconds
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc());
        char text[IsoTimeWriter::maxLength];
        const int size = writer.write(time, text);
        if (size == 0) {
            QVERIFY(zone.offsetFromUtc(time) % 60 != 0); // local mean time: left to Qt
            continue;
        }
        QCOMPARE(QString::fromLatin1(text, size), qtText(time, zone));
    }
}

QTEST_GUILESS_MAIN(TestIsoTimeWriter)
#include "tst_isotimewriter.moc"
