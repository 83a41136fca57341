#pragma once

#include <span>

namespace cdrsim {

// Who ends a call with a given cause. Caller and Callee depend on the call's direction:
// for an outbound call the callee sits behind the carrier, for an inbound one behind the customer.
enum class PlivoHangupParty { Customer, Carrier, Zentrunk, Caller, Callee };

struct PlivoHangupCause {
    int code;
    const char *name;
    PlivoHangupParty party;
    bool answered; // whether calls ending this way were connected first
};

// The Zentrunk table (providers.md §2.5), ordered by code.
std::span<const PlivoHangupCause> plivoHangupCauses();
const PlivoHangupCause *findPlivoHangupCause(int code);
const char *plivoHangupSource(PlivoHangupParty party, bool outbound);

} // namespace cdrsim
