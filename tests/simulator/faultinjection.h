#pragma once

#include "httpmessage.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

#include <chrono>

class QObject;
class QTcpSocket;

namespace cdrsim {

// What goes wrong with one reply.
enum class Fault : quint8 {
    Status,          // an error status (500, 502, 503, 504, 400...) with a short text body
    RateLimit,       // 429, with a Retry-After header when one is given
    Reset,           // the connection is dropped without a byte of reply (Qt itself resends some of these)
    ResetMidway,     // the headers come, then the connection is dropped: only the client can retry
    CutBody,         // headers announce the whole body, half of it comes, then the connection closes
    TruncatedJson,   // a well-framed 200 whose JSON stops half-way
    Stall,           // the request is accepted and never answered
    Drip,            // the reply comes one byte at a time, dripInterval apart
    NoLength,        // no Content-Length: the body ends when the connection closes (HTTP/1.0 style)
    HtmlPage,        // a proxy's or load balancer's HTML error page, sent with status 200 (httpStatus)
    WrongType,       // one field of the reply holds a value of another JSON type (see FaultPlan::field)
    NewCalls,        // the reply is right, but afterwards the data set gains calls, shifting later offsets
};

// One planned fault: the requests whose path matches `pathPattern` are counted;
// after `skip` of them, the next `count` get the fault.
struct FaultPlan {
    Fault fault = Fault::Status;
    QString pathPattern;             // a regular expression searched in the path; empty: every request
    int skip = 0;
    int count = 1;
    int httpStatus = 500;            // Fault::Status only
    QByteArray body;                 // Fault::Status: what it says (JSON); empty: a short text
    QByteArray retryAfter;           // Status and RateLimit: the Retry-After value, none when empty
    std::chrono::milliseconds dripInterval{50};
    QByteArray field;                // WrongType: the JSON member whose first value in the reply is replaced
    QByteArray replacement;          // WrongType: JSON text put there; empty: a string loses its quotes, a bare value gains them
    int newCalls = 0;                // NewCalls: how many calls arrive, spread over the simulator's time span
};

// One request as the server saw it: when it arrived (steady clock, comparable
// with std::chrono::steady_clock::now() in the test) and what it was given.
struct ServedRequest {
    QString path;                    // never the query: it may hold credentials
    std::chrono::steady_clock::time_point receivedAt;
    int status = 0;
    bool faulted = false;
    Fault fault = Fault::Status;     // when faulted
};

// Faults switched on per run, and the log of what was served. Thread-safe: the
// server thread applies them, the test plans and reads.
class FaultInjection {
public:
    void plan(const FaultPlan &plan);
    void clear();                                  // forget the plans and the log
    QList<ServedRequest> log() const;
    int faultsInjected() const;

    // Called by the simulator for every response it is about to write.
    void apply(const HttpRequest &request, HttpResponse &response);
    // Calls that a NewCalls fault of the latest apply() wants added; zero after this call.
    int takeNewCalls();

private:
    struct Planned {
        FaultPlan plan;
        int seen = 0;
    };
    mutable QMutex m_mutex;
    QList<Planned> m_plans;
    QList<ServedRequest> m_log;
    int m_injected = 0;
    int m_newCalls = 0;
};

// The value of the first member `field` in the JSON text `body` replaced by `replacement`
// (see FaultPlan::replacement), the rest of the text untouched; `body` when there is none.
QByteArray withWrongType(const QByteArray &body, const QByteArray &field, const QByteArray &replacement);

// The wire half of the faults: writes `bytes` (a serialised response) to the
// socket the way `response.wire` says, and leaves the connection spoilt (closed,
// or never to answer again). `context` owns any timer it needs.
void writeWithFault(QTcpSocket *socket, const QByteArray &bytes, const HttpResponse &response, QObject *context);

} // namespace cdrsim
