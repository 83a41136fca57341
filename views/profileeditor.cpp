#include "profileeditor.h"

#include "provider.h"
#include "providerregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

QLabel *makeMessageLabel(QWidget *parent, const QString &objectName, const QString &styleSheet)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(styleSheet);
    label->hide();
    return label;
}

QLabel *makeErrorLabel(QWidget *parent, const QString &objectName)
{
    return makeMessageLabel(parent, objectName, u"color: #b00020;"_s);
}

// A label, its field, and the field's inline message underneath. A grid rather
// than a QFormLayout: its rows follow a wrapped message's height when the text
// changes while the dialog is shown; hidden messages take no room.
void addField(QGridLayout *grid, QLabel *label, QWidget *field, QLabel *message = nullptr)
{
    const int row = grid->count() == 0 ? 0 : grid->rowCount();
    grid->addWidget(label, row, 0);
    grid->addWidget(field, row, 1);
    if (message)
        grid->addWidget(message, row + 1, 1);
}

void showMessage(QLabel *label, QWidget *field, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
    if (field)
        field->setAccessibleDescription(message);
}

QLineEdit *makeLineEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    return edit;
}

} // namespace

ProfileEditor::ProfileEditor(QWidget *parent)
    : QWidget(parent)
    , m_nameEdit(makeLineEdit(this, u"nameEdit"_s))
    , m_nameError(makeErrorLabel(this, u"nameError"_s))
    , m_providerCombo(new QComboBox(this))
    , m_baseUrlEdit(makeLineEdit(this, u"baseUrlEdit"_s))
    , m_baseUrlError(makeErrorLabel(this, u"baseUrlError"_s))
    , m_plainHttpWarning(makeMessageLabel(this, u"plainHttpWarning"_s,
          u"background: #fff4d6; color: #4d3800; border: 1px solid #e0b84c; "
          u"border-radius: 3px; padding: 6px;"_s))
    , m_userLabel(new QLabel(this))
    , m_userEdit(makeLineEdit(this, u"userEdit"_s))
    , m_userError(makeErrorLabel(this, u"userError"_s))
    , m_secretLabel(new QLabel(this))
    , m_secretEdit(makeLineEdit(this, u"secretEdit"_s))
    , m_showSecretButton(new QToolButton(this))
    , m_secretHint(makeMessageLabel(this, u"secretHint"_s, u"color: palette(dark);"_s))
    , m_keychainNote(makeMessageLabel(this, u"keychainNote"_s,
          u"background: #fff4d6; color: #4d3800; border: 1px solid #e0b84c; "
          u"border-radius: 3px; padding: 6px;"_s))
    , m_insecureCheck(new QCheckBox(this))   // worded by updateHints(): the secret is the provider's
    , m_insecureWarning(makeMessageLabel(this, u"insecureWarning"_s,
          u"background: #fde7e9; color: #7a0010; border: 1px solid #d9536a; "
          u"border-radius: 3px; padding: 6px;"_s))
{
    setAccessibleName(tr("Profile"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = m_formGrid = new QGridLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setColumnStretch(1, 1);
    form->setVerticalSpacing(4);

    m_nameEdit->setAccessibleName(tr("Profile name"));
    m_nameEdit->setPlaceholderText(tr("e.g. Acme Plivo"));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_nameEdit);
    addField(form, nameLabel, m_nameEdit, m_nameError);

    m_providerCombo->setObjectName(u"providerCombo"_s);
    m_providerCombo->setAccessibleName(tr("Provider"));
    for (const Provider *provider : ProviderRegistry::all())
        m_providerCombo->addItem(provider->displayName(), provider->id());
    auto *providerLabel = new QLabel(tr("&Provider:"), this);
    providerLabel->setBuddy(m_providerCombo);
    addField(form, providerLabel, m_providerCombo);

    m_baseUrlEdit->setAccessibleName(tr("Base URL"));
    auto *baseUrlLabel = new QLabel(tr("&Base URL:"), this);
    baseUrlLabel->setBuddy(m_baseUrlEdit);
    addField(form, baseUrlLabel, m_baseUrlEdit, m_baseUrlError);
    form->addWidget(m_plainHttpWarning, form->rowCount(), 1);

    m_userLabel->setBuddy(m_userEdit);
    addField(form, m_userLabel, m_userEdit, m_userError);

    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_showSecretButton->setObjectName(u"showSecretButton"_s);
    m_showSecretButton->setCheckable(true);
    m_showSecretButton->setText(tr("Show"));
    m_showSecretButton->setAccessibleName(tr("Show the secret"));
    connect(m_showSecretButton, &QToolButton::toggled, this, [this](bool shown) {
        m_secretEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showSecretButton->setText(shown ? tr("Hide") : tr("Show"));
        m_showSecretButton->setAccessibleName(shown ? tr("Hide the secret") : tr("Show the secret"));
    });
    auto *secretRow = new QWidget(this);
    auto *secretRowLayout = new QHBoxLayout(secretRow);
    secretRowLayout->setContentsMargins(0, 0, 0, 0);
    secretRowLayout->addWidget(m_secretEdit, 1);
    secretRowLayout->addWidget(m_showSecretButton);
    m_secretLabel->setBuddy(m_secretEdit);
    m_secretHint->show();
    addField(form, m_secretLabel, secretRow, m_secretHint);

    layout->addLayout(form);

    // The provider's own settings (e.g. a tenant domain) follow the common ones.
    m_optionsBox = new QWidget(this);
    m_optionsBox->setObjectName(u"providerOptions"_s);
    m_optionsGrid = new QGridLayout(m_optionsBox);
    m_optionsGrid->setContentsMargins(0, 0, 0, 0);
    m_optionsGrid->setColumnStretch(1, 1);
    layout->addWidget(m_optionsBox);

    // A certificate the user trusted for this server, and the way to take that back.
    m_pinnedRow = new QWidget(this);
    auto *pinnedLayout = new QHBoxLayout(m_pinnedRow);
    pinnedLayout->setContentsMargins(0, 0, 0, 0);
    m_pinnedLabel = new QLabel(m_pinnedRow);
    m_pinnedLabel->setObjectName(u"pinnedCertificate"_s);
    m_pinnedLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pinnedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_forgetPinButton = new QPushButton(tr("Forget"), m_pinnedRow);
    m_forgetPinButton->setObjectName(u"forgetPinnedCertificate"_s);
    m_forgetPinButton->setAccessibleName(tr("Forget the trusted certificate"));
    pinnedLayout->addWidget(m_pinnedLabel, 1);
    pinnedLayout->addWidget(m_forgetPinButton);
    connect(m_forgetPinButton, &QPushButton::clicked, this, [this] {
        m_profile.pinnedCertificateSha256.clear();
        updatePinnedCertificate();
        markEdited();
    });
    layout->addWidget(m_pinnedRow);

    m_keychainNote->setAccessibleName(tr("Keychain status"));
    layout->addWidget(m_keychainNote);
    m_insecureCheck->setObjectName(u"insecureCheck"_s);
    m_insecureCheck->hide();
    layout->addWidget(m_insecureCheck);
    m_insecureWarning->setAccessibleName(tr("Warning: the secret is stored unencrypted"));
    layout->addWidget(m_insecureWarning);

    // Every edit marks the profile changed and clears the message of its field.
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        showMessage(m_nameError, m_nameEdit, QString());
        markEdited();
        emit nameEdited(text.trimmed());
    });
    connect(m_baseUrlEdit, &QLineEdit::textEdited, this, [this] {
        showMessage(m_baseUrlError, m_baseUrlEdit, QString());
        markEdited();
    });
    connect(m_baseUrlEdit, &QLineEdit::textChanged, this, &ProfileEditor::updatePlainHttpWarning);
    connect(m_userEdit, &QLineEdit::textEdited, this, [this] {
        showMessage(m_userError, m_userEdit, QString());
        markEdited();
    });
    connect(m_secretEdit, &QLineEdit::textEdited, this, &ProfileEditor::markEdited);
    connect(m_insecureCheck, &QCheckBox::toggled, this, &ProfileEditor::markEdited);
    connect(m_providerCombo, &QComboBox::currentIndexChanged, this, &ProfileEditor::onProviderChanged);
}

ProfileEditor::~ProfileEditor() = default;

void ProfileEditor::setProfile(const Profile &profile, bool isNew)
{
    m_loading = true;
    m_profile = profile;
    m_isNew = isNew;
    m_providerCombo->setCurrentIndex(std::max(0, m_providerCombo->findData(profile.providerId)));
    const Provider *current = provider();
    m_providerDefaultUrl = current ? current->profileFields().defaultBaseUrl : QString();
    m_nameEdit->setText(profile.name);
    m_baseUrlEdit->setText(profile.baseUrl.isEmpty() ? m_providerDefaultUrl : profile.baseUrl.toString());
    m_userEdit->setText(profile.user);
    clearSecret();
    m_insecureCheck->setChecked(profile.secretStoredInsecurely);
    showMessage(m_nameError, m_nameEdit, QString());
    showMessage(m_baseUrlError, m_baseUrlEdit, QString());
    showMessage(m_userError, m_userEdit, QString());
    updateProviderLabels();
    updateHints();
    updatePinnedCertificate();
    m_loading = false;
}

Profile ProfileEditor::profile() const
{
    Profile result = m_profile;
    result.name = m_nameEdit->text().trimmed();
    result.providerId = m_providerCombo->currentData().toString();
    result.baseUrl = baseUrl().value_or(QUrl());
    result.user = m_userEdit->text().trimmed();
    result.options = optionValues();
    return result;
}

QString ProfileEditor::secret() const
{
    return m_secretEdit->text();
}

void ProfileEditor::clearSecret()
{
    m_secretEdit->clear();
    m_showSecretButton->setChecked(false);
}

bool ProfileEditor::storeInsecurelyChecked() const
{
    return m_insecureCheck->isChecked();
}

void ProfileEditor::setStoreInsecurelyChecked(bool checked)
{
    const bool wasLoading = std::exchange(m_loading, true);
    m_insecureCheck->setChecked(checked);
    m_loading = wasLoading;
}

void ProfileEditor::setStoredInsecurely(bool stored)
{
    m_profile.secretStoredInsecurely = stored;
    setStoreInsecurelyChecked(stored);
    updateHints();
}

void ProfileEditor::setPinnedCertificate(const QByteArray &sha256)
{
    m_profile.pinnedCertificateSha256 = sha256;
    updatePinnedCertificate();
    markEdited();
}

void ProfileEditor::focusSecret()
{
    m_secretEdit->setFocus();
}

const Provider *ProfileEditor::provider() const
{
    return ProviderRegistry::find(m_providerCombo->currentData().toString());
}

QString ProfileEditor::secretLabel() const
{
    const Provider *current = provider();
    const QString noun = current ? current->profileFields().secretInSentence() : QString();
    return noun.isEmpty() ? tr("secret", "inside a sentence") : noun;
}

std::optional<QUrl> ProfileEditor::baseUrl(QString *problem) const
{
    const auto refuse = [problem](const QString &message) {
        if (problem)
            *problem = message;
        return std::nullopt;
    };
    const QString text = m_baseUrlEdit->text().trimmed();
    if (text.isEmpty())
        return QUrl(m_providerDefaultUrl);
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != "https"_L1 && scheme != "http"_L1) || url.host().isEmpty()) {
        return refuse(tr("Enter an address that starts with https:// (or http://) and names a host, e.g. %1.")
                          .arg(m_providerDefaultUrl));
    }
    // Credentials in the address would end up in the settings file in clear text.
    if (!url.userInfo().isEmpty())
        return refuse(tr("Leave credentials out of the address; the fields below hold them."));
    if (url.hasQuery() || url.hasFragment())
        return refuse(tr("The address must not contain “?” or “#”."));
    return url;
}

bool ProfileEditor::validate(bool checkName, const QStringList &otherNames)
{
    QWidget *firstInvalid = nullptr;
    const auto check = [&](QLabel *label, QLineEdit *field, const QString &problem) {
        showMessage(label, field, problem);
        if (!problem.isEmpty() && !firstInvalid)
            firstInvalid = field;
    };

    if (checkName) {
        const QString name = m_nameEdit->text().trimmed();
        QString problem;
        if (name.isEmpty())
            problem = tr("Enter a name for the profile.");
        else if (otherNames.contains(name, Qt::CaseInsensitive))
            problem = tr("Another profile is already called “%1”.").arg(name);
        check(m_nameError, m_nameEdit, problem);
    }

    QString urlProblem;
    baseUrl(&urlProblem);
    check(m_baseUrlError, m_baseUrlEdit, urlProblem);

    const Provider *current = provider();
    const QString userName = current ? current->profileFields().userInSentence() : tr("user name");
    check(m_userError, m_userEdit,
        m_userEdit->text().trimmed().isEmpty() ? tr("Enter the %1.").arg(userName) : QString());

    if (firstInvalid)
        firstInvalid->setFocus();
    return !firstInvalid;
}

QString ProfileEditor::errorText(const QString &field) const
{
    const QLabel *label = field == "name"_L1 ? m_nameError
        : field == "baseUrl"_L1              ? m_baseUrlError
        : field == "user"_L1                 ? m_userError
                                             : nullptr;
    return label && !label->isHidden() ? label->text() : QString();
}

void ProfileEditor::setKeychainState(bool available, const QString &reason, const QString &settingsFile)
{
    m_keychainAvailable = available;
    m_keychainReason = reason;
    m_settingsFile = settingsFile;
    updateHints();
}

void ProfileEditor::onProviderChanged()
{
    const Provider *current = provider();
    if (!current)
        return;
    const QString newDefault = current->profileFields().defaultBaseUrl;
    // An address the user typed stays; the previous provider's default follows the provider.
    const QString entered = m_baseUrlEdit->text().trimmed();
    if (!m_loading && (entered.isEmpty() || entered == m_providerDefaultUrl))
        m_baseUrlEdit->setText(newDefault);
    m_providerDefaultUrl = newDefault;
    if (!m_loading) {
        // What was typed for the previous provider survives switching back to it.
        const QMap<QString, QString> typed = optionValues();
        for (const QString &key : m_optionFields.keys())
            m_profile.options.remove(key);
        m_profile.options.insert(typed);
    }
    updateProviderLabels();
    updateHints();
    markEdited();
}

void ProfileEditor::updateProviderLabels()
{
    const Provider *current = provider();
    const ProfileFieldLabels labels = current ? current->profileFields() : ProfileFieldLabels{};
    const QString user = labels.userLabel.isEmpty() ? tr("User") : labels.userLabel;
    const QString secret = labels.secretLabel.isEmpty() ? tr("Secret") : labels.secretLabel;
    m_userLabel->setText(tr("%1:").arg(user));
    m_userEdit->setAccessibleName(user);
    m_secretLabel->setText(tr("%1:").arg(secret));
    m_secretEdit->setAccessibleName(secret);
    m_baseUrlEdit->setPlaceholderText(labels.defaultBaseUrl);
    updatePlainHttpWarning();
    rebuildOptions();
}

void ProfileEditor::rebuildOptions()
{
    const bool wasLoading = std::exchange(m_loading, true);
    while (QLayoutItem *item = m_optionsGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_optionFields.clear();
    const Provider *current = provider();
    const QList<ProfileOption> options = current ? current->profileFields().options : QList<ProfileOption>{};
    int row = 0;
    for (const ProfileOption &option : options) {
        const QString value = m_profile.options.value(option.key);
        QWidget *field = nullptr;
        if (option.kind == ProfileOption::Kind::Flag) {
            auto *check = new QCheckBox(option.label, m_optionsBox);
            check->setChecked(value == "1"_L1);
            connect(check, &QCheckBox::toggled, this, &ProfileEditor::markEdited);
            m_optionsGrid->addWidget(check, row, 1);
            field = check;
        } else {
            auto *edit = new QLineEdit(value, m_optionsBox);
            edit->setPlaceholderText(option.placeholder);
            if (option.kind == ProfileOption::Kind::Count)
                edit->setValidator(new QIntValidator(1, std::numeric_limits<int>::max(), edit));
            edit->setAccessibleName(option.label);
            connect(edit, &QLineEdit::textEdited, this, &ProfileEditor::markEdited);
            auto *label = new QLabel(tr("%1:").arg(option.label), m_optionsBox);
            label->setBuddy(edit);
            m_optionsGrid->addWidget(label, row, 0);
            m_optionsGrid->addWidget(edit, row, 1);
            field = edit;
        }
        field->setObjectName(u"option_"_s + option.key);
        field->setToolTip(option.toolTip);
        field->setAccessibleDescription(option.toolTip);
        m_optionFields.insert(option.key, field);
        ++row;
    }
    m_optionsBox->setVisible(!options.isEmpty());
    alignLabelColumns();
    m_loading = wasLoading;
}

void ProfileEditor::alignLabelColumns()
{
    // Two grids (the options are rebuilt per provider) that should read as one form:
    // both label columns as wide as the widest label of either.
    int width = 0;
    for (QGridLayout *grid : {m_formGrid, m_optionsGrid}) {
        for (int row = 0; row < grid->rowCount(); ++row) {
            if (QLayoutItem *item = grid->itemAtPosition(row, 0); item && item->widget())
                width = std::max(width, item->widget()->sizeHint().width());
        }
    }
    m_formGrid->setColumnMinimumWidth(0, width);
    m_optionsGrid->setColumnMinimumWidth(0, width);
}

QMap<QString, QString> ProfileEditor::optionValues() const
{
    // Only the current provider's options: another provider's leftovers are not kept.
    QMap<QString, QString> values;
    for (auto it = m_optionFields.cbegin(); it != m_optionFields.cend(); ++it) {
        QString value;
        if (const auto *check = qobject_cast<const QCheckBox *>(it.value()))
            value = check->isChecked() ? u"1"_s : QString();
        else if (const auto *edit = qobject_cast<const QLineEdit *>(it.value()))
            value = edit->text().trimmed();
        if (!value.isEmpty())
            values.insert(it.key(), value);
    }
    return values;
}

void ProfileEditor::updatePinnedCertificate()
{
    const QByteArray pin = m_profile.pinnedCertificateSha256;
    m_pinnedRow->setVisible(!pin.isEmpty());
    if (pin.isEmpty())
        return;
    // Two rows of 16 bytes in a fixed-width font, as the trust dialog shows them, so the
    // two can be compared at a glance.
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < pin.size(); i += 2)
        pairs.append(QString::fromLatin1(pin.mid(i, 2)).toUpper());
    const QString fingerprint = pairs.mid(0, 16).join(u':') + (pairs.size() > 16 ? u":\n"_s : QString())
        + pairs.mid(16).join(u':');
    m_pinnedLabel->setText(tr("Trusted certificate (SHA-256):") + u'\n' + fingerprint);
}

void ProfileEditor::updatePlainHttpWarning()
{
    // Over plain http:// the secret crosses the network readable by anyone on
    // the way. Loopback is exempt: it never leaves this computer (the demo and
    // the simulator run there).
    // The address as typed, not fromUserInput()'s guess: that reads "h" … "https",
    // typed on the way to "https://", as http://h/ and flashed the warning.
    const QUrl url(m_baseUrlEdit->text().trimmed(), QUrl::StrictMode);
    const QString host = url.host();
    const bool loopback = host == "localhost"_L1 || QHostAddress(host).isLoopback();
    QString warning;
    if (url.scheme() == "http"_L1 && !host.isEmpty() && !loopback) {
        warning = tr("Plain http:// sends the %1 unencrypted: anyone on the network path can read it. Use "
                     "https:// if the server offers it.")
                      .arg(secretLabel());
    }
    showMessage(m_plainHttpWarning, nullptr, warning);
}

void ProfileEditor::updateHints()
{
    const QString secret = secretLabel();
    if (m_isNew) {
        showMessage(m_secretHint, nullptr,
            m_keychainAvailable ? tr("Stored in the keychain when you save.")
                                : tr("Kept for this session only, unless stored unencrypted below."));
        m_secretEdit->setPlaceholderText(QString());
    } else {
        showMessage(
            m_secretHint, nullptr, tr("Leave empty to keep the current %1; type a new one to replace it.").arg(secret));
        m_secretEdit->setPlaceholderText(tr("unchanged"));
    }

    QString note;
    if (!m_keychainAvailable) {
        note = tr("No keychain answered, so the %1 cannot be stored safely. It will be asked for once each "
                  "session, unless you choose below to store it unencrypted in the settings file.")
                   .arg(secret);
        if (!m_keychainReason.isEmpty())
            note += u'\n' + tr("The keychain said: %1").arg(m_keychainReason);
    }
    showMessage(m_keychainNote, nullptr, note);
    m_insecureCheck->setText(tr("Store the %1 unencrypted in the settings file (no keychain available)").arg(secret));
    m_insecureCheck->setAccessibleName(tr("Store the %1 unencrypted").arg(secret));
    m_insecureCheck->setVisible(!m_keychainAvailable);
    m_insecureCheck->setEnabled(!m_keychainAvailable);

    QString warning;
    if (m_profile.secretStoredInsecurely && !m_isNew) {
        warning = tr("The %1 of this profile is stored UNENCRYPTED in the settings file %2. Anyone who can read "
                     "that file can use it.")
                      .arg(secret, QDir::toNativeSeparators(m_settingsFile));
        if (m_keychainAvailable)
            warning += u' ' + tr("A keychain answers now: save the profile to move the %1 into it.").arg(secret);
    }
    showMessage(m_insecureWarning, nullptr, warning);
}

void ProfileEditor::markEdited()
{
    if (!m_loading)
        emit edited();
}
