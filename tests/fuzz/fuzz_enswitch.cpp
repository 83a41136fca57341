// Enswitch replies: the whole-body page parser and the streamed one, which must
// agree on every input however the body is cut into chunks; one call; an error
// body; a token sign-in reply.
#include "fuzzsupport.h"

#include "pagestreamparser.h"
#include "providers/enswitch/enswitchparser.h"
#include "providers/enswitch/enswitchsignin.h"

#include <QTimeZone>

namespace {

// The streamed parser must come to the same result as the whole-body one.
void compare(const PageResult &whole, const PageResult &streamed, const char *how)
{
    FUZZ_CHECK(whole.error.has_value() == streamed.error.has_value(), how);
    if (whole.error) {
        FUZZ_CHECK(whole.error->kind == streamed.error->kind, how);
        return;
    }
    FUZZ_CHECK(whole.total == streamed.total, how);
    FUZZ_CHECK(whole.rows.size() == streamed.rows.size(), how);
    for (size_t i = 0; i < whole.rows.size(); ++i) {
        FUZZ_CHECK(whole.rows[i].id == streamed.rows[i].id, how);
        FUZZ_CHECK(whole.rows[i].nativeJson(false) == streamed.rows[i].nativeJson(false), how);
    }
}

PageResult streamed(const QByteArray &body, fuzz::Random &random, qsizetype maxChunk)
{
    const std::unique_ptr<PageStreamParser> parser = EnswitchParser::pageStreamParser();
    for (qsizetype at = 0; at < body.size();) {
        // Empty chunks too: a reply may deliver nothing new.
        const qsizetype length = std::min(random.below(maxChunk + 1), body.size() - at);
        parser->feed(QByteArrayView(body).sliced(at, length));
        at += length;
    }
    return parser->finish();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);

    const PageResult whole = EnswitchParser::parsePage(body);
    fuzz::checkPage(whole);

    // Chunk boundaries from a generator seeded by the input: each mutation cuts
    // the body elsewhere. Small bodies are also fed one byte at a time, which
    // puts a boundary between every two bytes.
    fuzz::Random random(body);
    compare(whole, streamed(body, random, 1 + random.below(64)), "streamed in random chunks");
    if (size <= 512)
        compare(whole, streamed(body, random, 1), "streamed byte by byte");

    // A page abandoned mid-way (the user cancelled) must stop cleanly.
    {
        const std::unique_ptr<PageStreamParser> parser = EnswitchParser::pageStreamParser();
        parser->feed(QByteArrayView(body).first(random.below(body.size() + 1)));
    }

    fuzz::checkRecord(EnswitchParser::parseRecord(body));
    const int status = fuzz::statusFor(size);
    fuzz::checkError(EnswitchParser::errorFromReply(status, body), status);

    const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
    const SignInResult signIn = EnswitchSignIn::parseLogin(status, body, now);
    FUZZ_CHECK(int(signIn.tokens.has_value()) + int(!signIn.oneTimeCodeChallenge.isEmpty())
                + int(signIn.error.has_value()) == 1,
        "a sign-in reply is tokens, a challenge or an error");
    return 0;
}
