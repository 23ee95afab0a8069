#pragma once
/// \file message_area.h
/// A non-modal strip of one-line messages (files that failed to load, load warnings). Each
/// message can be dismissed; the strip hides itself when empty. Never blocks the window.

#include <QFrame>
#include <QStringList>

class QListWidget;
class QPushButton;

namespace curvedoctor::ui {

class MessageArea : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit MessageArea(QWidget* parent = nullptr);

    /// Adds a one-line message; an identical message already shown is not repeated. `details`
    /// (e.g. with the full path) is its tooltip.
    void addMessage(Level level, const QString& text, const QString& details = {});
    [[nodiscard]] int count() const;
    [[nodiscard]] QStringList messages() const;

public Q_SLOTS:
    void dismissSelected();
    void dismissAll();

Q_SIGNALS:
    void countChanged(int count);

private:
    void updateVisibility();
    QListWidget* m_list = nullptr;
    QPushButton* m_dismiss = nullptr;
    QPushButton* m_dismissAll = nullptr;
};

}  // namespace curvedoctor::ui
