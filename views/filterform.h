#pragma once

#include "searchquery.h"

#include <QHash>
#include <QTimeZone>
#include <QWidget>

class Provider;
class QLabel;
class QSettings;
class QVBoxLayout;
class TimeRangeEditor;

// The search form, generated from what the provider declares: a time range
// plus one field per filter. Problems are shown next to the field they concern,
// before anything is sent.
class FilterForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterForm)
public:
    explicit FilterForm(QSettings &settings, QWidget *parent = nullptr);
    ~FilterForm() override;

    void setProvider(const Provider *provider);   // rebuilds the fields when the provider differs
    const Provider *provider() const { return m_provider; }

    SearchQuery query() const;                    // at the current time
    SearchQuery query(const QDateTime &nowUtc) const;
    QList<FieldError> validate(const QDateTime &nowUtc) const;
    bool checkBeforeSearch(const QDateTime &nowUtc);   // validates, shows the errors, focuses the first
    void showErrors(const QList<FieldError> &errors);
    void clearErrors();
    void resetToDefaults();

    QTimeZone displayZone() const;
    void setDisplayZone(const QTimeZone &zone);
    TimeRangeEditor *timeRangeEditor() const { return m_timeRange; }
    QWidget *fieldWidget(const QString &key) const;    // "since"/"until" or a filter key
    QString errorText(const QString &key) const;       // the inline message shown for the field
    void setFilterValue(const QString &key, const QString &value);

signals:
    void searchRequested();
    void displayZoneChanged(const QTimeZone &zone);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Field {
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
    };

    void rebuild();
    QString fieldValue(const QString &key) const;
    void setFieldError(const QString &key, const QString &message);

    QSettings &m_settings;
    const Provider *m_provider = nullptr;
    TimeRangeEditor *m_timeRange = nullptr;
    QWidget *m_fieldsHost = nullptr;
    QLabel *m_emptyNote = nullptr;
    QHash<QString, Field> m_fields;
    QList<FilterSpec> m_specs;
};
