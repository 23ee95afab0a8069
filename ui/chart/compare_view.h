#pragma once
/// \file compare_view.h
/// The chart area with both compare layouts: overlay (the viewer's ChartPanel, all runs in
/// the same charts) and side by side (SideBySideView), switched by
/// ViewSettings::compareLayout(). A window puts this where it would put a ChartPanel.

#include <QWidget>

class QStackedWidget;

namespace curvedoctor::ui {

class ChartPanel;
class RunStore;
class SideBySideView;
class ViewSettings;

class CompareView : public QWidget {
    Q_OBJECT
public:
    CompareView(RunStore& store, ViewSettings& settings, QWidget* parent = nullptr);

    [[nodiscard]] ChartPanel* overlay() const { return m_overlay; }
    [[nodiscard]] SideBySideView* sideBySide() const { return m_sideBySide; }
    /// The layout page now shown (follows the settings).
    [[nodiscard]] QWidget* currentPage() const;

private:
    void follow();

    ViewSettings& m_settings;
    QStackedWidget* m_stack;
    ChartPanel* m_overlay;
    SideBySideView* m_sideBySide;
};

}  // namespace curvedoctor::ui
