#include "faultinjection.h"

#include <QMutexLocker>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

namespace cdrsim {

void FaultInjection::plan(const FaultPlan &plan)
{
    QMutexLocker lock(&m_mutex);
    m_plans.append({plan, 0});
}

void FaultInjection::clear()
{
    QMutexLocker lock(&m_mutex);
    m_plans.clear();
    m_log.clear();
    m_injected = 0;
}

QList<ServedRequest> FaultInjection::log() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

int FaultInjection::faultsInjected() const
{
    QMutexLocker lock(&m_mutex);
    return m_injected;
}

void FaultInjection::apply(const HttpRequest &request, HttpResponse &response)
{
    QMutexLocker lock(&m_mutex);
    ServedRequest served;
    served.path = request.path();
    served.receivedAt = std::chrono::steady_clock::now();

    // The first plan that matches and whose turn it is; every matching plan counts the request.
    const FaultPlan *chosen = nullptr;
    for (Planned &planned : m_plans) {
        if (!served.path.contains(QRegularExpression(planned.plan.pathPattern)))
            continue;
        const int index = planned.seen++;
        if (!chosen && index >= planned.plan.skip && index < planned.plan.skip + planned.plan.count)
            chosen = &planned.plan;
    }
    if (chosen) {
        ++m_injected;
        served.faulted = true;
        served.fault = chosen->fault;
        switch (chosen->fault) {
        case Fault::Status:
        case Fault::RateLimit:
            response = HttpResponse();
            response.status = chosen->fault == Fault::RateLimit ? 429 : chosen->httpStatus;
            response.contentType = chosen->body.isEmpty() ? "text/plain" : "application/json";
            response.body = !chosen->body.isEmpty() ? chosen->body
                : chosen->fault == Fault::RateLimit ? QByteArrayLiteral("slow down\n")
                                                    : QByteArrayLiteral("injected fault\n");
            if (!chosen->retryAfter.isEmpty())
                response.headers.append({QByteArrayLiteral("Retry-After"), chosen->retryAfter});
            break;
        case Fault::TruncatedJson:
            response.body.truncate(response.body.size() / 2);
            break;
        case Fault::Reset:
            response.wire = WireFault::Reset;
            break;
        case Fault::ResetMidway:
            response.wire = WireFault::ResetMidway;
            break;
        case Fault::CutBody:
            response.wire = WireFault::CutBody;
            break;
        case Fault::Stall:
            response.wire = WireFault::Stall;
            break;
        case Fault::NoLength:
            response.wire = WireFault::NoLength;
            break;
        case Fault::Drip:
            response.wire = WireFault::Drip;
            response.wireInterval = chosen->dripInterval;
            break;
        case Fault::HtmlPage:
            response = HttpResponse();
            response.status = chosen->httpStatus;
            response.contentType = "text/html; charset=utf-8";
            response.body = QByteArrayLiteral("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
                                              "<body><h1>Bad Gateway</h1><p>The upstream server is unavailable.</p>"
                                              "<hr><address>edge-proxy</address></body></html>\n");
            break;
        case Fault::WrongType:
            response.body = withWrongType(response.body, chosen->field, chosen->replacement);
            break;
        case Fault::NewCalls:
            m_newCalls += chosen->newCalls;
            break;
        }
    }
    served.status = response.status;
    m_log.append(served);
}

int FaultInjection::takeNewCalls()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_newCalls, 0);
}

namespace {

// Where the JSON value starting at `from` ends: past a string's closing quote, or at
// the delimiter after a bare value; objects and arrays are skipped whole.
qsizetype valueEnd(const QByteArray &text, qsizetype from)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = from; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"') {
                inString = false;
                if (depth == 0)
                    return i + 1;
            }
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            if (depth == 0)
                return i;
            if (--depth == 0)
                return i + 1;
        } else if (c == ',' && depth == 0)
            return i;
    }
    return text.size();
}

} // namespace

QByteArray withWrongType(const QByteArray &body, const QByteArray &field, const QByteArray &replacement)
{
    // Text surgery rather than a JSON round trip: every other byte (number formats,
    // member order, odd quotes) stays exactly as the simulator wrote it.
    const QByteArray key = '"' + field + '"';
    for (qsizetype at = body.indexOf(key); at >= 0; at = body.indexOf(key, at + 1)) {
        qsizetype start = at + key.size();
        while (start < body.size() && QChar::isSpace(uchar(body.at(start))))
            ++start;
        if (start >= body.size() || body.at(start) != ':')
            continue; // the name appeared as a value
        ++start;
        while (start < body.size() && QChar::isSpace(uchar(body.at(start))))
            ++start;
        qsizetype end = valueEnd(body, start);
        while (end > start && QChar::isSpace(uchar(body.at(end - 1))))
            --end;
        const QByteArray old = body.mid(start, end - start);
        QByteArray wrong = replacement;
        if (wrong.isEmpty()) {
            const bool quoted = old.size() >= 2 && old.startsWith('"') && old.endsWith('"');
            wrong = quoted ? old.mid(1, old.size() - 2) : '"' + old + '"';
        }
        QByteArray result = body;
        result.replace(start, end - start, wrong);
        return result;
    }
    return body;
}

void writeWithFault(QTcpSocket *socket, const QByteArray &bytes, const HttpResponse &response, QObject *context)
{
    switch (response.wire) {
    case WireFault::None:
        socket->write(bytes);
        return;
    case WireFault::Reset:
        socket->abort();
        return;
    case WireFault::ResetMidway:
        socket->write(bytes.left(bytes.size() - response.body.size()));
        socket->flush();
        socket->abort();
        return;
    case WireFault::CutBody: {
        // Everything but the second half of the body: the announced length is never reached.
        socket->write(bytes.left(bytes.size() - response.body.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    case WireFault::Stall:
        return; // the client's timeout has to end it
    case WireFault::NoLength: {
        // The client cannot know the size before the end: only counting as it reads stops a huge one.
        QByteArray unsized = bytes;
        const qsizetype header = unsized.indexOf("\r\nContent-Length:");
        if (header >= 0)
            unsized.remove(header, unsized.indexOf("\r\n", header + 2) - header);
        socket->write(unsized);
        socket->disconnectFromHost();
        return;
    }
    case WireFault::Drip: {
        auto *timer = new QTimer(context);
        auto next = std::make_shared<qsizetype>(0);
        QObject::connect(timer, &QTimer::timeout, context, [socket, bytes, next, timer] {
            if (socket->state() != QAbstractSocket::ConnectedState || *next >= bytes.size()) {
                timer->deleteLater();
                socket->disconnectFromHost();
                return;
            }
            socket->write(bytes.mid((*next)++, 1));
        });
        timer->start(std::max(response.wireInterval, std::chrono::milliseconds(1)));
        return;
    }
    }
}

} // namespace cdrsim
