#pragma once

#include "cdrrecord.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

#include <string>

// JSON as Plivo sent it. Built on ordered_json, so objects keep their key order,
// with one twist: a non-integer number is kept as its token text ("0.00200"),
// not as a double, so nothing is rounded. Internal to the Plivo provider.
namespace PlivoJson {

using Json = nlohmann::ordered_json;

struct Parsed {
    Json value;
    QString error;   // translated, names the line and column; empty when the text was valid
};

Parsed parse(const QByteArray &text);

bool isNumber(const Json &value);          // integers and kept number tokens
QString numberText(const Json &value);     // a number's exact JSON text; empty for anything else
NativeValue nativeValue(const Json &value);
std::string compact(const Json &value);    // compact JSON text, numbers as sent

} // namespace PlivoJson
