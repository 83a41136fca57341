// The HTTPS side of the simulator: two fixed self-signed identities for
// 127.0.0.1, so pinning is tested over a real TLS handshake.
#include "simulator.h"

#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdrsim {
namespace {

// Generated once with openssl (EC P-256, CN=127.0.0.1, subjectAltName IP:127.0.0.1,
// basicConstraints CA:TRUE as `openssl req -x509` writes it). Variants 0 and 1 are
// valid 2000-2100, so a machine with a wrong clock still accepts them; variant 2
// expired in 2001, for the problems a pin does not cover. Test fixtures, not
// secrets: they only ever guard loopback.
QByteArray fixture(int variant, QLatin1StringView suffix)
{
    QFile file(u":/cdrsim/tls/selfsigned%1.%2"_s.arg(std::clamp(variant, 0, 2)).arg(suffix));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cdr-simulator: the built-in test certificate %s is missing", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

} // namespace

void Simulator::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    Q_ASSERT(!m_server); // the server is plain or TLS from the moment listen() creates it
    m_tlsCertificate = certificate;
    m_tlsKey = key;
}

QSslCertificate Simulator::selfSignedCertificate(int variant)
{
    return QSslCertificate(fixture(variant, "pem"_L1), QSsl::Pem);
}

QSslKey Simulator::selfSignedKey(int variant)
{
    return QSslKey(fixture(variant, "key"_L1), QSsl::Ec, QSsl::Pem);
}

} // namespace cdrsim
