#include "httprequestparser.h"

namespace cdrsim {

namespace {

HttpRequestParser::Result failure(int status, const char *text)
{
    HttpRequestParser::Result result;
    result.state = HttpRequestParser::State::Error;
    result.errorStatus = status;
    result.errorText = text;
    return result;
}

bool isTokenChar(char c)
{
    // RFC 9110 tchar, enough to reject garbage in the method and header names.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (!isTokenChar(c))
            return false;
    return true;
}

// Lines may end in CRLF or, leniently, in a bare LF.
QList<QByteArray> splitLines(QByteArrayView head)
{
    QList<QByteArray> lines;
    for (QByteArray line : head.toByteArray().split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
    }
    return lines;
}

} // namespace

HttpRequestParser::Result HttpRequestParser::parse(QByteArray &buffer)
{
    // Tolerate stray empty lines between pipelined requests (RFC 9112 §2.2).
    qsizetype skip = 0;
    while (skip < buffer.size() && (buffer.at(skip) == '\r' || buffer.at(skip) == '\n'))
        ++skip;
    if (skip > 0)
        buffer.remove(0, skip);

    qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    qsizetype separatorLength = 4;
    const qsizetype lfEnd = buffer.indexOf("\n\n");
    if (lfEnd >= 0 && (headEnd < 0 || lfEnd < headEnd)) {
        headEnd = lfEnd;
        separatorLength = 2;
    }
    if (headEnd < 0) {
        if (buffer.size() > maxHeaderBytes)
            return failure(431, "request header too large");
        return {};
    }
    if (headEnd > maxHeaderBytes)
        return failure(431, "request header too large");

    const QList<QByteArray> lines = splitLines(QByteArrayView(buffer).first(headEnd));
    const QList<QByteArray> requestLine = lines.first().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)))
        return failure(400, "malformed request line");

    HttpRequest request;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    request.version = requestLine.at(2);
    if (request.version != "HTTP/1.1" && request.version != "HTTP/1.0")
        return failure(505, "only HTTP/1.0 and HTTP/1.1 are supported");

    // A proxy-style absolute URI carries the path after the authority.
    if (request.target.startsWith("http://") || request.target.startsWith("https://")) {
        const qsizetype slash = request.target.indexOf('/', request.target.indexOf("//") + 2);
        request.target = slash < 0 ? QByteArray("/") : request.target.mid(slash);
    }
    if (!request.target.startsWith('/'))
        return failure(400, "request target must be an absolute path");

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return failure(400, "malformed header line");
        request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }

    if (!request.header("Transfer-Encoding").isEmpty())
        return failure(501, "chunked request bodies are not supported");

    qint64 contentLength = 0;
    bool lengthSeen = false;
    for (const auto &[key, value] : std::as_const(request.headers)) {
        if (key.compare("Content-Length", Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const qint64 length = value.toLongLong(&ok);
        if (!ok || length < 0 || (lengthSeen && length != contentLength))
            return failure(400, "invalid Content-Length");
        contentLength = length;
        lengthSeen = true;
    }
    if (contentLength > maxBodyBytes)
        return failure(413, "request body too large");

    const qsizetype bodyStart = headEnd + separatorLength;
    if (buffer.size() - bodyStart < contentLength)
        return {};

    request.body = buffer.mid(bodyStart, contentLength);
    buffer.remove(0, bodyStart + contentLength);

    Result result;
    result.state = State::Complete;
    result.request = std::move(request);
    return result;
}

} // namespace cdrsim
