#pragma once
/// \file drop_overlay.h
/// Drawn over the whole window while files are dragged onto it: a tinted fill, a dashed
/// outline and "Drop to open", so the user sees the window accepts the drop.

#include <QWidget>

namespace curvedoctor::ui {

class DropOverlay : public QWidget {
    Q_OBJECT
public:
    explicit DropOverlay(QWidget* parent);
    /// Covers the parent and shows `text` ("Drop 3 files to open").
    void showOver(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_text;
};

}  // namespace curvedoctor::ui
