#include "cdrrecord.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

QString directionKey(Direction direction)
{
    switch (direction) {
    case Direction::Inbound:
        return QStringLiteral("inbound");
    case Direction::Outbound:
        return QStringLiteral("outbound");
    case Direction::Internal:
        return QStringLiteral("internal");
    case Direction::Unknown:
        break;
    }
    return {};
}

QString directionDisplayName(Direction direction)
{
    switch (direction) {
    case Direction::Inbound:
        return QCoreApplication::translate("Direction", "inbound");
    case Direction::Outbound:
        return QCoreApplication::translate("Direction", "outbound");
    case Direction::Internal:
        return QCoreApplication::translate("Direction", "internal");
    case Direction::Unknown:
        break;
    }
    return {};
}

namespace {

std::string quotedJsonString(const QString &text)
{
    return nlohmann::json(text.toStdString()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Rebuilds a value as JSON. Numbers are spliced in as their original text,
// so "0.00200" or a 20-digit id survive unchanged.
std::string valueJson(const NativeValue &value)
{
    switch (value.kind) {
    case NativeValue::Kind::Null:
        return "null";
    case NativeValue::Kind::Bool:
    case NativeValue::Kind::Number:
    case NativeValue::Kind::Object:
    case NativeValue::Kind::Array:
        return value.text.toStdString();
    case NativeValue::Kind::String:
        return quotedJsonString(value.text);
    }
    return "null";
}

} // namespace

QString NativeValue::toJson() const
{
    return QString::fromStdString(valueJson(*this));
}

const NativeValue *CdrRecord::nativeValue(QStringView name) const &
{
    for (const NativeField &field : native) {
        if (field.name == name)
            return &field.value;
    }
    return nullptr;
}

QByteArray CdrRecord::nativeJson(bool indented) const
{
    // Written by hand rather than through a json DOM: a DOM would turn numbers
    // into doubles and lose the provider's exact text.
    std::string out = "{";
    const char *separator = indented ? "\n    " : "";
    bool first = true;
    for (const NativeField &field : native) {
        if (!first)
            out += ',';
        first = false;
        out += separator;
        out += quotedJsonString(field.name);
        out += indented ? ": " : ":";
        std::string value = valueJson(field.value);
        if (indented && (field.value.kind == NativeValue::Kind::Object || field.value.kind == NativeValue::Kind::Array)) {
            // Nested values are pretty-printed too; their numbers are rare and kept by ordered_json's own text.
            const auto parsed = nlohmann::ordered_json::parse(value, nullptr, false);
            if (!parsed.is_discarded()) {
                value = parsed.dump(4);
                std::string shifted;
                for (char c : value) {
                    shifted += c;
                    if (c == '\n')
                        shifted += "    ";
                }
                value = shifted;
            }
        }
        out += value;
    }
    if (indented && !native.isEmpty())
        out += '\n';
    out += '}';
    return QByteArray::fromStdString(out);
}
