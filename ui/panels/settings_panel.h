#pragma once
/// \file settings_panel.h
/// Controls for how curves are drawn: smoothing weight (0..0.999) and algorithm, x-axis unit,
/// log-scale y, the faint raw curve, stacked or tiled charts, and extra metric families to chart.
/// Edits ViewSettings directly and follows it when it changes elsewhere.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QSlider;

namespace curvedoctor::ui {

class RunStore;
class ViewSettings;

class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    SettingsPanel(RunStore& store, ViewSettings& settings, QWidget* parent = nullptr);

    /// Slider positions per unit of weight: 1000 steps cover 0..0.999.
    static constexpr int kSliderScale = 1000;

    [[nodiscard]] QSlider* smoothingSlider() const { return m_slider; }
    [[nodiscard]] QComboBox* algorithmCombo() const { return m_algorithm; }
    [[nodiscard]] QComboBox* xAxisCombo() const { return m_xAxis; }
    [[nodiscard]] QCheckBox* logYCheck() const { return m_logY; }
    [[nodiscard]] QCheckBox* rawCheck() const { return m_raw; }
    [[nodiscard]] QComboBox* layoutCombo() const { return m_layout; }
    [[nodiscard]] QListWidget* metricPicker() const { return m_metrics; }
    /// Narrows the metric picker to the names holding every word typed.
    [[nodiscard]] QLineEdit* metricSearch() const { return m_metricSearch; }

private Q_SLOTS:
    /// Puts ViewSettings' values into the widgets.
    void syncFromSettings();
    /// Lists every metric family of the open runs, checking those charted as extras.
    void refreshMetricPicker();

private:
    void applySmoothing();
    void applyMetricPick(QListWidgetItem* item);
    void filterMetrics(const QString& text);

    RunStore& m_store;
    ViewSettings& m_settings;
    QSlider* m_slider = nullptr;
    QDoubleSpinBox* m_weight = nullptr;
    QComboBox* m_algorithm = nullptr;
    QComboBox* m_xAxis = nullptr;
    QCheckBox* m_logY = nullptr;
    QCheckBox* m_raw = nullptr;
    QComboBox* m_layout = nullptr;
    QListWidget* m_metrics = nullptr;
    QLineEdit* m_metricSearch = nullptr;
};

}  // namespace curvedoctor::ui
