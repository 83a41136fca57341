#pragma once

#include "apierror.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QPushButton;

// Shows a server certificate that did not verify (ApiError::certificate) and lets
// the user trust that one certificate for the profile. The caller pins
// info.sha256 on the profile when `trusted` is true; the dialog stores nothing.
// Open it with open() (or ask()), never exec(): the GUI thread must not block.
class CertificateTrustDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateTrustDialog)
public:
    enum class Mode : quint8 {
        FirstUse, // not trusted yet: "Trust this certificate"
        Changed, // another certificate was trusted: replacing it needs an explicit confirmation
        Untrustable, // a problem no pin covers (e.g. expired): only Close
    };

    explicit CertificateTrustDialog(const CertificateInfo &info, QWidget *parent = nullptr);
    ~CertificateTrustDialog() override;

    // Opens a dialog that deletes itself and calls `done` once, with true when the user trusts the certificate.
    static CertificateTrustDialog *ask(
        QWidget *parent, const CertificateInfo &info, std::function<void(bool trusted)> done);

    Mode mode() const { return m_mode; }
    const CertificateInfo &certificate() const { return m_info; }

    void accept() override; // refused unless trusting is allowed (and confirmed, for a changed certificate)

private:
    bool canTrust() const;

    CertificateInfo m_info;
    Mode m_mode = Mode::FirstUse;
    QCheckBox *m_confirmCheck = nullptr;
    QPushButton *m_trustButton = nullptr;
};
