#include "searchstatusbar.h"

#include "cdrtablemodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <limits>

using namespace Qt::StringLiterals;

SearchStatusBar::SearchStatusBar(CdrTableModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_loaded(new QLabel(this))
    , m_selection(new QLabel(this))
    , m_sortHint(new QLabel(tr("Sorted: loaded rows only"), this))
    , m_note(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_errorLabel(new QLabel(this))
    , m_continue(new QPushButton(tr("Continue"), this))
{
    setAccessibleName(tr("Search status"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_loaded);
    layout->addWidget(m_selection);
    layout->addWidget(m_sortHint);
    layout->addWidget(m_note);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_continue);
    layout->addStretch(1);
    for (QLabel *label : {m_sortHint, m_note, m_errorLabel})
        label->setContentsMargins(12, 0, 0, 0);   // apart from the count before them
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);

    m_loaded->setAccessibleName(tr("Rows loaded"));
    m_selection->setAccessibleName(tr("Rows selected"));
    m_sortHint->setAccessibleName(tr("Sort note"));
    m_sortHint->setToolTip(tr("Not every row is loaded yet, so the sort covers the loaded rows only. "
                              "Use “Load all” to sort every row."));
    m_sortHint->setStyleSheet(u"color: #8a5a00;"_s);
    m_note->setAccessibleName(tr("Note"));
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_cancel->setAccessibleName(tr("Cancel loading"));
    m_cancel->setToolTip(tr("Stop loading; the rows already loaded stay (Esc)"));
    m_errorLabel->setAccessibleName(tr("Search error"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_continue->setAccessibleName(tr("Continue loading"));
    m_continue->setObjectName(u"continueButton"_s);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_continue->setToolTip(tr("Continue from the first page that is missing"));

    connect(m_cancel, &QPushButton::clicked, this, &SearchStatusBar::cancel);
    connect(m_continue, &QPushButton::clicked, this, &SearchStatusBar::resume);
    connect(&m_model, &CdrTableModel::searchFailed, this, &SearchStatusBar::searchFailed);
    connect(&m_model, &CdrTableModel::progressChanged, this, &SearchStatusBar::update);
    connect(&m_model, &CdrTableModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_error.reset();   // a resumed search has left its failure behind
        update();
    });
    connect(&m_model, &CdrTableModel::searchFinished, this, &SearchStatusBar::update);
    connect(&m_model, &QAbstractItemModel::layoutChanged, this, &SearchStatusBar::update);
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_error.reset();
        update();
    });
    setSelectionCount(0);
    update();
}

void SearchStatusBar::cancel()
{
    if (!m_model.isLoading())
        return;
    m_model.cancel();
    ApiError cancelled;
    cancelled.kind = ApiError::Kind::Cancelled;
    m_error = cancelled;
    update();
    emit resumableChanged();
}

void SearchStatusBar::resume()
{
    if (!canResume())
        return;
    m_error.reset();
    m_model.resume();
    update();
    emit resumableChanged();
}

bool SearchStatusBar::canResume() const
{
    return m_error && !m_model.isLoading() && !m_model.allLoaded()
        && (m_error->kind == ApiError::Kind::Cancelled || m_error->isRetryable());
}

void SearchStatusBar::setSelectionCount(int rows)
{
    m_selection->setText(rows > 1 ? tr("· %n row(s) selected", "", rows) : QString());
    m_selection->setVisible(rows > 1);
}

void SearchStatusBar::showNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QString SearchStatusBar::loadedText() const
{
    return m_loaded->text();
}

QString SearchStatusBar::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

bool SearchStatusBar::isSortHintShown() const
{
    return !m_sortHint->isHidden();
}

void SearchStatusBar::update()
{
    const QLocale locale;
    const qint64 loaded = m_model.loadedCount();
    const std::optional<qint64> total = m_model.totalCount();
    const bool searched = m_model.session() != nullptr;
    if (!searched)
        m_loaded->setText(tr("No search yet"));
    else if (total)
        m_loaded->setText(tr("Loaded %1 of %2").arg(locale.toString(loaded), locale.toString(*total)));
    else if (m_model.allLoaded())   // no total from the provider, but the end was reached
        m_loaded->setText(tr("Loaded %1 of %2").arg(locale.toString(loaded), locale.toString(loaded)));
    else   // no total: what is loaded is a lower bound until a short page ends it
        m_loaded->setText(tr("Loaded %Ln of at least %Ln row(s)", "", int(std::min<qint64>(loaded, std::numeric_limits<int>::max()))));

    const bool loading = m_model.isLoading();
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    if (loading) {
        if (total && *total > 0) {
            // QProgressBar counts in int; a percentage never overflows.
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(std::min<qint64>(1000, loaded * 1000 / *total)));
            m_progress->setFormat(u"%p%"_s);
        } else {
            m_progress->setRange(0, 0);   // busy, size unknown
        }
        showNote({});
    }
    m_sortHint->setVisible(m_model.sortCoversLoadedRowsOnly());

    const bool failed = m_error.has_value() && !loading;
    const bool cancelled = failed && m_error->kind == ApiError::Kind::Cancelled;
    m_errorLabel->setText(!failed ? QString() : cancelled ? tr("Stopped; the loaded rows stay.") : m_error->message());
    m_errorLabel->setStyleSheet(cancelled ? QString() : u"color: #b00020;"_s);
    m_errorLabel->setVisible(failed);
    m_continue->setVisible(canResume());
}

void SearchStatusBar::searchFailed(const ApiError &error)
{
    m_error = error;
    update();
    emit resumableChanged();
}
