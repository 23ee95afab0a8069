#pragma once
/// \file message_area.h
/// A non-modal strip of one-line messages (files that failed to load, load warnings). Each
/// message can be dismissed; the strip hides itself when empty. Never blocks the window.

#include <QFrame>
#include <QStringList>
#include <functional>

class QListWidget;
class QPushButton;

namespace curvedoctor::ui {

class MessageArea : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit MessageArea(QWidget* parent = nullptr);

    /// Adds a one-line message; an identical message already shown is not repeated. `details`
    /// (e.g. with the full path) is its tooltip. `aboutRun`: the source of the open run it is
    /// about (a load warning); such a message goes when its run is closed.
    void addMessage(Level level, const QString& text, const QString& details = {},
                    const QString& aboutRun = {});
    [[nodiscard]] int count() const;
    [[nodiscard]] QStringList messages() const;

public Q_SLOTS:
    void dismissSelected();
    void dismissAll();
    /// Removes the messages about the run loaded from `source` (it was closed).
    void dismissAboutRun(const QString& source);
    /// Removes every message about a run (all runs were closed).
    void dismissAboutRuns();

Q_SIGNALS:
    void countChanged(int count);

private:
    static constexpr int kAboutRunRole = Qt::UserRole + 1;
    void dismissWhere(const std::function<bool(const QString&)>& about);
    void updateVisibility();
    QListWidget* m_list = nullptr;
    QPushButton* m_dismiss = nullptr;
    QPushButton* m_dismissAll = nullptr;
};

}  // namespace curvedoctor::ui
