#pragma once

#include <QTextEdit>

// A selectable, read-only value that wraps anywhere when it has to. QLabel only
// breaks at spaces, so a call UUID or a trunk domain would force the detail
// pane wider than its dock; this wraps it and reports the height it needs.
class WrappingText final : public QTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrappingText)
public:
    explicit WrappingText(QWidget *parent = nullptr);

    void setValue(const QString &text, const QString &placeholder); // placeholder shows when text is empty

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void invalidateHeight();

    mutable int m_cachedWidth = -1;
    mutable int m_cachedHeight = 0;
};
