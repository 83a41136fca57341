#pragma once

#include "apierror.h"
#include "cdrrecord.h"
#include "provider.h"

#include <QIcon>
#include <QStringList>
#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <optional>
#include <vector>

class QGridLayout;
class QLabel;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QToolButton;
class Authenticator;
class RecordFetch;
class WrappingText;

// Everything about the selected call: each unified and native field with a copy
// button, the provider's explanations next to the field they explain, the raw
// JSON, and "Refresh", which fetches the call again from the provider.
class DetailPane final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)
public:
    explicit DetailPane(QNetworkAccessManager &network, QWidget *parent = nullptr);
    ~DetailPane() override;

    // Shows a copy of `record`; nullptr shows the "Select a call" placeholder.
    // Without a provider there are no explanations; without the profile's
    // sign-in (`authenticator`, which must outlive its use here) no Refresh.
    void showRecord(const CdrRecord *record, const Provider *provider, const QString &providerId,
        Authenticator *authenticator);
    void setDisplayTimeZone(const QTimeZone &zone);
    QTimeZone displayTimeZone() const { return m_zone; }

    const CdrRecord *record() const { return m_record ? &*m_record : nullptr; }
    QString recordJson() const; // what "Copy record" copies: unified and native fields, pretty JSON
    void refresh(); // what the Refresh button does
    bool isRefreshing() const { return m_fetch != nullptr; }
    QString errorText() const; // the last refresh error shown, empty when none

signals:
    void recordRefreshed(const CdrRecord &record);
    void refreshFailed(const ApiError &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct FieldRow {
        QString key;
        QLabel *title = nullptr;
        WrappingText *value = nullptr;
        WrappingText *explanation = nullptr;
        QToolButton *copy = nullptr;
    };

    void buildUi();
    QStringList fieldKeys() const;
    void rebuildRows(const QStringList &keys);
    void addSectionHeading(const QString &text, int row);
    void updateContents();
    void updateRefreshState();
    void cancelRefresh();
    void refreshFinished(const RecordResult &result);
    void setError(const QString &text);
    void updateErrorColor();
    void copyText(const QString &text, const QString &what);
    QString valueText(const QString &key) const;

    QNetworkAccessManager &m_network;
    std::optional<CdrRecord> m_record;
    const Provider *m_provider = nullptr;
    QString m_providerId;
    QPointer<Authenticator> m_authenticator;
    QTimeZone m_zone = QTimeZone::utc();
    RecordFetch *m_fetch = nullptr;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_copyRecordButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_fields = nullptr;
    QGridLayout *m_grid = nullptr;
    QLabel *m_notes = nullptr;
    QPlainTextEdit *m_rawJson = nullptr;
    QIcon m_copyIcon;
    std::vector<FieldRow> m_rows;
    QStringList m_rowKeys;
};
