#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>

namespace cdrsim {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method;
    QByteArray target; // as sent on the request line: path plus optional "?query"
    QByteArray version; // "HTTP/1.0" or "HTTP/1.1"
    HttpHeaders headers;
    QByteArray body;

    // First header with that name (case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
    QByteArray rawPath() const;
    QByteArray rawQuery() const;
    // Percent-decoded path, never including the query string (safe to log).
    QString path() const;
    bool keepAlive() const;
};

// How a reply is spoilt on the wire (faultinjection.h); None: written as it is.
enum class WireFault : quint8 { None, Reset, ResetMidway, CutBody, Stall, Drip, NoLength };

struct HttpResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    HttpHeaders headers; // extra headers; Content-Type, Content-Length and Connection are added on write
    std::chrono::milliseconds delay{0}; // how long the server waits before writing it
    WireFault wire = WireFault::None; // set by FaultInjection only
    std::chrono::milliseconds wireInterval{0}; // WireFault::Drip: between two bytes
};

struct QueryItem {
    QString key;
    QString value;
};

QByteArray reasonPhrase(int status);
QByteArray serializeResponse(const HttpResponse &response, bool keepAlive, bool headOnly);

// application/x-www-form-urlencoded component: '+' is a space, then %XX, then UTF-8.
QString decodeFormComponent(QByteArrayView encoded);
// Splits on any of the separator characters; empty pieces are skipped.
QList<QueryItem> decodeQuery(QByteArrayView rawQuery, QByteArrayView separators = "&");

} // namespace cdrsim
