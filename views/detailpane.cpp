#include "detailpane.h"

#include "authenticator.h"
#include "columns.h"
#include "recordfetch.h"
#include "recordjson.h"
#include "wrappingtext.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Two overlapping sheets, for desktops whose icon theme has no "edit-copy".
QIcon copyIcon(const QPalette &palette)
{
    const QIcon themed = QIcon::fromTheme(u"edit-copy"_s);
    if (!themed.isNull())
        return themed;
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal unit = size / 16.0;
        painter.setPen(QPen(palette.color(QPalette::ButtonText), 1.2 * unit));
        painter.setBrush(palette.color(QPalette::Base));
        painter.drawRoundedRect(QRectF(2.5 * unit, 1.5 * unit, 8 * unit, 10 * unit), 1.5 * unit, 1.5 * unit);
        painter.drawRoundedRect(QRectF(5.5 * unit, 4.5 * unit, 8 * unit, 10 * unit), 1.5 * unit, 1.5 * unit);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

DetailPane::DetailPane(QNetworkAccessManager &network, QWidget *parent)
    : QWidget(parent)
    , m_network(network)
{
    buildUi();
    showRecord(nullptr, nullptr, {}, nullptr);
}

DetailPane::~DetailPane() = default;

void DetailPane::buildUi()
{
    m_copyIcon = copyIcon(palette());
    setAccessibleName(tr("Call details"));

    auto *placeholder = new QLabel(tr("Select a call to see its details."));
    placeholder->setObjectName(u"placeholder"_s);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setForegroundRole(QPalette::PlaceholderText);
    placeholder->setAccessibleName(tr("No call selected"));

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = new QLabel;
    m_title->setObjectName(u"title"_s);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setAccessibleName(tr("Call"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(u"subtitle"_s);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setAccessibleName(tr("Start time"));

    m_refreshButton = new QPushButton(tr("&Refresh"));
    m_refreshButton->setObjectName(u"refresh"_s);
    m_refreshButton->setIcon(QIcon::fromTheme(u"view-refresh"_s));
    m_refreshButton->setAccessibleName(tr("Refresh call"));
    connect(m_refreshButton, &QPushButton::clicked, this, &DetailPane::refresh);
    m_copyRecordButton = new QPushButton(tr("Cop&y record"));
    m_copyRecordButton->setObjectName(u"copyRecord"_s);
    m_copyRecordButton->setIcon(m_copyIcon);
    m_copyRecordButton->setAccessibleName(tr("Copy record"));
    m_copyRecordButton->setToolTip(tr("Copies every field of this call as JSON"));
    connect(m_copyRecordButton, &QPushButton::clicked, this, [this] { copyText(recordJson(), tr("the record")); });
    m_status = new QLabel;
    m_status->setObjectName(u"status"_s);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setAccessibleName(tr("Status"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refreshButton);
    buttons->addWidget(m_copyRecordButton);
    buttons->addWidget(m_status, 1);

    m_error = new QLabel;
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Refresh error"));
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setMargin(4);
    m_error->hide();
    updateErrorColor();

    m_scroll = new QScrollArea;
    m_scroll->setObjectName(u"fields"_s);
    m_scroll->setAccessibleName(tr("Call fields"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_fields = new QWidget;
    m_grid = new QGridLayout(m_fields);
    m_grid->setContentsMargins(0, 0, 4, 0); // the pane has its margins already
    m_grid->setColumnStretch(1, 1);
    m_grid->setVerticalSpacing(2);
    m_grid->setAlignment(Qt::AlignTop);
    m_scroll->setWidget(m_fields);
    m_notes = new QLabel;
    m_notes->setObjectName(u"notes"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setAccessibleName(tr("Notes"));

    auto *rawBox = new QWidget;
    auto *rawLayout = new QVBoxLayout(rawBox);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    auto *rawHeading = new QLabel(tr("Raw &JSON"));
    QFont headingFont = rawHeading->font();
    headingFont.setBold(true);
    rawHeading->setFont(headingFont);
    m_rawJson = new QPlainTextEdit;
    m_rawJson->setObjectName(u"rawJson"_s);
    m_rawJson->setAccessibleName(tr("Raw JSON"));
    m_rawJson->setReadOnly(true);
    m_rawJson->setTabChangesFocus(true);
    m_rawJson->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_rawJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    rawHeading->setBuddy(m_rawJson);
    rawLayout->addWidget(rawHeading);
    rawLayout->addWidget(m_rawJson);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(u"detailSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_scroll);
    splitter->addWidget(rawBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({3000, 1000}); // scaled to the space there is: the fields get most of it

    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    m_stack = new QStackedWidget;
    m_stack->addWidget(placeholder);
    m_stack->addWidget(page);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_stack);
}

void DetailPane::showRecord(
    const CdrRecord *record, const Provider *provider, const QString &providerId, Authenticator *authenticator)
{
    // The window may show the same call again (after a sort, or after taking
    // the refreshed row); that keeps a refresh running and its outcome shown.
    const bool sameCall = record && m_record && record->id == m_record->id && providerId == m_providerId;
    if (!sameCall) {
        cancelRefresh();
        setError({});
        m_status->clear();
    }
    m_provider = record ? provider : nullptr;
    m_providerId = record ? providerId : QString();
    m_authenticator = record ? authenticator : nullptr;
    if (!record) {
        m_record.reset();
        m_stack->setCurrentIndex(0);
        updateRefreshState();
        return;
    }
    m_record = *record;
    updateContents();
    m_stack->setCurrentIndex(1);
}

void DetailPane::setDisplayTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    if (m_record)
        updateContents();
}

QStringList DetailPane::fieldKeys() const
{
    QStringList keys = unifiedColumnKeys();
    if (m_record) {
        for (const NativeField &field : m_record->native)
            keys.append(rawPrefix + field.name);
    }
    return keys;
}

void DetailPane::addSectionHeading(const QString &text, int row)
{
    auto *heading = new QLabel(text);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    heading->setContentsMargins(0, row == 0 ? 0 : 8, 0, 2);
    m_grid->addWidget(heading, row, 0, 1, 3);
}

void DetailPane::rebuildRows(const QStringList &keys)
{
    // The same provider sends the same fields, so moving between calls usually
    // keeps the rows (and the scroll position) and only changes their text.
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        if (QWidget *widget = item->widget(); widget && widget != m_notes)
            delete widget;
        delete item;
    }
    m_rows.clear();
    m_rowKeys = keys;

    int row = 0;
    m_grid->addWidget(m_notes, row++, 0, 1, 3);
    addSectionHeading(tr("Call"), row++);
    bool nativeHeadingDone = false;
    for (const QString &key : keys) {
        if (!nativeHeadingDone && key.startsWith(rawPrefix)) {
            addSectionHeading(tr("Provider fields"), row++);
            nativeHeadingDone = true;
        }
        const QString title = columnTitle(key);
        FieldRow field;
        field.key = key;
        field.title = new QLabel(title);
        field.title->setToolTip(key);
        field.title->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        field.title->setContentsMargins(0, 1, 0, 0);
        field.title->setForegroundRole(QPalette::PlaceholderText);

        auto *value = new WrappingText(m_fields);
        value->setObjectName(u"value:"_s + key);
        value->setAccessibleName(title);
        field.value = value;
        field.title->setBuddy(value);

        auto *explanation = new WrappingText(m_fields);
        explanation->setObjectName(u"explanation:"_s + key);
        explanation->setAccessibleName(tr("About %1").arg(title));
        QFont italic = explanation->font();
        italic.setItalic(true);
        explanation->setFont(italic);
        explanation->setFocusPolicy(Qt::ClickFocus);
        explanation->hide();
        field.explanation = explanation;

        field.copy = new QToolButton;
        field.copy->setObjectName(u"copy:"_s + key);
        field.copy->setAutoRaise(true);
        field.copy->setIcon(m_copyIcon);
        field.copy->setText(tr("Copy"));
        field.copy->setToolTip(tr("Copy %1").arg(title));
        field.copy->setAccessibleName(tr("Copy %1").arg(title));
        connect(field.copy, &QToolButton::clicked, this, [this, key, title] { copyText(valueText(key), title); });

        m_grid->addWidget(field.title, row, 0, Qt::AlignTop);
        m_grid->addWidget(field.value, row, 1);
        m_grid->addWidget(field.copy, row, 2, Qt::AlignTop);
        m_grid->addWidget(field.explanation, row + 1, 1, 1, 2);
        row += 2;
        m_rows.push_back(field);
    }
    // Tab goes value, copy, value, copy... in reading order.
    QWidget *previous = m_copyRecordButton;
    for (const FieldRow &field : m_rows) {
        setTabOrder(previous, field.value);
        setTabOrder(field.value, field.copy);
        previous = field.copy;
    }
    setTabOrder(previous, m_rawJson);
}

QString DetailPane::valueText(const QString &key) const
{
    if (!m_record)
        return {};
    return columnText(*m_record, key, m_providerId, TimeFormat{TimeFormat::Style::Display, m_zone});
}

void DetailPane::updateContents()
{
    if (!m_record)
        return;
    const CdrRecord &record = *m_record;
    const QStringList keys = fieldKeys();
    if (keys != m_rowKeys)
        rebuildRows(keys);

    const QString unknown = tr("unknown");
    m_title->setText(tr("%1 → %2").arg(
        record.caller.isEmpty() ? unknown : record.caller, record.callee.isEmpty() ? unknown : record.callee));
    const QString zoneName = m_zone == QTimeZone::utc() ? u"UTC"_s : QString::fromUtf8(m_zone.id());
    m_subtitle->setText(record.startTime.isValid()
            ? tr("Started %1 (%2)").arg(valueText(columnKey(UnifiedField::StartTime)), zoneName)
            : tr("Start time unknown"));

    QHash<QString, QStringList> explanations;
    QStringList notes;
    if (m_provider) {
        for (const FieldExplanation &explanation : m_provider->explain(record)) {
            if (m_rowKeys.contains(explanation.key))
                explanations[explanation.key].append(explanation.text);
            else
                notes.append(explanation.text);
        }
    }
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());

    for (const FieldRow &field : m_rows) {
        const QString text = valueText(field.key);
        QString placeholder = tr("not set");
        if (field.key.startsWith(rawPrefix)) {
            const NativeValue *native = record.nativeValue(QStringView(field.key).mid(rawPrefix.size()));
            placeholder = native && native->isNull() ? u"null"_s : tr("empty");
        }
        field.value->setValue(text, placeholder);
        field.copy->setAccessibleDescription(text);
        field.copy->setEnabled(!text.isEmpty());
        const QStringList lines = explanations.value(field.key);
        field.explanation->setValue(lines.join(u'\n'), {});
        field.explanation->setVisible(!lines.isEmpty());
    }

    const QString json = QString::fromUtf8(record.nativeJson(true));
    if (m_rawJson->toPlainText() != json)
        m_rawJson->setPlainText(json);
    updateRefreshState();
}

QString DetailPane::recordJson() const
{
    return m_record ? recordToJson(*m_record, m_providerId) : QString();
}

void DetailPane::copyText(const QString &text, const QString &what)
{
    QGuiApplication::clipboard()->setText(text);
    m_status->setText(tr("Copied %1.").arg(what));
}

void DetailPane::updateRefreshState()
{
    const bool possible = m_record && m_provider && m_authenticator;
    m_refreshButton->setEnabled(possible && !m_fetch);
    m_copyRecordButton->setEnabled(m_record.has_value());
    m_refreshButton->setToolTip(
        possible ? tr("Fetches this call again from the provider") : tr("Refresh needs a connected profile"));
}

void DetailPane::refresh()
{
    if (!m_record || !m_provider || !m_authenticator || m_fetch)
        return;
    setError({});
    m_fetch = new RecordFetch(*m_authenticator, m_record->id, this);
    connect(m_fetch, &RecordFetch::finished, this, &DetailPane::refreshFinished);
    m_status->setText(tr("Refreshing…"));
    updateRefreshState();
    m_fetch->start();
}

void DetailPane::cancelRefresh()
{
    // Deleting the fetch aborts its request; its answer would belong to another call.
    delete m_fetch;
    m_fetch = nullptr;
    updateRefreshState();
}

void DetailPane::refreshFinished(const RecordResult &result)
{
    if (m_fetch)
        m_fetch->deleteLater();
    m_fetch = nullptr;
    if (result.error || !result.record) {
        const ApiError error = result.error.value_or(ApiError{ApiError::Kind::Parse, 0, {}, {}, {}});
        m_status->clear();
        setError(error.message());
        updateRefreshState();
        emit refreshFailed(error);
        return;
    }
    m_record = *result.record;
    updateContents();
    m_status->setText(tr("Refreshed from the provider."));
    emit recordRefreshed(*m_record);
}

void DetailPane::updateErrorColor()
{
    // Red that stays readable on light and dark backgrounds alike.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette errorPalette = palette();
    errorPalette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xa0, 0x10, 0x10));
    m_error->setPalette(errorPalette);
}

void DetailPane::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString DetailPane::errorText() const
{
    return m_error->text();
}

void DetailPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (!m_error)
        return; // not built yet
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // The drawn copy icon and the error text follow the palette (dark mode).
        updateErrorColor();
        m_copyIcon = copyIcon(palette());
        m_copyRecordButton->setIcon(m_copyIcon);
        for (const FieldRow &field : m_rows)
            field.copy->setIcon(m_copyIcon);
    }
}
