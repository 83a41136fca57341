#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// Asks what to export (the selected rows or every loaded row), where, and
// whether times are written in the display zone instead of UTC.
class ExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)
public:
    ExportDialog(int selectedRows, qint64 loadedRows, const QString &zoneName, const QString &suggestedFile,
                 QWidget *parent = nullptr);

    bool selectedOnly() const;
    QString fileName() const;
    bool timesInDisplayZone() const;

    void accept() override;   // refuses an empty or unwritable path, with a message

private:
    void browse();
    void updateButtons();

    QRadioButton *m_selected = nullptr;
    QRadioButton *m_all = nullptr;
    QCheckBox *m_zoneCheck = nullptr;
    QLineEdit *m_fileEdit = nullptr;
    QLabel *m_fileError = nullptr;
    QPushButton *m_exportButton = nullptr;
};
