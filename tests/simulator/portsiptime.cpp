#include "portsiptime.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

constexpr qint64 kSecond = 1000000;

} // namespace

QByteArray formatPortsipTime(qint64 microseconds)
{
    const qint64 secs = microseconds >= 0 ? microseconds / kSecond : (microseconds - kSecond + 1) / kSecond;
    const qint64 fraction = microseconds - secs * kSecond;
    QByteArray out = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_s).toLatin1();
    if (fraction != 0)
        out += '.' + QByteArray::number(fraction).rightJustified(6, '0');
    return out + 'Z';
}

std::optional<qint64> parsePortsipTime(QStringView text)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))$"_s);
    const QRegularExpressionMatch m = pattern.match(text.toString());
    if (!m.hasMatch())
        return std::nullopt;
    auto number = [&m](int group) { return m.capturedView(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const QTime time(number(4), number(5), number(6));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    qint64 offsetSecs = 0;
    if (!m.hasCaptured(8)) {
        if (number(10) > 23 || number(11) > 59)
            return std::nullopt;
        offsetSecs = (number(10) * 3600 + number(11) * 60) * (m.capturedView(9) == u"-"_s ? -1 : 1);
    }
    const QString fraction = (m.captured(7) + u"000000"_s).left(6);
    const qint64 secs = QDateTime(date, time, QTimeZone::utc()).toSecsSinceEpoch() - offsetSecs;
    return secs * kSecond + fraction.toLongLong();
}

} // namespace cdrsim
