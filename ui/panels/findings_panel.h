#pragma once
/// \file findings_panel.h
/// The list of every finding of the open runs. Clicking one (or pressing Enter on it) emits
/// findingActivated with its run and step range; the main window selects the run and zooms the
/// charts there. Filters by minimum severity and, optionally, to the current run.

#include <QWidget>
#include <cstdint>

class QCheckBox;
class QComboBox;
class QLabel;
class QModelIndex;
class QTableView;

namespace curvedoctor::ui {

class FindingsModel;
class FindingsFilterProxy;
class RunStore;

class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(RunStore& store, QWidget* parent = nullptr);

    [[nodiscard]] FindingsModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }

public Q_SLOTS:
    /// The run considered current (for "current run only"); 0 for none.
    void setCurrentRun(int id);

Q_SIGNALS:
    void findingActivated(int runId, std::int64_t beginStep, std::int64_t endStep,
                          const QString& metric);

private:
    void activate(const QModelIndex& proxyIndex);
    void updateSummary();

    FindingsModel* m_model = nullptr;
    FindingsFilterProxy* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_severity = nullptr;
    QCheckBox* m_currentOnly = nullptr;
    QLabel* m_summary = nullptr;
    int m_currentRun = 0;
};

}  // namespace curvedoctor::ui
