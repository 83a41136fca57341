#include "plivohangupcodes.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace {

using G = PlivoHangupGroup;

// Transcribed from Plivo's "Zentrunk hangup codes" page, complete and in order.
constexpr std::array kCodes{
    PlivoHangupCode{3000, "normal_hangup", G::Normal, QT_TRANSLATE_NOOP("PlivoHangupCodes", "from the carrier")},
    PlivoHangupCode{3010, "normal_hangup", G::Normal, QT_TRANSLATE_NOOP("PlivoHangupCodes", "from the user")},
    PlivoHangupCode{3020, "rtp_timeout", G::Normal, nullptr},
    PlivoHangupCode{3030, "insufficient_plivo_credits", G::Normal, nullptr},
    PlivoHangupCode{3040, "abnormal_hangup_due_to_reinvite", G::Normal, nullptr},

    PlivoHangupCode{4000, "bad_request", G::Authentication, nullptr},
    PlivoHangupCode{4010, "unauthorized_by_carrier", G::Authentication, nullptr},
    PlivoHangupCode{4020, "unauthorized", G::Authentication, nullptr},
    PlivoHangupCode{4030, "insufficient_plivo_credits", G::Authentication, nullptr},
    PlivoHangupCode{4040, "forbidden", G::Authentication, nullptr},
    PlivoHangupCode{4050, "blacklisted_for_verification", G::Authentication, nullptr},
    PlivoHangupCode{4060, "forbidden", G::Authentication, QT_TRANSLATE_NOOP("PlivoHangupCodes", "PBX authentication")},

    PlivoHangupCode{4070, "trunk_not_found", G::Routing, nullptr},
    PlivoHangupCode{4080, "route_not_found", G::Routing, nullptr},
    PlivoHangupCode{4090, "destination_not_found", G::Routing, nullptr},
    PlivoHangupCode{4100, "prefix_not_supported", G::Routing, nullptr},
    PlivoHangupCode{4110, "secure_trunking_disabled", G::Routing, nullptr},
    PlivoHangupCode{4120, "destination_invalid", G::Routing, nullptr},

    PlivoHangupCode{4130, "incorrect_callerid_non_numeric", G::CallerId, nullptr},
    PlivoHangupCode{4140, "incorrect_callerid_too_short", G::CallerId, nullptr},
    PlivoHangupCode{4150, "proxy_authentication_required", G::FormatAndMedia, nullptr},
    PlivoHangupCode{4160, "request_timeout_carrier", G::FormatAndMedia, nullptr},
    PlivoHangupCode{4170, "request_timeout_customer", G::FormatAndMedia, nullptr},
    PlivoHangupCode{4190, "unknown_caller_id", G::CallerId, nullptr},
    PlivoHangupCode{4200, "dno_caller_id", G::CallerId, nullptr},
    PlivoHangupCode{4220, "unsupported_media_type", G::FormatAndMedia, nullptr},
    PlivoHangupCode{4230, "unsupported_uri_scheme", G::FormatAndMedia, nullptr},
    PlivoHangupCode{4270, "session_interval_too_small", G::FormatAndMedia, nullptr},

    PlivoHangupCode{4310, "uri_not_found", G::UriAndAvailability, nullptr},
    PlivoHangupCode{4320, "uri_invalid", G::UriAndAvailability, nullptr},
    PlivoHangupCode{4330, "temporary_unavailable", G::UriAndAvailability, QT_TRANSLATE_NOOP("PlivoHangupCodes", "Zentrunk")},
    PlivoHangupCode{4340, "temporary_unavailable", G::UriAndAvailability, QT_TRANSLATE_NOOP("PlivoHangupCodes", "carrier")},
    PlivoHangupCode{4350, "temporary_unavailable", G::UriAndAvailability, QT_TRANSLATE_NOOP("PlivoHangupCodes", "customer")},
    PlivoHangupCode{4360, "call_does_not_exist", G::UriAndAvailability, nullptr},
    PlivoHangupCode{4370, "loop_detected", G::UriAndAvailability, nullptr},
    PlivoHangupCode{4380, "too_many_hops", G::UriAndAvailability, nullptr},

    PlivoHangupCode{4410, "user_busy", G::CallState, nullptr},
    PlivoHangupCode{4420, "carrier_cancelled", G::CallState, nullptr},
    PlivoHangupCode{4430, "sdp_not_acceptable_here", G::CallState, nullptr},
    PlivoHangupCode{4440, "request_terminated", G::CallState, nullptr},
    PlivoHangupCode{4500, "request_pending", G::CallState, nullptr},
    PlivoHangupCode{4520, "security_agreement_required", G::CallState, nullptr},
    PlivoHangupCode{4540, "forbidden", G::CallState, QT_TRANSLATE_NOOP("PlivoHangupCodes", "Zentrunk authentication")},
    PlivoHangupCode{4550, "user_cancelled", G::CallState, nullptr},

    PlivoHangupCode{4560, "barred_country", G::Restrictions, nullptr},
    PlivoHangupCode{4570, "barred_number", G::Restrictions, nullptr},
    PlivoHangupCode{4580, "invalid_sip_packet", G::Restrictions, nullptr},
    PlivoHangupCode{4590, "domestic_anchored_terms_not_met", G::Restrictions, nullptr},

    PlivoHangupCode{4610, "ruri_not_acceptable_here", G::SdpAndCodecs, nullptr},
    PlivoHangupCode{4620, "codec_not_acceptable_here", G::SdpAndCodecs, nullptr},
    PlivoHangupCode{4630, "sdp_not_acceptable_here_by_carrier", G::SdpAndCodecs, nullptr},
    PlivoHangupCode{4640, "sdp_not_acceptable_here_by_user", G::SdpAndCodecs, nullptr},

    PlivoHangupCode{5000, "service_unavailable_no_more_destinations", G::ServerAndCapacity, nullptr},
    PlivoHangupCode{5010, "port_limit_reached", G::ServerAndCapacity, nullptr},
    PlivoHangupCode{5020, "not_implemented", G::ServerAndCapacity, nullptr},
    PlivoHangupCode{5030, "not_implemented_at_carrier", G::ServerAndCapacity, nullptr},
    PlivoHangupCode{5040, "not_implemented_at_user", G::ServerAndCapacity, nullptr},
    PlivoHangupCode{5180, "cps_limit_reached", G::ServerAndCapacity, nullptr},
    PlivoHangupCode{5190, "concurrent_call_limit_exceeded", G::ServerAndCapacity, nullptr},
    PlivoHangupCode{5200, "server_timeout", G::ServerAndCapacity, nullptr},

    PlivoHangupCode{5220, "service_interrupted_by_customer", G::MidCall, QT_TRANSLATE_NOOP("PlivoHangupCodes", "4xx")},
    PlivoHangupCode{5230, "service_interrupted_by_customer", G::MidCall, QT_TRANSLATE_NOOP("PlivoHangupCodes", "5xx/6xx")},
    PlivoHangupCode{5240, "service_interrupted_by_nomedia", G::MidCall, nullptr},
    PlivoHangupCode{5250, "internal_error", G::MidCall, nullptr},
    PlivoHangupCode{5260, "internal_error_routing", G::MidCall, nullptr},
    PlivoHangupCode{5270, "internal_error_media_service", G::MidCall, nullptr},
    PlivoHangupCode{5290, "internal_error_trunk", G::MidCall, nullptr},
    PlivoHangupCode{5300, "bad_gateway", G::MidCall, nullptr},
    PlivoHangupCode{5310, "service_interrupted_by_carrier_4xx", G::MidCall, nullptr},
    PlivoHangupCode{5320, "service_interrupted_by_carrier_5xx_6xx", G::MidCall, nullptr},
    PlivoHangupCode{5330, "server_timeout", G::MidCall, QT_TRANSLATE_NOOP("PlivoHangupCodes", "carrier")},
    PlivoHangupCode{5340, "server_timeout", G::MidCall, QT_TRANSLATE_NOOP("PlivoHangupCodes", "PBX")},
    PlivoHangupCode{5350, "service_unavailable_by_carrier", G::MidCall, nullptr},
    PlivoHangupCode{5360, "service_unavailable_by_user", G::MidCall, nullptr},

    PlivoHangupCode{6000, "busy_everywhere", G::Global, nullptr},
    PlivoHangupCode{6020, "does_not_exist_anywhere", G::Global, nullptr},
    PlivoHangupCode{6030, "alloted_timeout", G::Global, nullptr},
    PlivoHangupCode{6040, "declined_from_carrier", G::Global, nullptr},
    PlivoHangupCode{6070, "not_acceptable", G::Global, nullptr},
};

constexpr bool isOrderedByCode()
{
    for (std::size_t i = 1; i < kCodes.size(); ++i) {
        if (kCodes[i - 1].code >= kCodes[i].code)
            return false;
    }
    return true;
}
static_assert(isOrderedByCode(), "find() relies on a binary search");

} // namespace

namespace PlivoHangupCodes {

std::span<const PlivoHangupCode> all()
{
    return kCodes;
}

const PlivoHangupCode *find(int code)
{
    const auto it = std::lower_bound(kCodes.begin(), kCodes.end(), code,
                                     [](const PlivoHangupCode &entry, int wanted) { return entry.code < wanted; });
    return it != kCodes.end() && it->code == code ? &*it : nullptr;
}

QString groupName(PlivoHangupGroup group)
{
    switch (group) {
    case G::Normal:
        return QCoreApplication::translate("PlivoHangupCodes", "Normal");
    case G::Authentication:
        return QCoreApplication::translate("PlivoHangupCodes", "Authentication");
    case G::Routing:
        return QCoreApplication::translate("PlivoHangupCodes", "Routing");
    case G::CallerId:
        return QCoreApplication::translate("PlivoHangupCodes", "Caller ID");
    case G::FormatAndMedia:
        return QCoreApplication::translate("PlivoHangupCodes", "Format and media");
    case G::UriAndAvailability:
        return QCoreApplication::translate("PlivoHangupCodes", "URI and availability");
    case G::CallState:
        return QCoreApplication::translate("PlivoHangupCodes", "Call state");
    case G::Restrictions:
        return QCoreApplication::translate("PlivoHangupCodes", "Geo and number restrictions");
    case G::SdpAndCodecs:
        return QCoreApplication::translate("PlivoHangupCodes", "SDP and codecs");
    case G::ServerAndCapacity:
        return QCoreApplication::translate("PlivoHangupCodes", "Server and capacity");
    case G::MidCall:
        return QCoreApplication::translate("PlivoHangupCodes", "Mid-call");
    case G::Global:
        return QCoreApplication::translate("PlivoHangupCodes", "Global");
    }
    return {};
}

QString qualifier(const PlivoHangupCode &code)
{
    return code.qualifier ? QCoreApplication::translate("PlivoHangupCodes", code.qualifier) : QString();
}

QString choiceLabel(const PlivoHangupCode &code)
{
    const QString name = QLatin1StringView(code.name);
    if (!code.qualifier)
        return QCoreApplication::translate("PlivoHangupCodes", "%1 %2").arg(code.code).arg(name);
    return QCoreApplication::translate("PlivoHangupCodes", "%1 %2 (%3)").arg(code.code).arg(name, qualifier(code));
}

} // namespace PlivoHangupCodes
