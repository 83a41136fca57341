#pragma once

#include <QString>

#include <span>

// Groups of the Zentrunk hangup-code table, in the documentation's order.
enum class PlivoHangupGroup : quint8 {
    Normal, Authentication, Routing, CallerId, FormatAndMedia, UriAndAvailability, CallState,
    Restrictions, SdpAndCodecs, ServerAndCapacity, MidCall, Global
};

// One Zentrunk hangup code (providers.md §2.5). Names repeat across codes, so
// the number is the key and `qualifier` tells same-named codes apart.
struct PlivoHangupCode {
    int code;
    const char *name;        // as the API names it, never translated
    PlivoHangupGroup group;
    const char *qualifier;   // untranslated source text, or nullptr
};

// Zentrunk's own codes: not the Voice API's (there 4000 is a normal hangup, here bad_request).
namespace PlivoHangupCodes {
std::span<const PlivoHangupCode> all();             // ordered by code
const PlivoHangupCode *find(int code);              // nullptr when not in the table
QString groupName(PlivoHangupGroup group);          // translated
QString qualifier(const PlivoHangupCode &code);     // translated; empty when there is none
QString choiceLabel(const PlivoHangupCode &code);   // "3000 normal_hangup (from the carrier)"
} // namespace PlivoHangupCodes
