#include "httpmessage.h"

namespace cdrsim {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpRequest::rawPath() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QByteArray HttpRequest::rawQuery() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QByteArray() : target.mid(q + 1);
}

QString HttpRequest::path() const
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath()));
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("Connection").toLower();
    // A Connection header may list several tokens, e.g. "keep-alive, Upgrade".
    const auto has = [&connection](QByteArrayView token) {
        for (const QByteArray &part : connection.split(','))
            if (part.trimmed() == token)
                return true;
        return false;
    };
    if (version == "HTTP/1.0")
        return has("keep-alive");
    return !has("close");
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

QByteArray serializeResponse(const HttpResponse &response, bool keepAlive, bool headOnly)
{
    QByteArray out;
    out.reserve(response.body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    out += "Server: cdr-simulator\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    // HEAD still announces the length the GET body would have (RFC 9110 §9.3.2).
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &[key, value] : response.headers)
        out += key + ": " + value + "\r\n";
    out += "\r\n";
    if (!headOnly)
        out += response.body;
    return out;
}

QString decodeFormComponent(QByteArrayView encoded)
{
    QByteArray bytes = encoded.toByteArray();
    bytes.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

QList<QueryItem> decodeQuery(QByteArrayView rawQuery, QByteArrayView separators)
{
    QList<QueryItem> items;
    qsizetype start = 0;
    const qsizetype n = rawQuery.size();
    for (qsizetype i = 0; i <= n; ++i) {
        if (i < n && !separators.contains(rawQuery.at(i)))
            continue;
        const QByteArrayView piece = rawQuery.sliced(start, i - start);
        start = i + 1;
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        if (eq < 0)
            items.append({decodeFormComponent(piece), QString()});
        else
            items.append({decodeFormComponent(piece.first(eq)), decodeFormComponent(piece.sliced(eq + 1))});
    }
    return items;
}

} // namespace cdrsim
