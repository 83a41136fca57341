#include "exportdialog.h"

#include "exportcolumnlist.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const auto displayZoneKey = "display"_L1;
const auto namedZoneKey = "named"_L1;

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    // One line, not wrapped: a wrapped label in a form reserves lines it never uses.
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setEnabled(false); // the muted colour of a remark
    return label;
}

// A field with its remark right under it, so the two read as one.
QWidget *withNote(QWidget *field, QLabel *note, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(note);
    return box;
}

} // namespace

ExportDialog::ExportDialog(const ExportDialogSetup &setup, QWidget *parent)
    : QDialog(parent)
    , m_displayZone(setup.displayZone)
    , m_columns(new ExportColumnList(this))
    , m_columnsNote(noteLabel(this))
    , m_preset(new QComboBox(this))
    , m_presetNote(noteLabel(this))
    , m_durations(new QComboBox(this))
    , m_zone(new QComboBox(this))
    , m_zoneEdit(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Export"));
    setAccessibleName(tr("Export"));

    m_columns->setTableColumns(setup.visibleColumns);
    m_columns->setColumns(
        setup.choices.columns.isEmpty() ? setup.visibleColumns : setup.choices.columns, setup.allColumns);
    m_columnsNote->setText(tr("JSON Lines holds every field of each call, whatever the columns."));

    const QChar excelSeparator = QChar::fromLatin1(ExportFormatOptions::excel(QLocale()).separator);
    m_preset->addItem(tr("Excel (“%1” between fields)").arg(excelSeparator), int(ExportPreset::Excel));
    m_preset->addItem(tr("RFC 4180 CSV (comma)"), int(ExportPreset::Rfc4180));
    m_preset->addItem(tr("TSV (tab-separated)"), int(ExportPreset::Tsv));
    m_preset->addItem(tr("JSON Lines (one call per line)"), int(ExportPreset::JsonLines));
    m_preset->setAccessibleName(tr("File format"));
    m_preset->setObjectName(u"exportPreset"_s);

    m_durations->addItem(tr("Seconds (3725)"), int(DurationStyle::Seconds));
    m_durations->addItem(tr("Hours, minutes, seconds (1:02:05)"), int(DurationStyle::Hms));
    m_durations->setAccessibleName(tr("Durations"));
    m_durations->setObjectName(u"exportDurations"_s);
    m_durations->setCurrentIndex(m_durations->findData(int(setup.choices.durations)));

    m_zone->addItem(tr("UTC"), u"UTC"_s);
    m_zone->addItem(tr("Display zone: %1").arg(zoneName(m_displayZone)), QString(displayZoneKey));
    m_zone->addItem(tr("This computer: %1").arg(zoneName(QTimeZone::systemTimeZone())), u"local"_s);
    m_zone->addItem(tr("Named zone:"), QString(namedZoneKey));
    m_zone->setAccessibleName(tr("Time zone of the times"));
    m_zone->setObjectName(u"exportZone"_s);
    m_zoneEdit->setPlaceholderText(tr("e.g. Europe/Berlin"));
    m_zoneEdit->setAccessibleName(tr("Named time zone"));
    m_zoneEdit->setObjectName(u"exportNamedZone"_s);
    QStringList zoneIds;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zoneIds << QString::fromUtf8(id);
    auto *completer = new QCompleter(zoneIds, m_zoneEdit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_zoneEdit->setCompleter(completer);
    auto *zoneRow = new QHBoxLayout;
    zoneRow->addWidget(m_zone);
    zoneRow->addWidget(m_zoneEdit, 1);

    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setDefault(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto addRow = [this, form](const QString &text, QWidget *buddy, auto field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    QWidget *scope = buildScope(setup);
    addRow(tr("Rows:"), m_selected->isEnabled() ? m_selected : m_loaded, scope);
    addRow(tr("&Columns:"), m_columns->list(), withNote(m_columns, m_columnsNote, this));
    addRow(tr("F&ormat:"), m_preset, withNote(m_preset, m_presetNote, this));
    addRow(tr("&Durations:"), m_durations, m_durations);
    addRow(tr("&Times in:"), m_zone, zoneRow);
    QWidget *fileRow = buildFileRow();
    addRow(tr("&File:"), m_fileEdit, fileRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    m_fileEdit->setText(QDir(setup.folder).filePath(setup.baseName + u'.' + suffixFor(setup.choices.preset)));
    setPreset(setup.choices.preset);
    setZoneKey(setup.choices.zoneKey);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::presetChanged);
    connect(m_zone, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
    connect(m_zoneEdit, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_columns, &ExportColumnList::changed, this, &ExportDialog::updateState);
    connect(m_fileEdit, &QLineEdit::textEdited, this, [this] { m_fileNamedByUser = true; });
    connect(m_fileEdit, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    presetChanged();
}

QWidget *ExportDialog::buildScope(const ExportDialogSetup &setup)
{
    const QLocale locale;
    auto *box = new QWidget(this);
    m_selected = new QRadioButton(tr("&Selected rows (%1)").arg(locale.toString(setup.selectedRows)), box);
    m_selected->setAccessibleName(tr("Export the selected rows"));
    m_selected->setEnabled(setup.selectedRows > 0);
    m_loaded = new QRadioButton(tr("&All loaded rows (%1)").arg(locale.toString(setup.loadedRows)), box);
    m_loaded->setAccessibleName(tr("Export all loaded rows"));
    m_loaded->setEnabled(setup.loadedRows > 0);
    m_matching = new QRadioButton(setup.matchingTotal
            ? tr("Every row &matching the search (%1)").arg(locale.toString(*setup.matchingTotal))
            : tr("Every row &matching the search (all pages)"),
        box);
    m_matching->setAccessibleName(tr("Export every row matching the search"));
    m_matching->setObjectName(u"scopeMatching"_s);
    m_matching->setEnabled(setup.matchingUnavailable.isEmpty());
    QLabel *matchingNote = noteLabel(box);
    matchingNote->setText(setup.matchingUnavailable.isEmpty()
            ? tr("Fetched page by page straight into the file; the table stays as it is.")
            : setup.matchingUnavailable);
    // Under the radio button's text, not its circle.
    matchingNote->setContentsMargins(m_matching->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
            + m_matching->style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing),
        0, 0, 0);

    m_scopeGroup = new QButtonGroup(box);
    m_scopeGroup->addButton(m_selected, int(ExportSidecar::Scope::Selected));
    m_scopeGroup->addButton(m_loaded, int(ExportSidecar::Scope::Loaded));
    m_scopeGroup->addButton(m_matching, int(ExportSidecar::Scope::Matching));
    // Several selected rows are what the user means; one is just the current row.
    if (setup.selectedRows > 1)
        m_selected->setChecked(true);
    else if (m_loaded->isEnabled())
        m_loaded->setChecked(true);
    else if (m_matching->isEnabled())
        m_matching->setChecked(true);
    connect(m_scopeGroup, &QButtonGroup::idToggled, this, &ExportDialog::updateState);

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_selected);
    layout->addWidget(m_loaded);
    layout->addWidget(m_matching);
    layout->addWidget(matchingNote);
    return box;
}

QWidget *ExportDialog::buildFileRow()
{
    auto *row = new QWidget(this);
    m_fileEdit = new QLineEdit(row);
    m_fileEdit->setObjectName(u"exportFile"_s);
    m_fileEdit->setAccessibleName(tr("File name"));
    auto *browseButton = new QPushButton(tr("&Browse…"), row);
    browseButton->setAccessibleName(tr("Choose the file"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_fileEdit, 1);
    layout->addWidget(browseButton);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    return row;
}

ExportSidecar::Scope ExportDialog::scope() const
{
    const int id = m_scopeGroup->checkedId();
    return id < 0 ? ExportSidecar::Scope::Loaded : ExportSidecar::Scope(id);
}

void ExportDialog::setScope(ExportSidecar::Scope scope)
{
    if (QAbstractButton *button = m_scopeGroup->button(int(scope)); button && button->isEnabled())
        button->setChecked(true);
}

QString ExportDialog::fileName() const
{
    return m_fileEdit->text().trimmed();
}

QStringList ExportDialog::columns() const
{
    return m_columns->checkedKeys();
}

ExportPreset ExportDialog::preset() const
{
    return ExportPreset(m_preset->currentData().toInt());
}

void ExportDialog::setPreset(ExportPreset preset)
{
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(int(preset))));
}

QString ExportDialog::suffixFor(ExportPreset preset)
{
    switch (preset) {
    case ExportPreset::Tsv:
        return u"tsv"_s;
    case ExportPreset::JsonLines:
        return u"jsonl"_s;
    case ExportPreset::Excel:
    case ExportPreset::Rfc4180:
        break;
    }
    return u"csv"_s;
}

void ExportDialog::setZoneKey(const QString &key)
{
    const int index = m_zone->findData(key);
    if (index >= 0 && key != namedZoneKey) {
        m_zone->setCurrentIndex(index);
        return;
    }
    m_zone->setCurrentIndex(m_zone->findData(QString(namedZoneKey)));
    m_zoneEdit->setText(key);
}

std::optional<QTimeZone> ExportDialog::chosenZone() const
{
    const QString key = m_zone->currentData().toString();
    if (key == displayZoneKey)
        return m_displayZone;
    return exportZoneFromKey(key == namedZoneKey ? m_zoneEdit->text().trimmed() : key);
}

ExportChoices ExportDialog::choices() const
{
    ExportChoices choices;
    choices.columns = columns();
    choices.preset = preset();
    choices.durations = DurationStyle(m_durations->currentData().toInt());
    const QString key = m_zone->currentData().toString();
    choices.zoneKey = key == namedZoneKey ? m_zoneEdit->text().trimmed() : key;
    return choices;
}

ExportFormatOptions ExportDialog::formatOptions() const
{
    ExportFormatOptions options = ExportFormatOptions::preset(preset(), QLocale());
    if (options.format == ExportFormat::JsonLines)
        return options; // always UTC and seconds
    options.durations = DurationStyle(m_durations->currentData().toInt());
    options.zone = chosenZone().value_or(QTimeZone::utc());
    return options;
}

void ExportDialog::accept()
{
    const QFileInfo info(fileName());
    QString problem;
    if (!m_scopeGroup->checkedButton())
        problem = tr("There are no rows to export yet.");
    else if (fileName().isEmpty())
        problem = tr("Choose a file to write.");
    else if (info.isDir())
        problem = tr("“%1” is a folder.").arg(fileName());
    else if (!info.absoluteDir().exists())
        problem = tr("The folder “%1” does not exist.").arg(info.absolutePath());
    else if (preset() != ExportPreset::JsonLines && columns().isEmpty())
        problem = tr("Tick at least one column.");
    else if (preset() != ExportPreset::JsonLines && !chosenZone())
        problem = tr("“%1” is not a time zone this computer knows.").arg(m_zoneEdit->text().trimmed());
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    QDialog::accept();
}

void ExportDialog::presetChanged()
{
    const ExportPreset chosen = preset();
    const bool json = chosen == ExportPreset::JsonLines;
    m_presetNote->setToolTip(QString());
    switch (chosen) {
    case ExportPreset::Excel:
        m_presetNote->setText(tr("UTF-8 with BOM, “%1” between fields; formulas are written as text.")
                                  .arg(QChar::fromLatin1(ExportFormatOptions::excel(QLocale()).separator)));
        m_presetNote->setToolTip(tr("The byte order mark makes Excel read UTF-8; “%1” is the list separator Excel "
                                    "expects in your region. A text cell that starts with =, +, -, @, tab or "
                                    "carriage return gets a leading apostrophe, so nothing in the file runs.")
                                     .arg(QChar::fromLatin1(ExportFormatOptions::excel(QLocale()).separator)));
        break;
    case ExportPreset::Rfc4180:
        m_presetNote->setText(tr("UTF-8, commas, CRLF line ends, no byte order mark."));
        break;
    case ExportPreset::Tsv:
        m_presetNote->setText(tr("UTF-8, a tab between fields, CRLF line ends."));
        break;
    case ExportPreset::JsonLines:
        m_presetNote->setText(tr("Every field of each call, one object per line; UTC times, seconds."));
        break;
    }
    m_columns->setEnabled(!json);
    m_columnsNote->setVisible(json);
    m_durations->setEnabled(!json);
    m_zone->setEnabled(!json);
    if (!m_fileNamedByUser && !fileName().isEmpty()) {
        // The suffix follows the format until the user names the file.
        const QFileInfo info(fileName());
        const QString suffix = info.suffix().toLower();
        const bool ours = suffix == u"csv"_s || suffix == u"tsv"_s || suffix == u"jsonl"_s;
        const QString base = ours ? fileName().chopped(suffix.size() + 1) : fileName();
        m_fileEdit->setText(base + u'.' + suffixFor(chosen));
    }
    updateState();
}

void ExportDialog::browse()
{
    // open(), not exec(): the window keeps running while the chooser is up.
    const QString suffix = suffixFor(preset());
    auto *chooser = new QFileDialog(
        this, tr("Export"), fileName(), tr("%1 files (*.%2);;All files (*)").arg(suffix.toUpper(), suffix));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(suffix);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_fileNamedByUser = true;
        m_fileEdit->setText(file);
    });
    chooser->open();
}

void ExportDialog::updateState()
{
    const bool json = preset() == ExportPreset::JsonLines;
    const bool named = m_zone->currentData().toString() == namedZoneKey;
    m_zoneEdit->setEnabled(!json && named);
    m_zoneEdit->setVisible(named);
    const bool zoneOk = json || chosenZone().has_value();
    m_zoneEdit->setStyleSheet(zoneOk || m_zoneEdit->text().isEmpty() ? QString() : u"color: #b00020;"_s);
    m_exportButton->setEnabled(
        m_scopeGroup->checkedButton() && !fileName().isEmpty() && zoneOk && (json || !columns().isEmpty()));
    m_error->hide();
}
