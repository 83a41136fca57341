#pragma once

#include "httpmessage.h"

namespace cdrsim {

// Cuts one HTTP/1.x request off the front of a receive buffer. Stateless: a
// partial request stays in the buffer and is parsed again when more bytes arrive,
// which is cheap for the small requests an API client sends.
class HttpRequestParser {
public:
    enum class State { NeedMore, Complete, Error };

    struct Result {
        State state = State::NeedMore;
        HttpRequest request; // valid when Complete
        int errorStatus = 0; // set when Error; the connection is closed after answering
        QByteArray errorText;
    };

    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;

    static Result parse(QByteArray &buffer);
};

} // namespace cdrsim
