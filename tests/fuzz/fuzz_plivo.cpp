// Plivo Zentrunk replies: a page, one call, an error body and the time format,
// all from the same hostile bytes.
#include "fuzzsupport.h"

#include "providers/plivo/plivoparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);

    fuzz::checkPage(PlivoParser::parsePage(body));
    fuzz::checkRecord(PlivoParser::parseRecord(body));
    const int status = fuzz::statusFor(size);
    fuzz::checkError(PlivoParser::errorFromReply(status, body), status);

    if (size < 256) {
        const QDateTime time = PlivoParser::parseTime(QString::fromUtf8(body));
        FUZZ_CHECK(!time.isValid() || time.timeSpec() == Qt::UTC, "a parsed time is UTC");
    }
    return 0;
}
