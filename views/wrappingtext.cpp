#include "wrappingtext.h"

#include <QEvent>
#include <QTextDocument>
#include <QWheelEvent>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

WrappingText::WrappingText(QWidget *parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setTabChangesFocus(true);
    setAcceptRichText(false);
    document()->setDocumentMargin(1);
    viewport()->setAutoFillBackground(false); // reads like a label on the pane's background
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void WrappingText::setValue(const QString &text, const QString &placeholder)
{
    if (text != toPlainText())
        setPlainText(text);
    setPlaceholderText(placeholder);
    invalidateHeight();
}

int WrappingText::heightForWidth(int width) const
{
    if (width != m_cachedWidth) {
        const std::unique_ptr<QTextDocument> doc(document()->clone());
        doc->setDefaultFont(font());
        // An empty value still takes a line, for its placeholder.
        if (doc->isEmpty())
            doc->setPlainText(placeholderText().isEmpty() ? u" "_s : placeholderText());
        doc->setTextWidth(std::max(1, width - 2 * frameWidth()));
        m_cachedWidth = width;
        m_cachedHeight = int(std::ceil(doc->size().height())) + 2 * frameWidth();
    }
    return m_cachedHeight;
}

QSize WrappingText::sizeHint() const
{
    const int width = fontMetrics().averageCharWidth() * 24;
    return {width, heightForWidth(width)};
}

QSize WrappingText::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 6, fontMetrics().lineSpacing() + 2};
}

void WrappingText::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    // Not every layout between here and the scroll area asks heightForWidth(),
    // so the height the text needs at this width is also made the minimum.
    const int needed = heightForWidth(width());
    if (needed != minimumHeight())
        setMinimumHeight(needed);
    if (needed != height())
        updateGeometry();
}

void WrappingText::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidateHeight();
}

void WrappingText::wheelEvent(QWheelEvent *event)
{
    // Never scrolls itself (it is as tall as its text): the list around it should.
    event->ignore();
}

void WrappingText::invalidateHeight()
{
    m_cachedWidth = -1;
    if (width() > 0)
        setMinimumHeight(heightForWidth(width()));
    updateGeometry();
}
