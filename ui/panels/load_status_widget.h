#pragma once
/// \file load_status_widget.h
/// The status-bar part of background loading: a progress bar and a Cancel button, shown only
/// while a LoadController is busy.

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace curvedoctor::ui {

class LoadController;

class LoadStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit LoadStatusWidget(LoadController& controller, QWidget* parent = nullptr);

    [[nodiscard]] QProgressBar* progressBar() const { return m_progress; }
    [[nodiscard]] QToolButton* cancelButton() const { return m_cancel; }

private:
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancel = nullptr;
};

}  // namespace curvedoctor::ui
