#include "exportdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ExportDialog::ExportDialog(int selectedRows, qint64 loadedRows, const QString &zoneName,
                           const QString &suggestedFile, QWidget *parent)
    : QDialog(parent)
    , m_selected(new QRadioButton(this))
    , m_all(new QRadioButton(this))
    , m_zoneCheck(new QCheckBox(this))
    , m_fileEdit(new QLineEdit(suggestedFile, this))
    , m_fileError(new QLabel(this))
{
    setWindowTitle(tr("Export CSV"));
    setAccessibleName(tr("Export CSV"));
    const QLocale locale;
    m_selected->setText(tr("&Selected rows (%1)").arg(locale.toString(selectedRows)));
    m_selected->setAccessibleName(tr("Export the selected rows"));
    m_selected->setEnabled(selectedRows > 0);
    m_all->setText(tr("&All loaded rows (%1)").arg(locale.toString(loadedRows)));
    m_all->setAccessibleName(tr("Export all loaded rows"));
    (selectedRows > 1 ? m_selected : m_all)->setChecked(true);

    m_zoneCheck->setText(tr("Write times in %1 instead of UTC").arg(zoneName));
    m_zoneCheck->setAccessibleName(tr("Times in the display zone"));
    m_zoneCheck->setVisible(zoneName != u"UTC"_s);

    m_fileEdit->setAccessibleName(tr("File name"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setAccessibleName(tr("Choose the file"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browseButton);
    m_fileError->setStyleSheet(u"color: #b00020;"_s);
    m_fileError->setWordWrap(true);
    m_fileError->hide();

    auto *note = new QLabel(tr("The visible columns are written in their order, with a header row of the column keys. "
                               "Amounts and numbers are written exactly as the provider sent them."),
                            this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_selected);
    layout->addWidget(m_all);
    layout->addWidget(m_zoneCheck);
    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_fileEdit);
    form->addRow(fileLabel, fileRow);
    layout->addLayout(form);
    layout->addWidget(m_fileError);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_fileEdit, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    updateButtons();
}

bool ExportDialog::selectedOnly() const
{
    return m_selected->isChecked();
}

QString ExportDialog::fileName() const
{
    return m_fileEdit->text().trimmed();
}

bool ExportDialog::timesInDisplayZone() const
{
    return m_zoneCheck->isVisible() && m_zoneCheck->isChecked();
}

void ExportDialog::accept()
{
    const QFileInfo info(fileName());
    QString problem;
    if (fileName().isEmpty())
        problem = tr("Choose a file to write.");
    else if (info.isDir())
        problem = tr("“%1” is a folder.").arg(fileName());
    else if (!info.absoluteDir().exists())
        problem = tr("The folder “%1” does not exist.").arg(info.absolutePath());
    m_fileError->setText(problem);
    m_fileError->setVisible(!problem.isEmpty());
    if (!problem.isEmpty()) {
        m_fileEdit->setFocus();
        return;
    }
    QDialog::accept();
}

void ExportDialog::browse()
{
    // open(), not exec(): the window keeps running while the chooser is up.
    auto *chooser = new QFileDialog(this, tr("Export CSV"), fileName(), tr("CSV files (*.csv);;All files (*)"));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(u"csv"_s);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &file) { m_fileEdit->setText(file); });
    chooser->open();
}

void ExportDialog::updateButtons()
{
    m_exportButton->setEnabled(!fileName().isEmpty());
    m_fileError->hide();
}
