// PortSIP PBX replies: a page, one call (with and without the id asked for),
// an error body, a sign-in reply and the time format, all from the same bytes.
#include "fuzzsupport.h"

#include "providers/portsip/portsipparser.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);

    fuzz::checkPage(PortSipParser::parsePage(body));
    fuzz::checkRecord(PortSipParser::parseRecord(body));
    const RecordResult asked = PortSipParser::parseRecord(body, u"fuzz-id"_s);
    fuzz::checkRecord(asked);
    if (asked.record)
        FUZZ_CHECK(!asked.record->id.isEmpty(), "a record asked for by id has an id");

    const int status = fuzz::statusFor(size);
    fuzz::checkError(PortSipParser::errorFromReply(status, body), status);

    const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
    const SignInResult signIn = PortSipParser::parseSignIn(status, body, now);
    FUZZ_CHECK(int(signIn.tokens.has_value()) + int(!signIn.oneTimeCodeChallenge.isEmpty())
                + int(signIn.error.has_value()) == 1,
        "a sign-in reply is tokens, a challenge or an error");

    if (size < 256) {
        const QDateTime time = PortSipParser::parseTime(QString::fromUtf8(body));
        FUZZ_CHECK(!time.isValid() || time.timeSpec() == Qt::UTC, "a parsed time is UTC");
    }
    return 0;
}
