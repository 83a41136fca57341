#include "timerangeeditor.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// A relative preset as long as the provider's history is kept slightly shorter,
// so a long "Load all" does not drift past the limit while it pages.
constexpr qint64 historyMarginSecs = 15 * 60;

qint64 daysOf(std::chrono::hours hours)
{
    return std::chrono::duration_cast<std::chrono::days>(hours).count();
}

QString offsetText(int offsetSecs)
{
    const QChar sign = offsetSecs < 0 ? u'−' : u'+';
    const int minutes = std::abs(offsetSecs) / 60;
    return u"UTC%1%2:%3"_s.arg(sign).arg(minutes / 60, 2, 10, QChar(u'0')).arg(minutes % 60, 2, 10, QChar(u'0'));
}

} // namespace

TimeRangeEditor::TimeRangeEditor(QWidget *parent)
    : QWidget(parent)
    , m_presetCombo(new QComboBox(this))
    , m_fromEdit(new QDateTimeEdit(this))
    , m_toEdit(new QDateTimeEdit(this))
    , m_zoneCombo(new QComboBox(this))
    , m_defaultNote(new QLabel(this))
    , m_policyNote(new QLabel(this))
    , m_errorLabel(new QLabel(this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setColumnStretch(1, 1);

    auto addRow = [this, layout](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        const int row = layout->rowCount();
        layout->addWidget(label, row, 0);
        layout->addWidget(field, row, 1);
    };

    m_presetCombo->setAccessibleName(tr("Time range preset"));
    addRow(tr("&Range:"), m_presetCombo);

    for (QDateTimeEdit *edit : {m_fromEdit, m_toEdit}) {
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setCalendarPopup(true);
        // The edit holds the wall-clock time of the chosen zone; UTC here only
        // keeps Qt from applying the system zone's DST rules to it.
        edit->setTimeSpec(Qt::UTC);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &TimeRangeEditor::customEdited);
    }
    m_fromEdit->setAccessibleName(tr("From (inclusive)"));
    m_toEdit->setAccessibleName(tr("To (exclusive)"));
    m_toEdit->setToolTip(tr("The range ends just before this time."));
    addRow(tr("&From:"), m_fromEdit);
    addRow(tr("&To:"), m_toEdit);

    m_zoneCombo->setEditable(true);
    m_zoneCombo->setInsertPolicy(QComboBox::NoInsert);
    m_zoneCombo->setAccessibleName(tr("Time zone"));
    m_zoneCombo->setToolTip(tr("Times are entered and shown in this zone; they are sent in UTC. "
                               "Type any IANA zone, e.g. Europe/Berlin."));
    m_zoneCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_zoneCombo->setMinimumContentsLength(12);
    addRow(tr("&Zone:"), m_zoneCombo);

    for (QLabel *note : {m_defaultNote, m_policyNote, m_errorLabel}) {
        note->setWordWrap(true);
        layout->addWidget(note, layout->rowCount(), 0, 1, 2);
    }
    m_defaultNote->setAccessibleName(tr("Time range note"));
    m_policyNote->setAccessibleName(tr("Time range limits"));
    QPalette notePalette = m_policyNote->palette();
    notePalette.setColor(QPalette::WindowText, notePalette.color(QPalette::PlaceholderText));
    m_defaultNote->setPalette(notePalette);
    m_policyNote->setPalette(notePalette);
    m_errorLabel->setAccessibleName(tr("Time range error"));
    m_errorLabel->setStyleSheet(u"color: #b00020;"_s);
    m_errorLabel->hide();

    fillZones();
    connect(m_presetCombo, &QComboBox::activated, this, &TimeRangeEditor::presetActivated);
    connect(m_zoneCombo, &QComboBox::activated, this, &TimeRangeEditor::zoneTextCommitted);
    connect(m_zoneCombo->lineEdit(), &QLineEdit::editingFinished, this, &TimeRangeEditor::zoneTextCommitted);

    // Relative presets move with the clock; keep the shown dates honest.
    auto *clock = new QTimer(this);
    clock->setInterval(60s);
    connect(clock, &QTimer::timeout, this, &TimeRangeEditor::refreshEdits);
    clock->start();

    setPolicy({}, QString());
}

void TimeRangeEditor::setPolicy(const TimeRangePolicy &policy, const QString &providerName)
{
    const Preset previous = m_presetCombo->count() > 0 ? preset() : Preset::ApiDefault;
    m_policy = policy;
    m_providerName = providerName;
    fillPresets();
    const int index = m_presetCombo->findData(QVariant::fromValue(previous));
    m_presetCombo->setCurrentIndex(index >= 0 ? index : 0);

    QStringList lines;
    if (m_policy.maxAge) {
        lines << tr("%1 keeps %n day(s); ranges reaching further back are refused before sending.", "",
                    int(daysOf(*m_policy.maxAge)))
                     .arg(providerName.isEmpty() ? tr("The provider") : providerName);
    }
    if (m_policy.maxSpan && (!m_policy.maxAge || *m_policy.maxSpan < *m_policy.maxAge))
        lines << tr("Ranges longer than %n day(s) are refused before sending.", "", int(daysOf(*m_policy.maxSpan)));
    m_policyNote->setText(lines.join(u' '));
    m_policyNote->setVisible(!lines.isEmpty());
    refreshEdits();
}

void TimeRangeEditor::fillPresets()
{
    m_presetCombo->clear();
    const auto defaultDays = daysOf(m_policy.defaultWindow);
    m_presetCombo->addItem(tr("Default: last %n day(s)", "", int(defaultDays)), QVariant::fromValue(Preset::ApiDefault));
    m_presetCombo->setItemData(0, tr("The API's own default: no range is sent"), Qt::ToolTipRole);
    const std::pair<Preset, QString> presets[] = {
        {Preset::Last24Hours, tr("Last 24 hours")},
        {Preset::Last7Days, tr("Last 7 days")},
        {Preset::Last30Days, tr("Last 30 days")},
        {Preset::Last90Days, tr("Last 90 days")},
    };
    for (const auto &[preset, label] : presets) {
        if (m_policy.maxAge && presetSpan(preset) > *m_policy.maxAge)
            continue;   // the provider would refuse it anyway
        m_presetCombo->addItem(label, QVariant::fromValue(preset));
    }
    m_presetCombo->addItem(tr("Custom"), QVariant::fromValue(Preset::Custom));
}

void TimeRangeEditor::fillZones()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QByteArray> ids{QByteArrayLiteral("UTC")};
    const QByteArray systemId = QTimeZone::systemTimeZoneId();
    if (!systemId.isEmpty() && systemId != "UTC")
        ids << systemId;
    const QList<QByteArray> available = QTimeZone::availableTimeZoneIds();
    for (const QByteArray &id : available) {
        if (!ids.contains(id) && id.contains('/'))   // skip legacy aliases like "EST5EDT"
            ids << id;
    }
    for (const QByteArray &id : std::as_const(ids)) {
        const QTimeZone zone(id);
        if (zone.isValid())
            m_zoneCombo->addItem(zoneDisplayName(zone, now), QString::fromLatin1(id));
    }
    if (m_zoneCombo->count() > 1 && ids.value(1) == systemId)
        m_zoneCombo->setItemData(1, tr("The system's time zone"), Qt::ToolTipRole);

    auto *completer = new QCompleter(m_zoneCombo->model(), m_zoneCombo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_zoneCombo->setCompleter(completer);
    m_zoneCombo->setCurrentIndex(0);
}

QString TimeRangeEditor::zoneDisplayName(const QTimeZone &zone, const QDateTime &atUtc)
{
    if (zone == QTimeZone::utc() || zone.id() == "UTC")
        return u"UTC"_s;
    return u"%1 (%2)"_s.arg(QString::fromLatin1(zone.id()), offsetText(zone.offsetFromUtc(atUtc)));
}

TimeRangeEditor::Preset TimeRangeEditor::preset() const
{
    return m_presetCombo->currentData().value<Preset>();
}

void TimeRangeEditor::setPreset(Preset preset)
{
    const int index = m_presetCombo->findData(QVariant::fromValue(preset));
    if (index < 0)
        return;
    m_presetCombo->setCurrentIndex(index);
    refreshEdits();
}

void TimeRangeEditor::setCustomRange(const QDateTime &sinceUtc, const QDateTime &untilUtc)
{
    m_presetCombo->setCurrentIndex(m_presetCombo->findData(QVariant::fromValue(Preset::Custom)));
    m_updating = true;
    setEditValue(m_fromEdit, sinceUtc);
    setEditValue(m_toEdit, untilUtc);
    m_updating = false;
    refreshEdits();
}

void TimeRangeEditor::setZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    // The range keeps its instants; only the wall-clock times shown change.
    const QDateTime since = editValue(m_fromEdit);
    const QDateTime until = editValue(m_toEdit);
    m_zone = zone;
    const QString id = zone == QTimeZone::utc() ? u"UTC"_s : QString::fromLatin1(zone.id());
    int index = m_zoneCombo->findData(id);
    if (index < 0) {
        m_zoneCombo->addItem(zoneDisplayName(zone, QDateTime::currentDateTimeUtc()), id);
        index = m_zoneCombo->count() - 1;
    }
    m_zoneCombo->setCurrentIndex(index);
    m_updating = true;
    setEditValue(m_fromEdit, since);
    setEditValue(m_toEdit, until);
    m_updating = false;
    refreshEdits();
    emit zoneChanged(m_zone);
}

std::pair<QDateTime, QDateTime> TimeRangeEditor::range(const QDateTime &nowUtc) const
{
    const Preset current = preset();
    if (current == Preset::ApiDefault)
        return {};
    if (current == Preset::Custom)
        return {editValue(m_fromEdit), editValue(m_toEdit)};
    qint64 spanSecs = std::chrono::duration_cast<std::chrono::seconds>(presetSpan(current)).count();
    if (m_policy.maxAge) {
        const qint64 maxAgeSecs = std::chrono::duration_cast<std::chrono::seconds>(*m_policy.maxAge).count();
        if (spanSecs >= maxAgeSecs)
            spanSecs = maxAgeSecs - historyMarginSecs;
    }
    // The upper end stays open: the search fixes it at "now" when it starts.
    return {nowUtc.toUTC().addSecs(-spanSecs), QDateTime()};
}

void TimeRangeEditor::setError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    if (message.isEmpty()) {
        markInvalid(m_fromEdit, false);
        markInvalid(m_toEdit, false);
        markInvalid(m_zoneCombo, false);
    }
}

QString TimeRangeEditor::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

QWidget *TimeRangeEditor::sinceField() const
{
    return m_fromEdit;
}

QWidget *TimeRangeEditor::untilField() const
{
    return m_toEdit;
}

void TimeRangeEditor::markInvalid(QWidget *field, bool invalid)
{
    // Only the base colour is set, so the platform style stays; a style sheet would replace it.
    QPalette palette;
    if (invalid)
        palette.setColor(QPalette::Base, QColor(0xff, 0xe4, 0xe4));
    field->setPalette(palette);
}

void TimeRangeEditor::showEvent(QShowEvent *event)
{
    refreshEdits();
    QWidget::showEvent(event);
}

void TimeRangeEditor::presetActivated()
{
    refreshEdits();
    emit edited();
}

void TimeRangeEditor::zoneTextCommitted()
{
    QString text = m_zoneCombo->currentText().trimmed();
    // Accept "Europe/Berlin (UTC+01:00)" as well as a bare id.
    if (const qsizetype paren = text.indexOf(u" ("); paren > 0)
        text.truncate(paren);
    const QByteArray id = text.toLatin1();
    if (id.compare("UTC", Qt::CaseInsensitive) == 0 || id.compare("Z", Qt::CaseInsensitive) == 0) {
        setZone(QTimeZone::utc());
        m_zoneCombo->setCurrentIndex(m_zoneCombo->findData(u"UTC"_s));
        return;
    }
    if (QTimeZone::isTimeZoneIdAvailable(id)) {
        setZone(QTimeZone(id));
        setError({});
        return;
    }
    setError(tr("“%1” is not a known time zone.").arg(text));
    markInvalid(m_zoneCombo, true);
    // Show the zone still in force, not the rejected text.
    m_zoneCombo->setCurrentIndex(m_zoneCombo->findData(m_zone == QTimeZone::utc() ? u"UTC"_s
                                                                                  : QString::fromLatin1(m_zone.id())));
}

void TimeRangeEditor::customEdited()
{
    if (m_updating)
        return;
    const int custom = m_presetCombo->findData(QVariant::fromValue(Preset::Custom));
    if (m_presetCombo->currentIndex() != custom)
        m_presetCombo->setCurrentIndex(custom);
    refreshEdits();
    emit edited();
}

void TimeRangeEditor::refreshEdits()
{
    const Preset current = preset();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (current != Preset::Custom) {
        // Show the concrete window the preset (or the API's default) covers right now.
        const SearchQuery shown = SearchQuery{range(now).first, range(now).second, {}, {}}.resolved(now, m_policy);
        m_updating = true;
        setEditValue(m_fromEdit, shown.since);
        setEditValue(m_toEdit, shown.until);
        m_updating = false;
    }
    const bool apiDefault = current == Preset::ApiDefault;
    const QString note = m_policy.defaultWindowSent
        ? tr("The default window shown above is sent, fixed when the search starts.")
        : tr("No range is sent; the API searches its default window shown above.");
    m_defaultNote->setText(apiDefault ? note : QString());
    m_defaultNote->setVisible(apiDefault);
}

QDateTime TimeRangeEditor::editValue(const QDateTimeEdit *edit) const
{
    const QDateTime wall = edit->dateTime();
    return QDateTime(wall.date(), wall.time(), m_zone).toUTC();
}

void TimeRangeEditor::setEditValue(QDateTimeEdit *edit, const QDateTime &utc)
{
    if (!utc.isValid())
        return;
    const QDateTime local = utc.toTimeZone(m_zone);
    edit->setDateTime(QDateTime(local.date(), local.time(), QTimeZone::utc()));
}

std::chrono::hours TimeRangeEditor::presetSpan(Preset preset) const
{
    switch (preset) {
    case Preset::Last24Hours:
        return 24h;
    case Preset::Last7Days:
        return 24h * 7;
    case Preset::Last30Days:
        return 24h * 30;
    case Preset::Last90Days:
        return 24h * 90;
    case Preset::ApiDefault:
        return m_policy.defaultWindow;
    case Preset::Custom:
        break;
    }
    return 0h;
}
