#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <functional>
#include <memory>

namespace cdrsim {

enum class PortsipFieldType { Text, Integer, Time };

struct PortsipFilterField {
    QString name;
    PortsipFieldType type = PortsipFieldType::Text;
};

// One field of one record as a filter sees it. "Unset" covers both "" and null,
// which the real server mixes; a Time is microseconds since the epoch.
struct PortsipFieldValue {
    bool unset = false;
    QString text;
    qint64 number = 0;
};

struct PortsipFilterParse;

// The OData-like `filter` option of PortSIP's list endpoints: comparisons
// (eq ne gt ge lt le), startswith/endswith/contains, and/or/not, parentheses,
// single-quoted literals with '' for a quote, bare integers, and null.
// Keywords are case-insensitive, field names are not; text compares case-sensitively.
class PortsipFilter {
public:
    // Gets a value by its index in the field list the filter was parsed against.
    using Lookup = std::function<PortsipFieldValue(int field)>;

    // Blank text gives a filter that matches everything.
    static PortsipFilterParse parse(QStringView text, const QList<PortsipFilterField> &fields);

    bool matches(const Lookup &value) const;
    bool matchesAll() const { return !m_root; }

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
};

struct PortsipFilterParse {
    PortsipFilter filter;
    QString error; // empty when valid; otherwise names the problem and its position
};

} // namespace cdrsim
