#include "authenticator.h"
#include "columns.h"
#include "detailpane.h"
#include "httptransport.h"
#include "provider.h"
#include "providerregistry.h"
#include "recordfetch.h"
#include "simulator.h"

#include <QApplication>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace {

NativeField nativeField(const QString &name, NativeValue::Kind kind, const QString &text)
{
    return NativeField{name, NativeValue{kind, text}};
}

// An answered outbound call in the shape the Plivo parser produces, written by hand.
CdrRecord sampleRecord()
{
    CdrRecord record;
    record.id = u"90b6eb07-796c-4d86-a4fd-44ed11667ddb"_s;
    record.startTime = QDateTime(QDate(2022, 12, 6), QTime(7, 1, 48), QTimeZone::utc());
    record.answerTime = QDateTime(QDate(2022, 12, 6), QTime(7, 1, 56), QTimeZone::utc());
    record.endTime = QDateTime(QDate(2022, 12, 6), QTime(7, 2, 0), QTimeZone::utc());
    record.caller = u"+12025551111"_s;
    record.callee = u"0049301234567"_s;
    record.direction = Direction::Outbound;
    record.duration = 4;
    record.billedDuration = 60;
    record.amount = u"0.00200"_s;
    record.rate = u"0.03000"_s;
    record.currency = u"USD"_s;
    record.hangupCause = u"normal_hangup"_s;
    record.hangupSource = u"carrier"_s;
    record.trunk = u"93667062664669661.ap-south-1.zt.plivo.com"_s;
    using K = NativeValue::Kind;
    record.native = {
        nativeField(u"call_uuid"_s, K::String, record.id),
        nativeField(u"from_number"_s, K::String, record.caller),
        nativeField(u"to_number"_s, K::String, record.callee),
        nativeField(u"bill_duration"_s, K::Number, u"60"_s),
        nativeField(u"total_amount"_s, K::String, u"0.00200"_s),
        nativeField(u"srtp"_s, K::Bool, u"false"_s),
        nativeField(u"hangup_cause_code"_s, K::Number, u"3000"_s),
        nativeField(u"hangup_cause_name"_s, K::String, u"normal_hangup"_s),
        nativeField(u"attestation_indicator"_s, K::String, u"null"_s),
        nativeField(u"trunk_id"_s, K::Null, QString()),
        nativeField(u"trunk_domain"_s, K::String, record.trunk),
        nativeField(u"caller_name"_s, K::String, u"Müller, \"Hans\"\nGmbH"_s),
    };
    return record;
}

const Provider &plivo()
{
    const Provider *provider = ProviderRegistry::find(u"plivo"_s);
    Q_ASSERT(provider);
    return *provider;
}

QString valueOf(const DetailPane &pane, const QString &key)
{
    const auto *value = pane.findChild<QTextEdit *>(u"value:"_s + key);
    return value ? value->toPlainText() : u"<missing>"_s;
}

} // namespace

class TestDetailPane final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void placeholderWithoutRecord();
    void showsEveryField_data();
    void showsEveryField();
    void copyButtonCopiesExactValue_data();
    void copyButtonCopiesExactValue();
    void explanationNextToField();
    void rawJsonHoldsNativeFields();
    void copyRecordIsJson();
    void displayZone();
    void longValuesWrap();
    void refreshWithoutConnectionIsDisabled();
    void recordFetch();
    void refreshUpdatesPane();
    void refreshUnknownIdShowsProviderWords();
    void screenshot();

private:
    CdrRecord fetchFirstRecord();
    Connection connection() const;
    Authenticator *authenticator();   // the demo account's sign-in, as the window shares it

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<Authenticator> m_authenticator;
    const QDateTime m_now = QDateTime(QDate(2024, 3, 1), QTime(12, 0), QTimeZone::utc());
};

void TestDetailPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(m_now);
    m_simulator->setPlivoRateLimit(0, std::chrono::milliseconds(0));
    QVERIFY(m_simulator->listen(0));
}

Connection TestDetailPane::connection() const
{
    const cdrsim::PlivoAccount account = cdrsim::Simulator::demoAccount();
    return Connection{m_simulator->baseUrl(), account.authId, account.authToken};
}

Authenticator *TestDetailPane::authenticator()
{
    if (!m_authenticator)
        m_authenticator = std::make_unique<Authenticator>(m_network, plivo(), connection());
    return m_authenticator.get();
}

CdrRecord TestDetailPane::fetchFirstRecord()
{
    const SearchQuery query = SearchQuery{}.resolved(m_now, plivo().timeRange());
    QNetworkReply *reply = HttpTransport::send(m_network, plivo().pageRequest(connection(), query, 0, 1), connection());
    QSignalSpy done(reply, &QNetworkReply::finished);
    [&] { QVERIFY(done.wait(10000)); }();
    const HttpTransport::Outcome outcome = HttpTransport::read(*reply);
    reply->deleteLater();
    const PageResult page = plivo().parsePage(outcome.body);
    if (page.rows.empty()) {
        qWarning("the simulator returned no calls (status %d)", outcome.httpStatus);
        return {};
    }
    return page.rows.front();
}

void TestDetailPane::placeholderWithoutRecord()
{
    DetailPane pane(m_network);
    const auto *placeholder = pane.findChild<QLabel *>(u"placeholder"_s);
    QVERIFY(placeholder);
    QVERIFY(placeholder->isVisibleTo(&pane));
    QVERIFY(!pane.record());

    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    QVERIFY(!placeholder->isVisibleTo(&pane));
    pane.showRecord(nullptr, &plivo(), u"plivo"_s, nullptr);
    QVERIFY(placeholder->isVisibleTo(&pane));
    QVERIFY(!pane.record());
}

void TestDetailPane::showsEveryField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("provider") << u"provider"_s << u"plivo"_s;
    QTest::newRow("id") << u"id"_s << u"90b6eb07-796c-4d86-a4fd-44ed11667ddb"_s;
    QTest::newRow("start_time") << u"start_time"_s << u"2022-12-06 07:01:48"_s;
    QTest::newRow("answer_time") << u"answer_time"_s << u"2022-12-06 07:01:56"_s;
    QTest::newRow("end_time") << u"end_time"_s << u"2022-12-06 07:02:00"_s;
    QTest::newRow("caller") << u"caller"_s << u"+12025551111"_s;
    QTest::newRow("callee keeps its zeros") << u"callee"_s << u"0049301234567"_s;
    QTest::newRow("direction") << u"direction"_s << u"outbound"_s;
    QTest::newRow("duration") << u"duration"_s << u"4"_s;
    QTest::newRow("billed_duration") << u"billed_duration"_s << u"60"_s;
    QTest::newRow("amount keeps its digits") << u"amount"_s << u"0.00200"_s;
    QTest::newRow("rate") << u"rate"_s << u"0.03000"_s;
    QTest::newRow("hangup_cause") << u"hangup_cause"_s << u"normal_hangup"_s;
    QTest::newRow("hangup_source") << u"hangup_source"_s << u"carrier"_s;
    QTest::newRow("trunk") << u"trunk"_s << u"93667062664669661.ap-south-1.zt.plivo.com"_s;
    QTest::newRow("raw.call_uuid") << u"raw.call_uuid"_s << u"90b6eb07-796c-4d86-a4fd-44ed11667ddb"_s;
    QTest::newRow("raw.bill_duration") << u"raw.bill_duration"_s << u"60"_s;
    QTest::newRow("raw.total_amount") << u"raw.total_amount"_s << u"0.00200"_s;
    QTest::newRow("raw.srtp") << u"raw.srtp"_s << u"false"_s;
    QTest::newRow("raw.hangup_cause_code") << u"raw.hangup_cause_code"_s << u"3000"_s;
    QTest::newRow("raw.attestation_indicator \"null\"") << u"raw.attestation_indicator"_s << u"null"_s;
    QTest::newRow("raw.trunk_id null") << u"raw.trunk_id"_s << QString();
    QTest::newRow("raw.caller_name") << u"raw.caller_name"_s << u"Müller, \"Hans\"\nGmbH"_s;
}

void TestDetailPane::showsEveryField()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    DetailPane pane(m_network);
    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    QCOMPARE(valueOf(pane, key), expected);
    // Every row the pane has is a field of the record, and every field has a row.
    const QList<QTextEdit *> values = pane.findChildren<QTextEdit *>(QRegularExpression(u"^value:"_s));
    QCOMPARE(values.size(), unifiedColumnKeys().size() + record.native.size());
}

void TestDetailPane::copyButtonCopiesExactValue_data()
{
    showsEveryField_data();
}

void TestDetailPane::copyButtonCopiesExactValue()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    DetailPane pane(m_network);
    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    auto *button = pane.findChild<QToolButton *>(u"copy:"_s + key);
    QVERIFY(button);
    QCOMPARE(button->accessibleName(), u"Copy "_s + columnTitle(key));
    if (expected.isEmpty()) {
        QVERIFY(!button->isEnabled()); // nothing to copy
        return;
    }
    QGuiApplication::clipboard()->setText(u"before"_s);
    button->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);
}

void TestDetailPane::explanationNextToField()
{
    DetailPane pane(m_network);
    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    const auto *explanation = pane.findChild<QTextEdit *>(u"explanation:raw.hangup_cause_code"_s);
    QVERIFY(explanation);
    QVERIFY(explanation->isVisibleTo(&pane));
    QVERIFY2(explanation->toPlainText().contains(u"normal_hangup"_s), qPrintable(explanation->toPlainText()));
    QVERIFY(explanation->toPlainText().contains(u"3000"_s));
    // Each explanation the provider gives is shown somewhere in the pane.
    for (const FieldExplanation &line : plivo().explain(record)) {
        const auto *next = pane.findChild<QTextEdit *>(u"explanation:"_s + line.key);
        const auto *notes = pane.findChild<QLabel *>(u"notes"_s);
        QVERIFY((next && next->toPlainText().contains(line.text)) || notes->text().contains(line.text));
    }
    // Without a provider nothing is explained.
    pane.showRecord(&record, nullptr, u"plivo"_s, nullptr);
    QVERIFY(!explanation->isVisibleTo(&pane));
}

void TestDetailPane::rawJsonHoldsNativeFields()
{
    DetailPane pane(m_network);
    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    const auto *raw = pane.findChild<QPlainTextEdit *>(u"rawJson"_s);
    QVERIFY(raw);
    QVERIFY(raw->isReadOnly());
    QVERIFY(
        raw->font().fixedPitch() || raw->font().styleHint() == QFont::Monospace || QFontInfo(raw->font()).fixedPitch());
    const QString text = raw->toPlainText();
    QCOMPARE(text, QString::fromUtf8(record.nativeJson(true)));
    QVERIFY(text.contains(u"\"total_amount\": \"0.00200\""_s));
    QVERIFY(text.contains(u"\"hangup_cause_code\": 3000"_s));
    QVERIFY(text.contains(u"\"trunk_id\": null"_s));
}

void TestDetailPane::copyRecordIsJson()
{
    DetailPane pane(m_network);
    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    auto *button = pane.findChild<QPushButton *>(u"copyRecord"_s);
    QVERIFY(button);
    button->click();
    const QString copied = QGuiApplication::clipboard()->text();
    QCOMPARE(copied, pane.recordJson());
    QVERIFY(copied.contains(u"\n    "_s)); // pretty, not one line

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(copied.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject unified = doc.object().value(u"unified"_s).toObject();
    const QJsonObject native = doc.object().value(u"native"_s).toObject();
    QCOMPARE(unified.size(), unifiedColumnKeys().size());
    QCOMPARE(unified.value(u"caller"_s).toString(), u"+12025551111"_s);
    QCOMPARE(unified.value(u"amount"_s).toString(), u"0.00200"_s); // a string: exact
    QCOMPARE(unified.value(u"start_time"_s).toString(), u"2022-12-06T07:01:48Z"_s);
    QCOMPARE(unified.value(u"billed_duration"_s).toInteger(), qint64(60));
    QCOMPARE(native.size(), record.native.size());
    QCOMPARE(native.value(u"call_uuid"_s).toString(), record.id);
    QCOMPARE(native.value(u"caller_name"_s).toString(), u"Müller, \"Hans\"\nGmbH"_s);
    QVERIFY(native.value(u"trunk_id"_s).isNull());
    // The native text is spliced in unchanged, so numbers keep their exact digits.
    QVERIFY(copied.contains(u"\"total_amount\": \"0.00200\""_s));

    // Control characters and quotes in unified values stay valid JSON.
    CdrRecord odd = record;
    odd.caller = u"\"+1\t2\u0001\\"_s;
    odd.answerTime = QDateTime(); // unanswered: null
    pane.showRecord(&odd, &plivo(), u"plivo"_s, nullptr);
    const QJsonDocument oddDoc = QJsonDocument::fromJson(pane.recordJson().toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject oddUnified = oddDoc.object().value(u"unified"_s).toObject();
    QCOMPARE(oddUnified.value(u"caller"_s).toString(), odd.caller);
    QVERIFY(oddUnified.contains(u"answer_time"_s));
    QVERIFY(oddUnified.value(u"answer_time"_s).isNull());
}

void TestDetailPane::displayZone()
{
    DetailPane pane(m_network);
    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    pane.setDisplayTimeZone(QTimeZone("Europe/Berlin"));
    QCOMPARE(valueOf(pane, u"start_time"_s), u"2022-12-06 08:01:48"_s);
    const auto *subtitle = pane.findChild<QLabel *>(u"subtitle"_s);
    QVERIFY(subtitle->text().contains(u"Europe/Berlin"_s));
    QVERIFY(subtitle->text().contains(u"08:01:48"_s));
    const auto *title = pane.findChild<QLabel *>(u"title"_s);
    QVERIFY(title->text().contains(u"+12025551111"_s));
    QVERIFY(title->text().contains(u"0049301234567"_s));
}

void TestDetailPane::longValuesWrap()
{
    DetailPane pane(m_network);
    CdrRecord record = sampleRecord();
    record.native.append(nativeField(u"long_token"_s, NativeValue::Kind::String, QString(200, u'x')));
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    pane.resize(320, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const auto *scroll = pane.findChild<QScrollArea *>(u"fields"_s);
    QTRY_VERIFY(scroll->widget()->width() <= scroll->viewport()->width());
    const auto *value = pane.findChild<QTextEdit *>(u"value:raw.long_token"_s);
    QTRY_VERIFY(value->height() > 2 * value->fontMetrics().lineSpacing());
    QVERIFY(value->geometry().right() < scroll->viewport()->width());

    // The wheel over a value must reach the field list around it: the value
    // leaves the event unaccepted, so Qt passes a real (spontaneous) one on.
    auto *callerValue = pane.findChild<QTextEdit *>(u"value:caller"_s);
    const QPoint at = callerValue->viewport()->rect().center();
    QWheelEvent wheel(at, callerValue->viewport()->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(callerValue->viewport(), &wheel);
    QVERIFY(!wheel.isAccepted());
}

void TestDetailPane::refreshWithoutConnectionIsDisabled()
{
    DetailPane pane(m_network);
    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, nullptr);
    auto *refresh = pane.findChild<QPushButton *>(u"refresh"_s);
    QVERIFY(refresh);
    QVERIFY(!refresh->isEnabled());
    pane.showRecord(&record, &plivo(), u"plivo"_s, authenticator());
    QVERIFY(refresh->isEnabled());
    pane.showRecord(&record, nullptr, u"plivo"_s, authenticator());
    QVERIFY(!refresh->isEnabled());
}

void TestDetailPane::recordFetch()
{
    const CdrRecord first = fetchFirstRecord();
    QVERIFY(!first.id.isEmpty());

    RecordFetch fetch(m_network, plivo(), connection(), first.id);
    QSignalSpy finished(&fetch, &RecordFetch::finished);
    fetch.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    const auto result = finished.at(0).at(0).value<RecordResult>();
    QVERIFY(!result.error);
    QVERIFY(result.record);
    QCOMPARE(result.record->id, first.id);
    QCOMPARE(result.record->caller, first.caller);
    QCOMPARE(result.record->nativeJson(false), first.nativeJson(false));

    Connection wrong = connection();
    wrong.secret = u"not-the-token"_s;
    RecordFetch denied(m_network, plivo(), wrong, first.id);
    QSignalSpy deniedFinished(&denied, &RecordFetch::finished);
    denied.start();
    QVERIFY(deniedFinished.wait(10000));
    const auto deniedResult = deniedFinished.at(0).at(0).value<RecordResult>();
    QVERIFY(deniedResult.error);
    QCOMPARE(deniedResult.error->httpStatus, 401);
    QVERIFY(!deniedResult.error->message().contains(u"not-the-token"_s));

    // No answer in time is a timeout, reported as such.
    m_simulator->setLatency(std::chrono::milliseconds(2000));
    RecordFetch slow(m_network, plivo(), connection(), first.id);
    slow.setTimeout(std::chrono::milliseconds(200));
    QSignalSpy slowFinished(&slow, &RecordFetch::finished);
    slow.start();
    QVERIFY(slowFinished.wait(10000));
    m_simulator->setLatency(std::chrono::milliseconds(0));
    const auto slowResult = slowFinished.at(0).at(0).value<RecordResult>();
    QVERIFY(slowResult.error);
    QCOMPARE(slowResult.error->kind, ApiError::Kind::Timeout);

    // Deleting a running fetch aborts it without a late signal.
    auto *dropped = new RecordFetch(m_network, plivo(), connection(), first.id);
    QSignalSpy droppedFinished(dropped, &RecordFetch::finished);
    dropped->start();
    delete dropped;
    QCOMPARE(droppedFinished.size(), 0);
}

void TestDetailPane::refreshUpdatesPane()
{
    const CdrRecord current = fetchFirstRecord();
    QVERIFY(!current.id.isEmpty());
    // What the table still holds: an older copy of the same call.
    CdrRecord stale = current;
    stale.caller = u"+10000000000"_s;
    stale.native = {nativeField(u"call_uuid"_s, NativeValue::Kind::String, current.id)};

    DetailPane pane(m_network);
    pane.showRecord(&stale, &plivo(), u"plivo"_s, authenticator());
    QCOMPARE(valueOf(pane, u"caller"_s), u"+10000000000"_s);
    QSignalSpy refreshed(&pane, &DetailPane::recordRefreshed);
    QSignalSpy failed(&pane, &DetailPane::refreshFailed);
    pane.findChild<QPushButton *>(u"refresh"_s)->click();
    QVERIFY(pane.isRefreshing());
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(refreshed.at(0).at(0).value<CdrRecord>().id, current.id);
    QCOMPARE(valueOf(pane, u"caller"_s), current.caller);
    for (const NativeField &field : current.native)
        QCOMPARE(valueOf(pane, u"raw."_s + field.name), field.value.text);
    QCOMPARE(
        pane.findChild<QPlainTextEdit *>(u"rawJson"_s)->toPlainText(), QString::fromUtf8(current.nativeJson(true)));
    QVERIFY(pane.errorText().isEmpty());
    QVERIFY(!pane.isRefreshing());
}

void TestDetailPane::refreshUnknownIdShowsProviderWords()
{
    const QString unknownId = u"00000000-0000-4000-8000-000000000000"_s;
    // What the provider says about this id, fetched directly for comparison.
    QNetworkReply *reply = HttpTransport::send(m_network, plivo().recordRequest(connection(), unknownId), connection());
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    const HttpTransport::Outcome outcome = HttpTransport::read(*reply);
    reply->deleteLater();
    QCOMPARE(outcome.httpStatus, 404);
    const QString providerWords = QJsonDocument::fromJson(outcome.body).object().value(u"error"_s).toString();
    QVERIFY(!providerWords.isEmpty());
    const ApiError expected = plivo().errorFromReply(404, outcome.body);

    CdrRecord record = sampleRecord();
    record.id = unknownId;
    DetailPane pane(m_network);
    pane.showRecord(&record, &plivo(), u"plivo"_s, authenticator());
    QSignalSpy failed(&pane, &DetailPane::refreshFailed);
    pane.refresh();
    QVERIFY(failed.wait(10000));
    const auto *error = pane.findChild<QLabel *>(u"error"_s);
    QVERIFY(error->isVisibleTo(&pane));
    QCOMPARE(error->text(), expected.message());
    QVERIFY2(error->text().contains(providerWords), qPrintable(error->text()));
    QVERIFY(!error->text().contains(connection().secret));
    if (const QByteArray path = qgetenv("CDR_DETAILPANE_SCREENSHOT"); !path.isEmpty()) {
        pane.resize(400, 500);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(pane.grab().save(QString::fromLocal8Bit(path).replace(u".png"_s, u"-error.png"_s)));
    }
    // The shown call stays as it was.
    QCOMPARE(valueOf(pane, u"caller"_s), record.caller);

    // Showing the same call again (the table re-selected it) keeps the error;
    // another call clears it.
    pane.showRecord(&record, &plivo(), u"plivo"_s, authenticator());
    QVERIFY(error->isVisibleTo(&pane));
    const CdrRecord other = sampleRecord();
    pane.showRecord(&other, &plivo(), u"plivo"_s, authenticator());
    QVERIFY(!error->isVisibleTo(&pane));
}

void TestDetailPane::screenshot()
{
    DetailPane pane(m_network);
    const CdrRecord record = sampleRecord();
    pane.showRecord(&record, &plivo(), u"plivo"_s, authenticator());
    pane.resize(400, 900);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const QPixmap shot = pane.grab();
    QVERIFY(!shot.isNull());
    // Only on request: the test does not write outside its sandbox by default.
    if (const QByteArray path = qgetenv("CDR_DETAILPANE_SCREENSHOT"); !path.isEmpty()) {
        QVERIFY(shot.save(QString::fromLocal8Bit(path)));
        // The whole field list too, as it would show in a tall dock.
        const auto *scroll = pane.findChild<QScrollArea *>(u"fields"_s);
        QVERIFY(scroll->widget()->grab().save(QString::fromLocal8Bit(path).replace(u".png"_s, u"-fields.png"_s)));
    }
}

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
