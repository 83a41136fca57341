#include "recordjson.h"

#include "cdrrecord.h"
#include "columns.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// A JSON string literal. Non-ASCII stays as UTF-8, which JSON allows.
QString jsonString(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

// Digits only, without a leading zero or sign, so it can go into JSON as a number unchanged.
bool isJsonInteger(const QString &text)
{
    if (text.isEmpty() || (text.size() > 1 && text.front() == u'0'))
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QString recordToJson(const CdrRecord &record, const QString &providerId)
{
    // Written by hand: a JSON DOM would carry numbers as doubles.
    const TimeFormat iso;
    QString out = u"{\n    \"unified\": {"_s;
    const QStringList keys = unifiedColumnKeys();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString &key = keys.at(i);
        const QString text = columnText(record, key, providerId, iso);
        QString value;
        if (text.isEmpty())
            value = u"null"_s;
        else if (columnType(key) == ColumnType::Seconds && isJsonInteger(text))
            value = text;
        else
            value = jsonString(text);
        out += (i == 0 ? u"\n"_s : u",\n"_s) + u"        "_s + jsonString(key) + u": "_s + value;
    }
    QString native = QString::fromUtf8(record.nativeJson(true));
    native.replace(u'\n', u"\n    "_s);
    out += u"\n    },\n    \"native\": "_s + native + u"\n}\n"_s;
    return out;
}
