#include "certificatetrustdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Two rows of sixteen bytes, the way people read a fingerprint out to each other.
QString fingerprintInRows(const QByteArray &sha256Hex)
{
    const QString grouped = CertificateInfo::formatFingerprint(sha256Hex);
    constexpr qsizetype rowLength = 16 * 3; // "AA:" sixteen times
    if (grouped.size() <= rowLength)
        return grouped;
    return grouped.left(rowLength - 1) + QLatin1Char('\n') + grouped.mid(rowLength);
}

QLabel *valueLabel(const QString &objectName, const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // certificate fields are the server's words, never markup
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setAccessibleName(accessibleName);
    return label;
}

QLabel *fingerprintLabel(
    const QString &objectName, const QByteArray &sha256Hex, const QString &accessibleName, QWidget *parent)
{
    QLabel *label = valueLabel(objectName, fingerprintInRows(sha256Hex), accessibleName, parent);
    label->setWordWrap(false);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Screen readers get it without the line break.
    label->setAccessibleDescription(CertificateInfo::formatFingerprint(sha256Hex));
    return label;
}

} // namespace

CertificateTrustDialog::CertificateTrustDialog(const CertificateInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_info(info)
    , m_mode(!info.pinnable                 ? Mode::Untrustable
              : info.pinnedSha256.isEmpty() ? Mode::FirstUse
                                            : Mode::Changed)
{
    QString headline;
    QString explanation;
    switch (m_mode) {
    case Mode::FirstUse:
        setWindowTitle(tr("Untrusted certificate"));
        headline = tr("The server's certificate is not trusted");
        explanation = tr("The server presented a certificate that could not be verified. Self-hosted servers often "
                         "sign their own certificate; if so, ask the server's administrator for its SHA-256 "
                         "fingerprint and compare it with the one below. Trust it only if every character matches: "
                         "otherwise someone may be intercepting the connection and could read your password and "
                         "your calls.");
        break;
    case Mode::Changed:
        setWindowTitle(tr("Certificate changed"));
        headline = tr("The server's certificate has changed since you trusted it");
        explanation = tr("The connection was refused. This happens when the server's administrator installs a new "
                         "certificate, but also when someone intercepts the connection. Ask the administrator whether "
                         "the certificate was replaced and what its new fingerprint is. Replace the trusted "
                         "certificate only if the new fingerprint below matches what they tell you.");
        break;
    case Mode::Untrustable:
        setWindowTitle(tr("Invalid certificate"));
        headline = tr("The server's certificate is not valid");
        explanation = tr("The certificate has a problem that trusting it cannot fix (see below), so the connection "
                         "was refused. Ask the server's administrator to renew or replace the certificate.");
        break;
    }
    setAccessibleName(windowTitle());

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    auto *headlineLabel = new QLabel(headline, this);
    headlineLabel->setObjectName(u"headline"_s);
    headlineLabel->setTextFormat(Qt::PlainText);
    headlineLabel->setWordWrap(true);
    QFont bold = headlineLabel->font();
    bold.setBold(true);
    headlineLabel->setFont(bold);
    auto *explanationLabel = new QLabel(explanation, this);
    explanationLabel->setObjectName(u"explanation"_s);
    explanationLabel->setTextFormat(Qt::PlainText);
    explanationLabel->setWordWrap(true);
    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(headlineLabel);
    textColumn->addWidget(explanationLabel);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(textColumn, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("Issued to:"), valueLabel(u"subject"_s, info.subject, tr("Issued to"), this));
    form->addRow(tr("Issued by:"), valueLabel(u"issuer"_s, info.issuer, tr("Issued by"), this));
    if (m_mode == Mode::Changed) {
        form->addRow(tr("New SHA-256 fingerprint:"),
            fingerprintLabel(u"fingerprint"_s, info.sha256, tr("New SHA-256 fingerprint"), this));
        form->addRow(tr("Trusted until now:"),
            fingerprintLabel(
                u"pinnedFingerprint"_s, info.pinnedSha256, tr("Previously trusted SHA-256 fingerprint"), this));
    } else {
        form->addRow(tr("SHA-256 fingerprint:"),
            fingerprintLabel(u"fingerprint"_s, info.sha256, tr("SHA-256 fingerprint"), this));
    }
    const QString problems = info.problems.isEmpty() ? tr("None reported") : u"• "_s + info.problems.join(u"\n• "_s);
    form->addRow(tr("Problems:"), valueLabel(u"problems"_s, problems, tr("Verification problems"), this));

    auto *buttons = new QDialogButtonBox(this);
    if (m_mode == Mode::Untrustable) {
        QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
        close->setObjectName(u"cancelButton"_s);
        close->setDefault(true);
    } else {
        m_trustButton = buttons->addButton(
            m_mode == Mode::Changed ? tr("&Replace the trusted certificate") : tr("&Trust this certificate"),
            QDialogButtonBox::AcceptRole);
        m_trustButton->setObjectName(u"trustButton"_s);
        m_trustButton->setAutoDefault(false);
        QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
        cancel->setObjectName(u"cancelButton"_s);
        // Enter must never trust by accident: the safe choice is the default.
        cancel->setDefault(true);
        cancel->setFocus();
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &CertificateTrustDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CertificateTrustDialog::reject);

    if (m_mode == Mode::Changed) {
        // A differently worded, deliberate second step: the new certificate is let in
        // only once the user says they checked it, not by a reflexive click.
        m_confirmCheck = new QCheckBox(tr("I have checked the new fingerprint with the server's administrator"), this);
        m_confirmCheck->setObjectName(u"confirmCheck"_s);
        m_trustButton->setEnabled(false);
        connect(m_confirmCheck, &QCheckBox::toggled, m_trustButton, &QPushButton::setEnabled);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(form);
    if (m_confirmCheck)
        layout->addWidget(m_confirmCheck);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

CertificateTrustDialog::~CertificateTrustDialog() = default;

CertificateTrustDialog *CertificateTrustDialog::ask(
    QWidget *parent, const CertificateInfo &info, std::function<void(bool trusted)> done)
{
    auto *dialog = new CertificateTrustDialog(info, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, dialog, [done = std::move(done)](int result) {
        if (done)
            done(result == QDialog::Accepted);
    });
    dialog->open();
    return dialog;
}

bool CertificateTrustDialog::canTrust() const
{
    switch (m_mode) {
    case Mode::FirstUse:
        return true;
    case Mode::Changed:
        return m_confirmCheck->isChecked();
    case Mode::Untrustable:
        return false;
    }
    return false;
}

void CertificateTrustDialog::accept()
{
    if (!canTrust())
        return;
    QDialog::accept();
}
