#include "simulator.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

// Reads an unsigned option; exits with a usage error when it is not a number in range.
quint32 numberOption(const QCommandLineParser &parser, const QString &name, quint32 fallback, quint32 max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const uint value = parser.value(name).toUInt(&ok);
    if (!ok || value > max) {
        std::fprintf(stderr, "cdr-simulator: invalid --%s value\n", qPrintable(name));
        std::exit(2);
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cdr-simulator"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Simulated Plivo Zentrunk, Enswitch and PortSIP PBX APIs on http://127.0.0.1 for tests and demos."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"port"_s, u"TCP port to listen on (0 = any free port)."_s, u"N"_s, u"0"_s},
        {u"latency-ms"_s, u"Delay before every response, in milliseconds."_s, u"N"_s, u"0"_s},
        {u"calls"_s, u"Number of synthetic Plivo calls (over the last 120 days)."_s, u"N"_s, u"2521"_s},
        {u"seed"_s, u"Seed for the synthetic data."_s, u"N"_s, u"1"_s},
        {u"now"_s, u"Fix the server's current time, \"yyyy-MM-dd HH:mm:ss\" UTC."_s, u"TIME"_s},
        {u"rate-limit"_s, u"Plivo requests allowed per 5 s window (0 disables)."_s, u"N"_s, u"300"_s},
        {u"enswitch-legs"_s, u"Number of synthetic Enswitch call legs (over the last 120 days)."_s, u"N"_s, u"1500"_s},
        {u"portsip-calls"_s, u"Number of synthetic PortSIP CDRs (over the last 120 days)."_s, u"N"_s, u"2000"_s},
        {u"portsip-rate-limit"_s, u"PortSIP requests allowed per minute (0 disables)."_s, u"N"_s, u"5000"_s},
        {u"portsip-skip-one-based"_s, u"PortSIP's skip counts from 1 instead of 0."_s},
        {u"cache-list-matches"_s, u"Enswitch and PortSIP keep the matches of the last list query (fast paging)."_s},
        {u"tls"_s, u"Serve HTTPS with the built-in self-signed certificate (variant 0 or 1), as a self-hosted PBX might."_s,
            u"VARIANT"_s},
    });
    parser.process(app);

    cdrsim::Simulator simulator;
    simulator.setLatency(std::chrono::milliseconds(numberOption(parser, u"latency-ms"_s, 0, 600000)));
    simulator.setPlivoCallCount(int(numberOption(parser, u"calls"_s, 2521, 10000000)));
    simulator.setEnswitchLegCount(int(numberOption(parser, u"enswitch-legs"_s, 1500, 10000000)));
    simulator.setPortsipCallCount(int(numberOption(parser, u"portsip-calls"_s, 2000, 10000000)));
    simulator.setPortsipRateLimit(
        int(numberOption(parser, u"portsip-rate-limit"_s, 5000, 1000000)), std::chrono::milliseconds(60000));
    simulator.setPortsipSkipOneBased(parser.isSet(u"portsip-skip-one-based"_s));
    simulator.setCacheListMatches(parser.isSet(u"cache-list-matches"_s));
    simulator.setSeed(numberOption(parser, u"seed"_s, 1, 0xFFFFFFFFu));
    simulator.setPlivoRateLimit(
        int(numberOption(parser, u"rate-limit"_s, 300, 1000000)), std::chrono::milliseconds(5000));
    if (parser.isSet(u"now"_s)) {
        QDateTime now = QDateTime::fromString(parser.value(u"now"_s), u"yyyy-MM-dd HH:mm:ss"_s);
        if (!now.isValid()) {
            std::fprintf(stderr, "cdr-simulator: invalid --now value\n");
            return 2;
        }
        now.setTimeSpec(Qt::UTC);
        simulator.setNow(now);
    }

    if (parser.isSet(u"tls"_s)) {
        const int variant = int(numberOption(parser, u"tls"_s, 0, 1));
        simulator.setTls(cdrsim::Simulator::selfSignedCertificate(variant), cdrsim::Simulator::selfSignedKey(variant));
        const QByteArray sha256
            = cdrsim::Simulator::selfSignedCertificate(variant).digest(QCryptographicHash::Sha256).toHex(':').toUpper();
        QTextStream(stderr) << "self-signed certificate, SHA-256 " << sha256 << Qt::endl;
    }

    const auto port = quint16(numberOption(parser, u"port"_s, 0, 65535));
    if (!simulator.listen(port))
        return 1;

    const cdrsim::PlivoAccount demo = cdrsim::Simulator::demoAccount();
    QTextStream out(stdout);
    out << "listening on " << simulator.baseUrl().toString() << Qt::endl;
    QTextStream(stderr) << "demo Plivo account: " << demo.authId << ':' << demo.authToken << Qt::endl;
    const cdrsim::EnswitchAccount enswitch = cdrsim::Simulator::enswitchDemoAccount();
    QTextStream(stderr) << "demo Enswitch user: " << enswitch.username << ':' << enswitch.password << Qt::endl;
    QTextStream err(stderr);
    for (const cdrsim::PortsipAccount &portsip :
        {cdrsim::Simulator::portsipDemoAccount(), cdrsim::Simulator::portsipTwoFactorAccount()}) {
        err << "demo PortSIP user: " << portsip.username << ':' << portsip.password << " domain " << portsip.domain;
        if (portsip.twoFactor)
            err << " (two-factor, code " << cdrsim::Simulator::portsipOtpCode() << ')';
        err << Qt::endl;
    }
    return app.exec();
}
