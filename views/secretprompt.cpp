#include "secretprompt.h"

#include "provider.h"
#include "providerregistry.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SecretPrompt::SecretPrompt(const Profile &profile, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_secrets(secrets)
    , m_reason(new QLabel(this))
    , m_secretEdit(new QLineEdit(this))
    , m_rememberCheck(new QCheckBox(tr("&Remember in keychain"), this))
{
    const Provider *provider = ProviderRegistry::find(profile.providerId);
    const QString secretLabel = provider ? provider->profileFields().secretLabel : tr("Secret");
    const QString secretNoun = provider ? provider->profileFields().secretInSentence() : tr("secret", "inside a sentence");
    setWindowTitle(tr("%1 for “%2”").arg(secretLabel, profile.name));
    setAccessibleName(windowTitle());

    auto *intro = new QLabel(
        tr("Enter the %1 of the profile “%2” (%3).").arg(secretNoun, profile.name, profile.baseUrl.host()), this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_reason->setObjectName(u"reason"_s);
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setAccessibleName(tr("Why the secret is asked for"));
    m_reason->hide();

    m_secretEdit->setObjectName(u"secretEdit"_s);
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setAccessibleName(secretLabel);
    auto *showButton = new QToolButton(this);
    showButton->setObjectName(u"showSecretButton"_s);
    showButton->setCheckable(true);
    showButton->setText(tr("Show"));
    showButton->setAccessibleName(tr("Show the secret"));
    connect(showButton, &QToolButton::toggled, this, [this, showButton](bool shown) {
        m_secretEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        showButton->setText(shown ? tr("Hide") : tr("Show"));
        showButton->setAccessibleName(shown ? tr("Hide the secret") : tr("Show the secret"));
    });
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secretEdit, 1);
    secretRow->addWidget(showButton);
    auto *form = new QFormLayout;
    auto *secretLabelWidget = new QLabel(tr("%1:").arg(secretLabel), this);
    secretLabelWidget->setBuddy(m_secretEdit);
    form->addRow(secretLabelWidget, secretRow);

    m_rememberCheck->setObjectName(u"rememberCheck"_s);
    m_rememberCheck->setAccessibleName(tr("Remember in keychain"));
    m_rememberCheck->setChecked(true);
    auto *sessionNote = new QLabel(this);
    sessionNote->setObjectName(u"sessionNote"_s);
    sessionNote->setWordWrap(true);
    sessionNote->setTextFormat(Qt::PlainText);
    if (secrets.keychainAvailable()) {
        sessionNote->hide();
    } else {
        // Without a keychain the only choices are this session or (in the profile
        // dialog, after an explicit opt-in) the settings file.
        m_rememberCheck->setChecked(false);
        m_rememberCheck->hide();
        sessionNote->setText(tr("No keychain is available: the %1 is kept until CDR Browser closes. To keep it "
                                "across sessions without a keychain, opt in to unencrypted storage in the "
                                "profile dialog.")
                                 .arg(secretNoun));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *okButton = buttons->button(QDialogButtonBox::Ok);
    okButton->setText(tr("&Use"));
    okButton->setAccessibleName(tr("Use this %1").arg(secretNoun));
    okButton->setEnabled(false);
    connect(m_secretEdit, &QLineEdit::textChanged, okButton,
        [okButton](const QString &text) { okButton->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &SecretPrompt::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SecretPrompt::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addWidget(m_rememberCheck);
    layout->addWidget(sessionNote);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

SecretPrompt::~SecretPrompt() = default;

void SecretPrompt::setReason(const QString &text)
{
    m_reason->setText(text);
    m_reason->setVisible(!text.isEmpty());
}

QString SecretPrompt::secret() const
{
    return m_secretEdit->text();
}

bool SecretPrompt::rememberInKeychain() const
{
    return !m_rememberCheck->isHidden() && m_rememberCheck->isChecked();
}

void SecretPrompt::accept()
{
    const QString typed = m_secretEdit->text();
    if (typed.isEmpty())
        return;
    // Both calls make the secret known for this session at once (SecretStore::cached()).
    if (rememberInKeychain())
        m_secrets.write(m_profile.id, typed, false);
    else
        m_secrets.remember(m_profile.id, typed);
    m_secretEdit->clear();
    QDialog::accept();
}
