#pragma once

#include "enswitchdata.h"
#include "httpmessage.h"

#include <QDateTime>
#include <QHash>

#include <chrono>
#include <optional>

namespace cdrsim {

// The Enswitch JSON API (cdrs/list, cdrs/get, user/login) under /api/json/.
// Errors travel in the envelope with HTTP 200, as the docs leave the HTTP status open.
// Not thread-safe; the Simulator serialises calls.
class EnswitchSimulator {
public:
    EnswitchSimulator();

    static bool ownsPath(const QString &path); // anything under /api/json/
    HttpResponse handle(const HttpRequest &request);

    void setNow(const QDateTime &utcNow);
    void setLegCount(int count);
    void addLegs(int count) { setLegCount(m_legCount + count); } // late arrivals; earlier legs keep their ids
    void setSeed(quint32 seed);
    void addAccount(const QString &username, const QString &password, int customer);
    void setTokenLifetime(std::chrono::seconds lifetime);
    void failEnvelope(int count, const QString &code); // next `count` authenticated requests
    void failRequests(int afterRequests, int count, int httpStatus); // Simulator::failRequests

    int passwordInUrlCount() const { return m_passwordInUrl; }
    // Keeps the matched, sorted legs of the last list query, so paging through a large
    // set (the benchmark) costs the server one filter and sort, not one per page.
    void setCacheMatches(bool cache) { m_cacheMatches = cache; }

    // The current data set in generation order (regenerated after a setting changed).
    const QList<EnswitchLeg> &legs();

private:
    struct Account {
        QString password;
        int customer = 0;
    };
    struct Token {
        int customer = 0;
        std::chrono::steady_clock::time_point expires;
    };

    HttpResponse list(const QHash<QString, QString> &params, int customer);
    HttpResponse get(const QHash<QString, QString> &params, int customer);
    HttpResponse login(const QHash<QString, QString> &params);
    std::optional<int> authenticate(const QHash<QString, QString> &params) const; // the customer, if valid

    QHash<QString, Account> m_accounts;
    QHash<QString, Token> m_tokens;
    std::chrono::seconds m_tokenLifetime{3600};
    quint64 m_tokenSerial = 0;
    QDateTime m_now;
    int m_legCount = 1500;
    quint32 m_seed = 1;
    QList<EnswitchLeg> m_legs;
    bool m_stale = true;
    int m_passwordInUrl = 0;
    bool m_cacheMatches = false;
    QString m_matchedKey; // the query (without limit and offset) m_matched answers; empty: none
    QList<const EnswitchLeg *> m_matched;

    int m_envelopeFailCount = 0;
    QString m_envelopeFailCode;
    int m_failAfter = 0;
    int m_failCount = 0;
    int m_failStatus = 500;
};

} // namespace cdrsim
