#include "portsipvocabulary.h"

#include "columns.h"

#include <array>

using namespace Qt::StringLiterals;

namespace {

struct Term {
    const char *value; // as PortSIP sends it
    const char *label; // plain name for the filter form; null when not offered there
    const char *meaning;
};

constexpr const char *kContext = "PortSipVocabulary";

constexpr std::array<Term, 4> kDirections{{
    {"INBOUND_CALL", QT_TRANSLATE_NOOP("PortSipVocabulary", "Inbound"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "a call from outside, through a trunk, to the PBX (inbound)")},
    {"OUTBOUND_CALL", QT_TRANSLATE_NOOP("PortSipVocabulary", "Outbound"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "a call from the PBX out through a trunk (outbound)")},
    {"EXTENSION_CALL", QT_TRANSLATE_NOOP("PortSipVocabulary", "Internal (extension to extension)"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "a call between two extensions of the PBX (internal)")},
    {"INBOUND_OUTBOUND_CALL", QT_TRANSLATE_NOOP("PortSipVocabulary", "Inbound forwarded out"),
        QT_TRANSLATE_NOOP("PortSipVocabulary",
            "an inbound call the PBX sent out again through a trunk, e.g. forwarded to a mobile "
            "(read from PortSIP's webhook “in2out”; the API does not say)")},
}};

// CALLER_DISCONNECT is not in the enum but appears in PortSIP's own examples.
constexpr std::array<Term, 9> kEndReasons{{
    {"CALLER_DISCONNECTED", QT_TRANSLATE_NOOP("PortSipVocabulary", "Caller hung up"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "the caller ended the call")},
    {"CALLEE_DISCONNECTED", QT_TRANSLATE_NOOP("PortSipVocabulary", "Callee hung up"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "the called party ended the call")},
    {"BLIND_TRANSFER_COMPLETED", QT_TRANSLATE_NOOP("PortSipVocabulary", "Blind transfer"),
        QT_TRANSLATE_NOOP(
            "PortSipVocabulary", "the call was transferred without announcing it first (blind transfer)")},
    {"CONSULT_TRANSFER_COMPLETED", QT_TRANSLATE_NOOP("PortSipVocabulary", "Consulted transfer"),
        QT_TRANSLATE_NOOP(
            "PortSipVocabulary", "the call was transferred after speaking to the new party first (attended transfer)")},
    {"REPLACED", QT_TRANSLATE_NOOP("PortSipVocabulary", "Replaced"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "another call took this call's place (e.g. call pickup)")},
    {"REFERRED", QT_TRANSLATE_NOOP("PortSipVocabulary", "Referred"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "the call was handed on to another party (SIP REFER)")},
    {"REDIRECTED", QT_TRANSLATE_NOOP("PortSipVocabulary", "Redirected"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "the call was redirected to another destination")},
    {"CANCELLED", QT_TRANSLATE_NOOP("PortSipVocabulary", "Cancelled"),
        QT_TRANSLATE_NOOP("PortSipVocabulary", "the caller gave up before the call was answered")},
    {"CALLER_DISCONNECT", nullptr,
        QT_TRANSLATE_NOOP("PortSipVocabulary", "the caller ended the call (a spelling PortSIP's own examples use)")},
}};

// 2 values in v22.0, 15 since v22.3; more may come.
constexpr std::array<Term, 15> kRerouteReasons{{
    {"TRANSFER", nullptr, QT_TRANSLATE_NOOP("PortSipVocabulary", "the call was rerouted by a transfer")},
    {"OVERFLOW", nullptr,
        QT_TRANSLATE_NOOP(
            "PortSipVocabulary", "the call overflowed to another destination (e.g. a full or unanswered queue)")},
    {"CAPACITY_BLOCKED", nullptr,
        QT_TRANSLATE_NOOP("PortSipVocabulary", "the call was rerouted because a capacity limit was reached")},
    {"QUEUE_EXIT", nullptr, QT_TRANSLATE_NOOP("PortSipVocabulary", "the caller left a queue and was routed on")},
    {"QUEUE_ABANDONED", nullptr,
        QT_TRANSLATE_NOOP("PortSipVocabulary", "the call was given up while waiting in a queue")},
    {"REDIRECT", nullptr, QT_TRANSLATE_NOOP("PortSipVocabulary", "the call was redirected")},
    {"FORWARDING_UNCONDITIONAL", nullptr,
        QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded: the extension forwards all calls")},
    {"FORWARDING_BUSY", nullptr, QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded: the extension was busy")},
    {"FORWARDING_NO_ANSWER", nullptr, QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded: nobody answered")},
    {"FORWARDING_NOT_REACHABLE", nullptr,
        QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded: the extension was not reachable (e.g. not registered)")},
    {"FORWARDING_EXCEPTION", nullptr,
        QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded by an exception rule of the extension")},
    {"FORWARDING_LUNCH", nullptr, QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded: the user's status is “lunch”")},
    {"FORWARDING_BUSINESS_TRIP", nullptr,
        QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded: the user's status is “business trip”")},
    {"FORWARDING_AWAY", nullptr, QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded: the user's status is “away”")},
    {"FORWARDING_NIGHT_MODE", nullptr, QT_TRANSLATE_NOOP("PortSipVocabulary", "forwarded: night mode was on")},
}};

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

template <std::size_t N> QList<FilterChoice> choicesOf(const std::array<Term, N> &terms)
{
    QList<FilterChoice> choices;
    for (const Term &term : terms) {
        if (term.label)
            choices.append({QString::fromLatin1(term.value), translated(term.label)});
    }
    return choices;
}

// Enum values compare case-insensitively: the webhook spells them in lower case.
template <std::size_t N> const Term *find(const std::array<Term, N> &terms, QStringView value)
{
    for (const Term &term : terms) {
        if (value.compare(QLatin1StringView(term.value), Qt::CaseInsensitive) == 0)
            return &term;
    }
    return nullptr;
}

const NativeValue *setValue(const CdrRecord &record, QStringView name)
{
    const NativeValue *value = record.nativeValue(name);
    if (!value || value->isNull() || value->text.trimmed().isEmpty())
        return nullptr;
    return value;
}

template <std::size_t N>
void explainTerm(
    QList<FieldExplanation> &lines, const CdrRecord &record, const QString &name, const std::array<Term, N> &terms)
{
    const NativeValue *value = setValue(record, name);
    if (!value)
        return;
    const Term *term = find(terms, value->text);
    const QString meaning = term ? translated(term->meaning)
                                 : translated(QT_TRANSLATE_NOOP("PortSipVocabulary",
                                     "a value this version of the app does not know; shown as the server sent it"));
    lines.append(
        {rawPrefix + name, translated(QT_TRANSLATE_NOOP("PortSipVocabulary", "%1: %2")).arg(value->text, meaning)});
}

} // namespace

QList<FilterChoice> PortSipVocabulary::directionChoices()
{
    // The unified direction words, so `cdr-export --direction inbound` means the same for every provider.
    QList<FilterChoice> choices = choicesOf(kDirections);
    for (FilterChoice &choice : choices) {
        if (choice.value == "INBOUND_CALL"_L1)
            choice.aliases = {u"inbound"_s};
        else if (choice.value == "OUTBOUND_CALL"_L1)
            choice.aliases = {u"outbound"_s};
        else if (choice.value == "EXTENSION_CALL"_L1)
            choice.aliases = {u"internal"_s};
    }
    return choices;
}

QList<FilterChoice> PortSipVocabulary::endReasonChoices()
{
    return choicesOf(kEndReasons);
}

QList<FieldExplanation> PortSipVocabulary::explain(const CdrRecord &record)
{
    QList<FieldExplanation> lines;
    explainTerm(lines, record, u"direction"_s, kDirections);
    explainTerm(lines, record, u"end_reason"_s, kEndReasons);
    if (const NativeValue *status = setValue(record, u"status_code")) {
        bool ok = false;
        const int code = status->text.trimmed().toInt(&ok);
        const QString meaning = ok ? sipStatusMeaning(code) : QString();
        lines.append({rawPrefix + u"status_code"_s,
            meaning.isEmpty() ? tr("%1: not a SIP status code").arg(status->text)
                              : tr("%1: %2").arg(status->text, meaning)});
    }
    explainTerm(lines, record, u"reroute_reason"_s, kRerouteReasons);
    return lines;
}

QString PortSipVocabulary::sipStatusMeaning(int code)
{
    switch (code) {
    case 0:
        return tr("no error: the call did not fail");
    case 400:
        return tr("Bad Request: a SIP message was malformed");
    case 401:
        return tr("Unauthorized: the other side asked for authentication");
    case 402:
        return tr("Payment Required");
    case 403:
        return tr("Forbidden: the call was refused");
    case 404:
        return tr("Not Found: the number or user does not exist");
    case 405:
        return tr("Method Not Allowed");
    case 407:
        return tr("Proxy Authentication Required: the trunk or proxy asked for credentials");
    case 408:
        return tr("Request Timeout: no answer in time");
    case 410:
        return tr("Gone: the number is no longer in service");
    case 415:
        return tr("Unsupported Media Type");
    case 480:
        return tr("Temporarily Unavailable: the callee could not be reached just then (e.g. not registered)");
    case 481:
        return tr("Call Does Not Exist: the other side no longer knew the call");
    case 482:
        return tr("Loop Detected");
    case 483:
        return tr("Too Many Hops");
    case 484:
        return tr("Address Incomplete: the number dialled was too short");
    case 486:
        return tr("Busy Here: the callee was busy");
    case 487:
        return tr("Request Terminated: the call was cancelled before it was answered");
    case 488:
        return tr("Not Acceptable Here: no common codec or media settings");
    case 500:
        return tr("Server Internal Error");
    case 501:
        return tr("Not Implemented");
    case 502:
        return tr("Bad Gateway: a server or trunk further on failed");
    case 503:
        return tr("Service Unavailable: a server or trunk was down or overloaded");
    case 504:
        return tr("Server Time-out: a server further on did not answer in time");
    case 600:
        return tr("Busy Everywhere");
    case 603:
        return tr("Decline: the callee refused the call");
    case 604:
        return tr("Does Not Exist Anywhere");
    case 606:
        return tr("Not Acceptable: the callee cannot take this kind of call");
    default:
        break;
    }
    if (code >= 100 && code < 200)
        return tr("a provisional SIP response");
    if (code >= 200 && code < 300)
        return tr("a SIP success response");
    if (code >= 300 && code < 400)
        return tr("a SIP redirection");
    if (code >= 400 && code < 500)
        return tr("a SIP request failure");
    if (code >= 500 && code < 600)
        return tr("a SIP server failure");
    if (code >= 600 && code < 700)
        return tr("a SIP global failure");
    return {};
}
