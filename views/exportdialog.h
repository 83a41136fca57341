#pragma once

#include "exportformat.h"
#include "exportsidecar.h"

#include <QDialog>
#include <QStringList>
#include <QTimeZone>

#include <optional>

class ExportColumnList;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// What the user chose last time for a provider; remembered by ExportController.
struct ExportChoices {
    QStringList columns; // in file order; empty: the table's visible columns
    ExportPreset preset = ExportPreset::Excel;
    DurationStyle durations = DurationStyle::Seconds;
    QString zoneKey = QStringLiteral("UTC"); // "UTC", "display", "local" or an IANA id
};

// What the dialog offers; filled in from the window.
struct ExportDialogSetup {
    qint64 selectedRows = 0;
    qint64 loadedRows = 0;
    QString matchingUnavailable; // why "every matching row" cannot be chosen; empty: it can
    std::optional<qint64> matchingTotal; // when the provider said how many match
    QStringList allColumns; // every column key known for the provider
    QStringList visibleColumns; // the table's, left to right
    QTimeZone displayZone = QTimeZone::utc();
    QString folder; // where the suggested file goes
    QString baseName; // the suggested file's name without suffix
    ExportChoices choices;
};

// Asks which rows (selected, loaded, every matching one), which columns in which
// order, which format, durations and time zone, and where to write them.
class ExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)
public:
    explicit ExportDialog(const ExportDialogSetup &setup, QWidget *parent = nullptr);

    ExportSidecar::Scope scope() const;
    QString fileName() const;
    ExportChoices choices() const; // what to remember
    ExportFormatOptions formatOptions() const; // the preset with the chosen durations and zone
    QStringList columns() const; // ticked, in file order

    void setScope(ExportSidecar::Scope scope);
    void setPreset(ExportPreset preset);
    void setZoneKey(const QString &key); // "UTC", "display", "local" or an IANA id
    static QString suffixFor(ExportPreset preset); // "csv", "tsv", "jsonl"

    void accept() override; // refuses a bad path, zone or empty column choice, with a message

private:
    QWidget *buildScope(const ExportDialogSetup &setup);
    QWidget *buildFileRow();
    std::optional<QTimeZone> chosenZone() const;
    ExportPreset preset() const;
    void presetChanged();
    void browse();
    void updateState();

    QTimeZone m_displayZone;
    QRadioButton *m_selected = nullptr;
    QRadioButton *m_loaded = nullptr;
    QRadioButton *m_matching = nullptr;
    QButtonGroup *m_scopeGroup = nullptr;
    ExportColumnList *m_columns = nullptr;
    QLabel *m_columnsNote = nullptr;
    QComboBox *m_preset = nullptr;
    QLabel *m_presetNote = nullptr;
    QComboBox *m_durations = nullptr;
    QComboBox *m_zone = nullptr;
    QLineEdit *m_zoneEdit = nullptr;
    QLineEdit *m_fileEdit = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_exportButton = nullptr;
    bool m_fileNamedByUser = false;
};
