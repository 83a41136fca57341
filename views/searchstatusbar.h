#pragma once

#include "apierror.h"

#include <QWidget>

#include <optional>

class CdrTableModel;
class QLabel;
class QProgressBar;
class QPushButton;

// The search's state under the table: how many rows are loaded of how many,
// progress with Cancel while pages arrive, whether a sort covers only the
// loaded rows, and after a failure the error with "Continue".
class SearchStatusBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchStatusBar)
public:
    explicit SearchStatusBar(CdrTableModel &model, QWidget *parent = nullptr);

    void cancel();                             // stops loading; the rows stay and "Continue" is offered
    void resume();                             // continues after a failure or a cancel
    bool canResume() const;
    void setSelectionCount(int rows);
    void showNote(const QString &text);        // a passing remark, e.g. "Reading the secret…"; empty clears
    QString loadedText() const;                // "Loaded 240 of 2,521"
    QString errorText() const;                 // the failure shown, empty when none
    bool isSortHintShown() const;

signals:
    void resumableChanged();   // canResume() may have changed

private:
    void update();
    void searchFailed(const ApiError &error);

    CdrTableModel &m_model;
    std::optional<ApiError> m_error;   // a failure, or Cancelled after the user stopped loading
    QLabel *m_loaded = nullptr;
    QLabel *m_selection = nullptr;
    QLabel *m_sortHint = nullptr;
    QLabel *m_note = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_continue = nullptr;
};
