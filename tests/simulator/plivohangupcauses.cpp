#include "plivohangupcauses.h"

#include <algorithm>
#include <array>

namespace cdrsim {

namespace {

using P = PlivoHangupParty;

// Zentrunk codes, not the Voice API ones (in Voice, 4000 means a normal hangup).
constexpr std::array kCauses{
    PlivoHangupCause{3000, "normal_hangup", P::Carrier, true},
    PlivoHangupCause{3010, "normal_hangup", P::Customer, true},
    PlivoHangupCause{3020, "rtp_timeout", P::Zentrunk, true},
    PlivoHangupCause{3030, "insufficient_plivo_credits", P::Zentrunk, true},
    PlivoHangupCause{3040, "abnormal_hangup_due_to_reinvite", P::Zentrunk, true},
    PlivoHangupCause{4000, "bad_request", P::Zentrunk, false},
    PlivoHangupCause{4010, "unauthorized_by_carrier", P::Carrier, false},
    PlivoHangupCause{4020, "unauthorized", P::Zentrunk, false},
    PlivoHangupCause{4030, "insufficient_plivo_credits", P::Zentrunk, false},
    PlivoHangupCause{4040, "forbidden", P::Zentrunk, false},
    PlivoHangupCause{4050, "blacklisted_for_verification", P::Zentrunk, false},
    PlivoHangupCause{4060, "forbidden", P::Customer, false},
    PlivoHangupCause{4070, "trunk_not_found", P::Zentrunk, false},
    PlivoHangupCause{4080, "route_not_found", P::Zentrunk, false},
    PlivoHangupCause{4090, "destination_not_found", P::Carrier, false},
    PlivoHangupCause{4100, "prefix_not_supported", P::Zentrunk, false},
    PlivoHangupCause{4110, "secure_trunking_disabled", P::Zentrunk, false},
    PlivoHangupCause{4120, "destination_invalid", P::Carrier, false},
    PlivoHangupCause{4130, "incorrect_callerid_non_numeric", P::Zentrunk, false},
    PlivoHangupCause{4140, "incorrect_callerid_too_short", P::Zentrunk, false},
    PlivoHangupCause{4150, "proxy_authentication_required", P::Carrier, false},
    PlivoHangupCause{4160, "request_timeout_carrier", P::Carrier, false},
    PlivoHangupCause{4170, "request_timeout_customer", P::Customer, false},
    PlivoHangupCause{4190, "unknown_caller_id", P::Zentrunk, false},
    PlivoHangupCause{4200, "dno_caller_id", P::Zentrunk, false},
    PlivoHangupCause{4220, "unsupported_media_type", P::Callee, false},
    PlivoHangupCause{4230, "unsupported_uri_scheme", P::Callee, false},
    PlivoHangupCause{4270, "session_interval_too_small", P::Callee, false},
    PlivoHangupCause{4310, "uri_not_found", P::Callee, false},
    PlivoHangupCause{4320, "uri_invalid", P::Callee, false},
    PlivoHangupCause{4330, "temporary_unavailable", P::Zentrunk, false},
    PlivoHangupCause{4340, "temporary_unavailable", P::Carrier, false},
    PlivoHangupCause{4350, "temporary_unavailable", P::Customer, false},
    PlivoHangupCause{4360, "call_does_not_exist", P::Callee, false},
    PlivoHangupCause{4370, "loop_detected", P::Zentrunk, false},
    PlivoHangupCause{4380, "too_many_hops", P::Zentrunk, false},
    PlivoHangupCause{4410, "user_busy", P::Callee, false},
    PlivoHangupCause{4420, "carrier_cancelled", P::Carrier, false},
    PlivoHangupCause{4430, "sdp_not_acceptable_here", P::Callee, false},
    PlivoHangupCause{4440, "request_terminated", P::Caller, false},
    PlivoHangupCause{4500, "request_pending", P::Callee, false},
    PlivoHangupCause{4520, "security_agreement_required", P::Callee, false},
    PlivoHangupCause{4540, "forbidden", P::Zentrunk, false},
    PlivoHangupCause{4550, "user_cancelled", P::Caller, false},
    PlivoHangupCause{4560, "barred_country", P::Zentrunk, false},
    PlivoHangupCause{4570, "barred_number", P::Zentrunk, false},
    PlivoHangupCause{4580, "invalid_sip_packet", P::Zentrunk, false},
    PlivoHangupCause{4590, "domestic_anchored_terms_not_met", P::Zentrunk, false},
    PlivoHangupCause{4610, "ruri_not_acceptable_here", P::Callee, false},
    PlivoHangupCause{4620, "codec_not_acceptable_here", P::Callee, false},
    PlivoHangupCause{4630, "sdp_not_acceptable_here_by_carrier", P::Carrier, false},
    PlivoHangupCause{4640, "sdp_not_acceptable_here_by_user", P::Customer, false},
    PlivoHangupCause{5000, "service_unavailable_no_more_destinations", P::Zentrunk, false},
    PlivoHangupCause{5010, "port_limit_reached", P::Zentrunk, false},
    PlivoHangupCause{5020, "not_implemented", P::Zentrunk, false},
    PlivoHangupCause{5030, "not_implemented_at_carrier", P::Carrier, false},
    PlivoHangupCause{5040, "not_implemented_at_user", P::Customer, false},
    PlivoHangupCause{5180, "cps_limit_reached", P::Zentrunk, false},
    PlivoHangupCause{5190, "concurrent_call_limit_exceeded", P::Zentrunk, false},
    PlivoHangupCause{5200, "server_timeout", P::Zentrunk, false},
    PlivoHangupCause{5220, "service_interrupted_by_customer", P::Customer, true},
    PlivoHangupCause{5230, "service_interrupted_by_customer", P::Customer, true},
    PlivoHangupCause{5240, "service_interrupted_by_nomedia", P::Zentrunk, true},
    PlivoHangupCause{5250, "internal_error", P::Zentrunk, true},
    PlivoHangupCause{5260, "internal_error_routing", P::Zentrunk, true},
    PlivoHangupCause{5270, "internal_error_media_service", P::Zentrunk, true},
    PlivoHangupCause{5290, "internal_error_trunk", P::Zentrunk, true},
    PlivoHangupCause{5300, "bad_gateway", P::Carrier, true},
    PlivoHangupCause{5310, "service_interrupted_by_carrier_4xx", P::Carrier, true},
    PlivoHangupCause{5320, "service_interrupted_by_carrier_5xx_6xx", P::Carrier, true},
    PlivoHangupCause{5330, "server_timeout", P::Carrier, true},
    PlivoHangupCause{5340, "server_timeout", P::Customer, true},
    PlivoHangupCause{5350, "service_unavailable_by_carrier", P::Carrier, true},
    PlivoHangupCause{5360, "service_unavailable_by_user", P::Customer, true},
    PlivoHangupCause{6000, "busy_everywhere", P::Callee, false},
    PlivoHangupCause{6020, "does_not_exist_anywhere", P::Callee, false},
    PlivoHangupCause{6030, "alloted_timeout", P::Zentrunk, true},
    PlivoHangupCause{6040, "declined_from_carrier", P::Carrier, false},
    PlivoHangupCause{6070, "not_acceptable", P::Callee, false},
};

} // namespace

std::span<const PlivoHangupCause> plivoHangupCauses()
{
    return kCauses;
}

const PlivoHangupCause *findPlivoHangupCause(int code)
{
    const auto it = std::lower_bound(
        kCauses.begin(), kCauses.end(), code, [](const PlivoHangupCause &c, int value) { return c.code < value; });
    return it != kCauses.end() && it->code == code ? &*it : nullptr;
}

const char *plivoHangupSource(PlivoHangupParty party, bool outbound)
{
    switch (party) {
    case P::Customer:
        return "customer";
    case P::Carrier:
        return "carrier";
    case P::Zentrunk:
        return "zentrunk";
    case P::Caller:
        return outbound ? "customer" : "carrier";
    case P::Callee:
        return outbound ? "carrier" : "customer";
    }
    return "zentrunk";
}

} // namespace cdrsim
