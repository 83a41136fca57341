#pragma once

#include "cdrrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

// One pass over a PortSIP reply, read into the shapes every endpoint uses: the
// root object's own members, the "items" list of calls and the "errors" list.
// Numbers keep their JSON text and nested values become compact JSON, so
// nothing is rounded. Internal to the PortSIP provider.
namespace PortSipJson {

struct ErrorEntry {
    QString code;
    QString message;
    QString detail;
};

struct Reply {
    QString problem; // translated; set when the bytes are not a JSON object
    QList<NativeField> members; // the root's members other than an "items" or "errors" list
    bool hasItems = false; // "items" is a list
    qsizetype badItem = 0; // 1-based position of an "items" entry that is not an object
    std::vector<CdrRecord> items; // native fields only; the caller maps the unified ones
    bool hasErrors = false; // "errors" is a list
    QList<ErrorEntry> errors;

    const NativeValue *member(QStringView name) const;
};

Reply read(const QByteArray &body);

} // namespace PortSipJson
