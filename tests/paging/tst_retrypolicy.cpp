#include "httptransport.h"
#include "provider.h"
#include "providers/enswitch/enswitchprovider.h"
#include "retrypolicy.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The retry arithmetic alone: jittered delays, Retry-After in both forms, and
// telling a body cut short from a complete one.
class TestRetryPolicy final : public QObject {
    Q_OBJECT

private slots:
    void delaysStayWithinBounds();
    void sameSeedSameDelays();
    void delaysSpreadOut();
    void retryAfterIsCapped();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
    void detectsTruncatedJson_data();
    void detectsTruncatedJson();
    void safeToRetryDefaultsByMethod();
};

void TestRetryPolicy::delaysStayWithinBounds()
{
    RetryPolicy policy{100ms, 2000ms, 6};
    QRandomGenerator random(42);
    for (int run = 0; run < 200; ++run) {
        std::chrono::milliseconds previous{0};
        for (int attempt = 0; attempt < 10; ++attempt) {
            const std::chrono::milliseconds delay = policy.nextDelay(previous, random);
            QVERIFY2(delay >= policy.initialDelay, qPrintable(QString::number(delay.count())));
            QVERIFY2(delay <= policy.maxDelay, qPrintable(QString::number(delay.count())));
            // Decorrelated: never more than three times the last wait (or the floor).
            QVERIFY(delay <= std::max(previous, policy.initialDelay) * 3);
            previous = delay;
        }
    }
}

void TestRetryPolicy::sameSeedSameDelays()
{
    const RetryPolicy policy{50ms, 5000ms, 6};
    QRandomGenerator first(7);
    QRandomGenerator second(7);
    std::chrono::milliseconds a{0};
    std::chrono::milliseconds b{0};
    for (int i = 0; i < 20; ++i) {
        a = policy.nextDelay(a, first);
        b = policy.nextDelay(b, second);
        QCOMPARE(a, b);
    }
}

void TestRetryPolicy::delaysSpreadOut()
{
    // Many clients refused at once must not all come back together: the first
    // retries of 100 seeds take many different values, and they grow on average.
    const RetryPolicy policy{100ms, 10000ms, 6};
    QSet<qint64> firstRetries;
    qint64 firstSum = 0;
    qint64 fourthSum = 0;
    for (quint32 seed = 1; seed <= 100; ++seed) {
        QRandomGenerator random(seed);
        std::chrono::milliseconds delay = policy.nextDelay(0ms, random);
        firstRetries.insert(delay.count());
        firstSum += delay.count();
        for (int i = 0; i < 3; ++i)
            delay = policy.nextDelay(delay, random);
        fourthSum += delay.count();
    }
    QVERIFY(firstRetries.size() > 50);
    QVERIFY(fourthSum > firstSum * 2);
}

void TestRetryPolicy::retryAfterIsCapped()
{
    RetryPolicy policy;
    policy.maxRetryAfter = 60s;
    QCOMPARE(policy.honoured(5s), 5s);
    QCOMPARE(policy.honoured(3600s), 60s);
    QCOMPARE(policy.honoured(-1s), 0s);
}

void TestRetryPolicy::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expectedMs"); // -1: not understood

    QTest::newRow("seconds") << "120"_ba << 120000;
    QTest::newRow("seconds, spaces") << "  3 "_ba << 3000;
    QTest::newRow("zero") << "0"_ba << 0;
    QTest::newRow("negative") << "-5"_ba << -1;
    QTest::newRow("IMF-fixdate") << "Wed, 01 May 2024 12:00:30 GMT"_ba << 30000;
    QTest::newRow("RFC 850") << "Wednesday, 01-May-24 12:01:00 GMT"_ba << 60000;
    QTest::newRow("asctime") << "Wed May  1 12:00:05 2024"_ba << 5000;
    QTest::newRow("date in the past") << "Wed, 01 May 2024 11:00:00 GMT"_ba << 0;
    QTest::newRow("garbage") << "soon"_ba << -1;
    QTest::newRow("empty") << ""_ba << -1;
}

void TestRetryPolicy::parsesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expectedMs);
    const QDateTime now(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    const std::optional<std::chrono::milliseconds> parsed = RetryAfter::parse(value, now);
    if (expectedMs < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(parsed->count(), expectedMs);
}

void TestRetryPolicy::detectsTruncatedJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("truncated");

    QTest::newRow("complete object") << R"({"a": [1, 2, {"b": "}"}]})"_ba << false;
    QTest::newRow("complete but wrong") << R"([1, 2, 3])"_ba << false;
    QTest::newRow("escaped quote") << R"({"a": "x\"}"})"_ba << false;
    QTest::newRow("cut in an array") << R"({"a": [1, 2)"_ba << true;
    QTest::newRow("cut in a string") << R"({"a": "hel)"_ba << true;
    QTest::newRow("cut after escape") << R"({"a": "x\)"_ba << true;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("whitespace only") << " \r\n"_ba << true;
}

void TestRetryPolicy::detectsTruncatedJson()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, truncated);
    JsonTruncationCheck whole;
    whole.feed(body);
    QCOMPARE(whole.looksTruncated(), truncated);
    // The same, a byte at a time, as it arrives from the network.
    JsonTruncationCheck bytewise;
    for (const char c : body)
        bytewise.feed(QByteArrayView(&c, 1));
    QCOMPARE(bytewise.looksTruncated(), truncated);
}

void TestRetryPolicy::safeToRetryDefaultsByMethod()
{
    HttpRequest get;
    QVERIFY(get.isSafeToRetry());
    HttpRequest post;
    post.method = "POST";
    QVERIFY(!post.isSafeToRetry());
    post.safeToRetry = true;
    QVERIFY(post.isSafeToRetry());

    // Enswitch reads calls with POST (credentials stay out of the URL): declared safe.
    const EnswitchProvider enswitch;
    Connection connection{QUrl(u"https://enswitch.example"_s), u"user"_s, u"secret"_s};
    SearchQuery query;
    const HttpRequest page = enswitch.pageRequest(connection, query, 0, 10);
    QCOMPARE(page.method, "POST"_ba);
    QVERIFY(page.isSafeToRetry());
    QVERIFY(!enswitch.signInRequest(connection).isSafeToRetry());
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
