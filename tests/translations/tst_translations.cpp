#include "apierror.h"
#include "cdrrecord.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type;          // "unfinished", "vanished", "obsolete" or empty
    QStringList forms;     // one entry, or the numerus forms
};

// Reads every <message> of a .ts file; an unreadable file gives a failure text.
QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == "name"_L1) {
                context = xml.readElementText();
            } else if (name == "message"_L1) {
                current = TsMessage{context, {}, xml.attributes().value("numerus"_L1) == "yes"_L1, {}, {}};
            } else if (name == "source"_L1) {
                current.source = xml.readElementText();
            } else if (name == "translation"_L1) {
                current.type = xml.attributes().value("type"_L1).toString();
                if (!current.numerus)
                    current.forms.append(xml.readElementText());
            } else if (name == "numerusform"_L1) {
                current.forms.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

// %1..%9 (also as %L1) and %n, as a set: order may change in a translation.
std::set<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?([1-9]|n)"_s);
    std::set<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

// A keyboard accelerator: '&' before a character, not "&&" (a literal ampersand).
int acceleratorCount(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (!text.at(i + 1).isSpace())
            ++count;
    }
    return count;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(CDR_TRANSLATIONS_DIR) + u"/cdrbrowser_"_s + language + u".ts"_s;
}

QString where(const TsMessage &message)
{
    return message.context + u": \""_s + message.source + u'"';
}

} // namespace

class TestTranslations final : public QObject {
    Q_OBJECT

private slots:
    void germanIsComplete();
    void englishHoldsEveryPluralForm();
    void compiledGermanTranslates();
    void compiledEnglishSaysPlurals();
    void localeChoosesTheFile_data();
    void localeChoosesTheFile();

private:
    void checkMessages(const QList<TsMessage> &messages, bool checkQuotes);
};

void TestTranslations::checkMessages(const QList<TsMessage> &messages, bool checkQuotes)
{
    for (const TsMessage &message : messages) {
        QVERIFY2(message.type.isEmpty(), qPrintable(where(message) + u" is "_s + message.type));
        QCOMPARE(message.forms.size(), message.numerus ? 2 : 1);
        const std::set<QString> wanted = placeholders(message.source);
        for (const QString &form : message.forms) {
            QVERIFY2(!form.trimmed().isEmpty(), qPrintable(where(message) + u" has an empty translation"_s));
            QVERIFY2(placeholders(form) == wanted,
                     qPrintable(where(message) + u" changes the placeholders: \""_s + form + u'"'));
            QVERIFY2(acceleratorCount(form) == acceleratorCount(message.source),
                     qPrintable(where(message) + u" changes the accelerators: \""_s + form + u'"'));
            // German opens with „ and closes with “: the two come in pairs.
            if (checkQuotes && message.source.contains(u'\u201c'))
                QVERIFY2(form.count(u'\u201e') == form.count(u'\u201c') && form.contains(u'\u201e'),
                         qPrintable(where(message) + u" should quote „like this“: \""_s + form + u'"'));
        }
    }
}

void TestTranslations::germanIsComplete()
{
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(u"de"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    checkMessages(messages, true);
}

void TestTranslations::englishHoldsEveryPluralForm()
{
    QString error;
    const QList<TsMessage> english = readTs(tsPath(u"en"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<TsMessage> german = readTs(tsPath(u"de"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    checkMessages(english, false);

    std::set<std::pair<QString, QString>> germanPlurals;
    for (const TsMessage &message : german) {
        if (message.numerus)
            germanPlurals.insert({message.context, message.source});
    }
    std::set<std::pair<QString, QString>> englishPlurals;
    for (const TsMessage &message : english) {
        QVERIFY2(message.numerus, qPrintable(where(message) + u" needs no English translation"_s));
        englishPlurals.insert({message.context, message.source});
    }
    QVERIFY(!germanPlurals.empty());
    QVERIFY2(englishPlurals == germanPlurals, "the English file lacks a plural message");
}

void TestTranslations::compiledGermanTranslates()
{
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/cdrbrowser_de.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    ApiError cancelled;
    cancelled.kind = ApiError::Kind::Cancelled;
    QCOMPARE(cancelled.message(), u"Abgebrochen"_s);
    QCOMPARE(directionDisplayName(Direction::Inbound), u"eingehend"_s);
    QCOMPARE(QCoreApplication::translate("TimeRangeEditor", "Default: last %n day(s)", nullptr, 1),
             u"Standard: letzter 1 Tag"_s);
    QCOMPARE(QCoreApplication::translate("TimeRangeEditor", "Default: last %n day(s)", nullptr, 30),
             u"Standard: letzte 30 Tage"_s);

    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(cancelled.message(), u"Cancelled"_s);
}

void TestTranslations::compiledEnglishSaysPlurals()
{
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/cdrbrowser_en.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(QCoreApplication::translate("TimeRangeEditor", "Default: last %n day(s)", nullptr, 1),
             u"Default: last 1 day"_s);
    QCOMPARE(QCoreApplication::translate("TimeRangeEditor", "Default: last %n day(s)", nullptr, 30),
             u"Default: last 30 days"_s);
    // Everything else stays the source text.
    ApiError cancelled;
    cancelled.kind = ApiError::Kind::Cancelled;
    QCOMPARE(cancelled.message(), u"Cancelled"_s);
    QCoreApplication::removeTranslator(&translator);
}

void TestTranslations::localeChoosesTheFile_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("cancelled");
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany) << u"Abgebrochen"_s;
    QTest::newRow("de_AT") << QLocale(QLocale::German, QLocale::Austria) << u"Abgebrochen"_s;
    QTest::newRow("de_CH") << QLocale(QLocale::German, QLocale::Switzerland) << u"Abgebrochen"_s;
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << u"Cancelled"_s;
    QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << u"Cancelled"_s;
}

// The apps load "cdrbrowser" for QLocale() from :/i18n; this is that lookup.
void TestTranslations::localeChoosesTheFile()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, cancelled);
    QTranslator translator;
    QVERIFY(translator.load(locale, u"cdrbrowser"_s, u"_"_s, u":/i18n"_s));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(QCoreApplication::translate("ApiError", "Cancelled"), cancelled);
    QCOMPARE(QCoreApplication::translate("ExportController", "Exported %Ln row(s) to %1", nullptr, 2).arg(u"x.csv"_s),
             locale.language() == QLocale::German ? u"2 Zeilen nach x.csv exportiert"_s
                                                  : u"Exported 2 rows to x.csv"_s);
    QCoreApplication::removeTranslator(&translator);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
