#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// What a filter field is, so the form can be generated instead of hand-laid.
enum class FilterKind : quint8 { Text, Integer, Choice };

// Lets provider-neutral code (the command line, the demo) find the filter that
// means "caller", whatever the provider calls it.
enum class FilterRole : quint8 { None, Caller, Callee, Direction };

struct FilterChoice {
    QString value;   // sent on the wire
    QString label;   // shown
    QStringList aliases;   // other words a user may type for it (cdr-export), e.g. "inbound" for INBOUND_CALL
};

struct FilterSpec {
    QString key;                  // the wire parameter, e.g. "from_number"
    QString label;                // translated
    QString hint;                 // translated, how the server matches (tooltip / placeholder)
    FilterKind kind = FilterKind::Text;
    QList<FilterChoice> choices;  // for Choice; "any" is implicit and means "not sent"
    QString defaultValue;         // empty: not sent
    std::optional<qint64> minimum;
    std::optional<qint64> maximum;
    FilterRole role = FilterRole::None;
};

// The time range a provider filters on and the limits its API enforces.
struct TimeRangePolicy {
    QString fieldLabel;                       // translated, e.g. "End time"
    std::optional<std::chrono::hours> maxSpan;   // longest range the API accepts
    std::optional<std::chrono::hours> maxAge;    // how far back the API can reach
    std::chrono::hours defaultWindow{24 * 30};   // what the API searches when no range is given
    // The provider sends the default window itself when none is given (e.g. so
    // offsets stay stable while paging); false: nothing is sent, the API chooses.
    bool defaultWindowSent = false;
};

// A search as the user asked for it. Times are UTC; invalid = not given.
struct SearchQuery {
    QDateTime since;                              // inclusive
    QDateTime until;                              // exclusive
    QMap<QString, QString> filters;               // FilterSpec::key -> value; empty values are not sent
    QList<QPair<QString, QString>> extraParams;   // provider-native parameters passed through unchanged
    QString sortColumn = {};                      // column key the server sorts on; empty = provider default
    bool sortDescending = false;

    // The same search with its window made concrete at `nowUtc`: a missing upper
    // end becomes now (so calls ending during paging cannot shift offsets) and a
    // missing lower end becomes the API's default window before it.
    SearchQuery resolved(const QDateTime &nowUtc, const TimeRangePolicy &policy) const;
};

// A problem with one field, found before anything is sent.
struct FieldError {
    QString key;       // FilterSpec::key, or "since" / "until"
    QString message;   // translated
};

// Checks what every provider's declared filters imply: integers parse and stay
// in range, choices are among the allowed values, since < until.
QList<FieldError> validateDeclaredFilters(const QList<FilterSpec> &specs, const SearchQuery &query);
