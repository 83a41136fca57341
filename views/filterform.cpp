#include "filterform.h"

#include "provider.h"
#include "timerangeeditor.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto zoneSettingsKey = "filterForm/timeZone"_L1;
const auto sinceKey = "since"_L1;
const auto untilKey = "until"_L1;

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #b00020;"_s);
    label->hide();
    return label;
}

} // namespace

FilterForm::FilterForm(QSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_timeRange(new TimeRangeEditor(this))
    , m_fieldsHost(new QWidget(this))
    , m_emptyNote(new QLabel(tr("Choose a profile to see its filters."), this))
{
    setAccessibleName(tr("Search filters"));
    auto *layout = new QVBoxLayout(this);

    auto *rangeBox = new QGroupBox(tr("Time range"), this);
    rangeBox->setObjectName(u"timeRangeBox"_s);
    auto *rangeLayout = new QVBoxLayout(rangeBox);
    rangeLayout->addWidget(m_timeRange);
    layout->addWidget(rangeBox);

    auto *filterBox = new QGroupBox(tr("Filters"), this);
    auto *filterLayout = new QVBoxLayout(filterBox);
    filterLayout->addWidget(m_fieldsHost);
    filterLayout->addWidget(m_emptyNote);
    m_emptyNote->setWordWrap(true);
    layout->addWidget(filterBox);

    auto *buttons = new QHBoxLayout;
    auto *searchButton = new QPushButton(tr("Search"), this);
    searchButton->setAccessibleName(tr("Search"));
    searchButton->setToolTip(tr("Search with these filters (F5 or Enter)"));
    auto *resetButton = new QPushButton(tr("Reset"), this);
    resetButton->setAccessibleName(tr("Reset filters"));
    resetButton->setToolTip(tr("Clear every filter and use the API's default time range"));
    buttons->addWidget(resetButton);
    buttons->addStretch();
    buttons->addWidget(searchButton);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(searchButton, &QPushButton::clicked, this, &FilterForm::searchRequested);
    connect(resetButton, &QPushButton::clicked, this, &FilterForm::resetToDefaults);
    connect(m_timeRange, &TimeRangeEditor::edited, this, [this] { setFieldError(sinceKey, {}); });
    connect(m_timeRange, &TimeRangeEditor::zoneChanged, this, [this](const QTimeZone &zone) {
        m_settings.setValue(zoneSettingsKey, zone == QTimeZone::utc() ? u"UTC"_s : QString::fromLatin1(zone.id()));
        emit displayZoneChanged(zone);
    });

    const QByteArray savedZone = m_settings.value(zoneSettingsKey).toString().toLatin1();
    if (!savedZone.isEmpty() && savedZone != "UTC" && QTimeZone::isTimeZoneIdAvailable(savedZone))
        m_timeRange->setZone(QTimeZone(savedZone));
    rebuild();
}

FilterForm::~FilterForm() = default;

void FilterForm::setProvider(const Provider *provider)
{
    if (provider == m_provider)
        return;
    m_provider = provider;
    rebuild();
}

void FilterForm::rebuild()
{
    m_fields.clear();
    delete m_fieldsHost->layout();
    qDeleteAll(m_fieldsHost->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));

    m_specs = m_provider ? m_provider->filters() : QList<FilterSpec>();
    m_emptyNote->setVisible(!m_provider);
    m_timeRange->setPolicy(m_provider ? m_provider->timeRange() : TimeRangePolicy(),
                           m_provider ? m_provider->displayName() : QString());
    if (auto *box = findChild<QGroupBox *>(u"timeRangeBox"_s)) {
        const QString field = m_provider ? m_provider->timeRange().fieldLabel : QString();
        box->setTitle(field.isEmpty() ? tr("Time range") : tr("Time range (%1)").arg(field));
    }

    auto *grid = new QGridLayout(m_fieldsHost);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    for (const FilterSpec &spec : std::as_const(m_specs)) {
        QWidget *editor = nullptr;
        switch (spec.kind) {
        case FilterKind::Text:
        case FilterKind::Integer: {
            auto *edit = new QLineEdit(m_fieldsHost);
            edit->setClearButtonEnabled(true);
            edit->setPlaceholderText(spec.hint);
            edit->setText(spec.defaultValue);
            if (spec.kind == FilterKind::Integer) {
                edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
                // Checked as typed, so a bad number is marked before Search is pressed.
                connect(edit, &QLineEdit::textChanged, this, [this, spec](const QString &text) {
                    SearchQuery single;
                    single.filters.insert(spec.key, text.trimmed());
                    const QList<FieldError> errors = validateDeclaredFilters({spec}, single);
                    setFieldError(spec.key, errors.isEmpty() ? QString() : errors.constFirst().message);
                });
            } else {
                connect(edit, &QLineEdit::textEdited, this, [this, key = spec.key] { setFieldError(key, {}); });
            }
            editor = edit;
            break;
        }
        case FilterKind::Choice: {
            auto *combo = new QComboBox(m_fieldsHost);
            combo->addItem(tr("Any"), QString());
            for (const FilterChoice &choice : spec.choices)
                combo->addItem(choice.label, choice.value);
            combo->setCurrentIndex(std::max(0, combo->findData(spec.defaultValue)));
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(10);
            connect(combo, &QComboBox::activated, this, [this, key = spec.key] { setFieldError(key, {}); });
            editor = combo;
            break;
        }
        }
        editor->setObjectName(spec.key);
        editor->setAccessibleName(spec.label);
        editor->setToolTip(spec.hint);
        editor->setAccessibleDescription(spec.hint);

        auto *label = new QLabel(spec.label + u':', m_fieldsHost);
        label->setBuddy(editor);
        label->setToolTip(spec.hint);
        QLabel *error = makeErrorLabel(m_fieldsHost);
        error->setAccessibleName(tr("%1: error").arg(spec.label));
        const int row = grid->rowCount();
        grid->addWidget(label, row, 0);
        grid->addWidget(editor, row, 1);
        grid->addWidget(error, row + 1, 1);
        m_fields.insert(spec.key, {editor, error});
    }
    if (m_provider) {
        auto *note = new QLabel(tr("Hover a field to see how the server matches it. Empty fields are not sent."),
                                m_fieldsHost);
        note->setWordWrap(true);
        QPalette palette = note->palette();
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
        note->setPalette(palette);
        grid->addWidget(note, grid->rowCount(), 0, 1, 2);
    }
    // One spot for errors that belong to no field (and to the range).
    m_fields.insert(QString(), {nullptr, makeErrorLabel(m_fieldsHost)});
    grid->addWidget(m_fields.value(QString()).error, grid->rowCount(), 0, 1, 2);
}

SearchQuery FilterForm::query() const
{
    return query(QDateTime::currentDateTimeUtc());
}

SearchQuery FilterForm::query(const QDateTime &nowUtc) const
{
    SearchQuery result;
    std::tie(result.since, result.until) = m_timeRange->range(nowUtc);
    for (const FilterSpec &spec : m_specs) {
        const QString value = fieldValue(spec.key);
        if (!value.isEmpty())
            result.filters.insert(spec.key, value);
    }
    return result;
}

QList<FieldError> FilterForm::validate(const QDateTime &nowUtc) const
{
    if (!m_provider)
        return {};
    return m_provider->validate(query(nowUtc), nowUtc);
}

bool FilterForm::checkBeforeSearch(const QDateTime &nowUtc)
{
    const QList<FieldError> errors = validate(nowUtc);
    showErrors(errors);
    return errors.isEmpty();
}

void FilterForm::showErrors(const QList<FieldError> &errors)
{
    clearErrors();
    for (const FieldError &error : errors)
        setFieldError(error.key, error.message);
    if (errors.isEmpty())
        return;
    // Focus the first bad field in the order the form shows them.
    QStringList order{sinceKey, untilKey};
    for (const FilterSpec &spec : std::as_const(m_specs))
        order << spec.key;
    for (const QString &key : std::as_const(order)) {
        const bool bad = std::any_of(errors.cbegin(), errors.cend(), [&key](const FieldError &e) { return e.key == key; });
        if (bad) {
            if (QWidget *field = fieldWidget(key))
                field->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

void FilterForm::clearErrors()
{
    m_timeRange->setError({});
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        setFieldError(it.key(), {});
}

void FilterForm::resetToDefaults()
{
    m_timeRange->setPreset(TimeRangeEditor::Preset::ApiDefault);
    for (const FilterSpec &spec : std::as_const(m_specs))
        setFilterValue(spec.key, spec.defaultValue);
    clearErrors();
}

QTimeZone FilterForm::displayZone() const
{
    return m_timeRange->zone();
}

void FilterForm::setDisplayZone(const QTimeZone &zone)
{
    m_timeRange->setZone(zone);
}

QWidget *FilterForm::fieldWidget(const QString &key) const
{
    if (key == sinceKey)
        return m_timeRange->sinceField();
    if (key == untilKey)
        return m_timeRange->untilField();
    return key.isEmpty() ? nullptr : m_fields.value(key).editor;
}

QString FilterForm::errorText(const QString &key) const
{
    if (key == sinceKey || key == untilKey)
        return m_timeRange->errorText();
    const Field field = m_fields.value(key);
    return field.error && !field.error->isHidden() ? field.error->text() : QString();
}

void FilterForm::setFilterValue(const QString &key, const QString &value)
{
    QWidget *editor = m_fields.value(key).editor;
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(value);
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
}

void FilterForm::keyPressEvent(QKeyEvent *event)
{
    // Line edits, combo boxes and date edits pass Enter on; here it searches.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        emit searchRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

QString FilterForm::fieldValue(const QString &key) const
{
    QWidget *editor = m_fields.value(key).editor;
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        return edit->text().trimmed();
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentData().toString();
    return {};
}

void FilterForm::setFieldError(const QString &key, const QString &message)
{
    if (key == sinceKey || key == untilKey) {
        const QString shown = m_timeRange->errorText();
        m_timeRange->setError(message.isEmpty() || shown.isEmpty() ? message : shown + u'\n' + message);
        if (!message.isEmpty())
            TimeRangeEditor::markInvalid(fieldWidget(key), true);
        return;
    }
    auto it = m_fields.constFind(key);
    if (it == m_fields.cend()) {
        it = m_fields.constFind(QString());   // a key the form does not show
        if (it == m_fields.cend())
            return;
    }
    it->error->setText(message);
    it->error->setVisible(!message.isEmpty());
    if (it->editor) {
        TimeRangeEditor::markInvalid(it->editor, !message.isEmpty());
        const auto spec = std::find_if(m_specs.cbegin(), m_specs.cend(), [&key](const FilterSpec &s) { return s.key == key; });
        it->editor->setAccessibleDescription(!message.isEmpty() ? message : spec != m_specs.cend() ? spec->hint : QString());
    }
}
