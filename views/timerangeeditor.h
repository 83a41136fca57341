#pragma once

#include "searchquery.h"

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

#include <utility>

class QComboBox;
class QDateTimeEdit;
class QLabel;

// The time range of a search: a preset or a custom from/to, entered in a time
// zone the user picks and handed on in UTC. The "API default" preset sends no
// range at all, so the provider's own default window applies.
class TimeRangeEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeRangeEditor)
public:
    enum class Preset : quint8 { ApiDefault, Last24Hours, Last7Days, Last30Days, Last90Days, Custom };
    Q_ENUM(Preset)

    explicit TimeRangeEditor(QWidget *parent = nullptr);

    void setPolicy(const TimeRangePolicy &policy, const QString &providerName);

    Preset preset() const;
    void setPreset(Preset preset);
    void setCustomRange(const QDateTime &sinceUtc, const QDateTime &untilUtc);   // switches to Custom

    QTimeZone zone() const { return m_zone; }
    void setZone(const QTimeZone &zone);
    static QString zoneDisplayName(const QTimeZone &zone, const QDateTime &atUtc);   // "Europe/Berlin (UTC+01:00)"

    // [since, until) in UTC at `nowUtc`; an invalid end means "not sent".
    std::pair<QDateTime, QDateTime> range(const QDateTime &nowUtc) const;

    void setError(const QString &message);   // shown under the range; empty clears
    QString errorText() const;
    QWidget *sinceField() const;
    QWidget *untilField() const;
    static void markInvalid(QWidget *field, bool invalid);   // tints the field

signals:
    void zoneChanged(const QTimeZone &zone);
    void edited();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillPresets();
    void fillZones();
    void presetActivated();
    void zoneTextCommitted();
    void customEdited();
    void refreshEdits();
    QDateTime editValue(const QDateTimeEdit *edit) const;
    void setEditValue(QDateTimeEdit *edit, const QDateTime &utc);
    std::chrono::hours presetSpan(Preset preset) const;

    TimeRangePolicy m_policy;
    QString m_providerName;
    QTimeZone m_zone = QTimeZone::utc();
    QComboBox *m_presetCombo = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QComboBox *m_zoneCombo = nullptr;
    QLabel *m_defaultNote = nullptr;
    QLabel *m_policyNote = nullptr;
    QLabel *m_errorLabel = nullptr;
    bool m_updating = false;
};
