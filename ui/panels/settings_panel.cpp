#include "ui/panels/settings_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "ui/chart/metric_chart.h"
#include "ui/run_store.h"
#include "ui/view_settings.h"

namespace curvedoctor::ui {
namespace {

/// Families always charted (see chartFamilies); the picker only offers the others.
QStringList defaultFamilies(const std::vector<const RunEntry*>& runs) {
    const ViewSettings noExtras;
    return chartFamilies(runs, noExtras);
}

}  // namespace

SettingsPanel::SettingsPanel(RunStore& store, ViewSettings& settings, QWidget* parent)
    : QWidget(parent),
      m_store(store),
      m_settings(settings),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_weight(new QDoubleSpinBox(this)),
      m_algorithm(new QComboBox(this)),
      m_xAxis(new QComboBox(this)),
      m_logY(new QCheckBox(tr("Logarithmic y-axis"), this)),
      m_raw(new QCheckBox(tr("Show raw curve behind smoothed"), this)),
      m_layout(new QComboBox(this)),
      m_metrics(new QListWidget(this)),
      m_metricSearch(new QLineEdit(this)) {
    m_metricSearch->setObjectName(QStringLiteral("metricSearch"));
    m_metricSearch->setPlaceholderText(tr("Search metrics"));
    m_metricSearch->setClearButtonEnabled(true);
    m_slider->setRange(0, static_cast<int>(0.999 * kSliderScale));
    m_slider->setToolTip(tr("Smoothing weight (0 = raw, 0.999 = heaviest)"));
    m_weight->setRange(0.0, 0.999);
    m_weight->setDecimals(3);
    m_weight->setSingleStep(0.01);
    m_algorithm->addItem(tr("Exponential moving average (TensorBoard)"),
                         static_cast<int>(core::SmoothingKind::Ema));
    m_algorithm->addItem(tr("Time-weighted EMA"),
                         static_cast<int>(core::SmoothingKind::TimeWeightedEma));
    m_algorithm->addItem(tr("Gaussian (centred)"), static_cast<int>(core::SmoothingKind::Gaussian));
    m_algorithm->addItem(tr("Running mean"), static_cast<int>(core::SmoothingKind::RunningMean));
    m_xAxis->addItem(tr("Step"), static_cast<int>(XAxisMode::Step));
    m_xAxis->addItem(tr("Epoch"), static_cast<int>(XAxisMode::Epoch));
    m_xAxis->addItem(tr("Wall time"), static_cast<int>(XAxisMode::WallTime));
    m_xAxis->addItem(tr("Relative time"), static_cast<int>(XAxisMode::RelativeTime));
    m_xAxis->addItem(tr("Progress (% of the run)"), static_cast<int>(XAxisMode::Progress));
    m_layout->addItem(tr("Stacked"), static_cast<int>(ChartLayout::Stacked));
    m_layout->addItem(tr("Tiled"), static_cast<int>(ChartLayout::Tiled));
    m_metrics->setToolTip(tr("Tick a metric to give it its own chart"));

    auto* smoothingRow = new QHBoxLayout;
    smoothingRow->addWidget(m_slider, 1);
    smoothingRow->addWidget(m_weight);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Smoothing"), smoothingRow);
    form->addRow(tr("Algorithm"), m_algorithm);
    form->addRow(tr("X-axis"), m_xAxis);
    form->addRow(tr("Charts"), m_layout);
    form->addRow(m_logY);
    form->addRow(m_raw);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("More metrics:"), this));
    layout->addWidget(m_metricSearch);
    layout->addWidget(m_metrics, 1);

    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        const QSignalBlocker block(m_weight);
        m_weight->setValue(static_cast<double>(v) / kSliderScale);
        applySmoothing();
    });
    connect(m_weight, &QDoubleSpinBox::valueChanged, this, [this](double w) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(static_cast<int>(std::lround(w * kSliderScale)));
        applySmoothing();
    });
    connect(m_algorithm, &QComboBox::currentIndexChanged, this, [this] { applySmoothing(); });
    connect(m_xAxis, &QComboBox::currentIndexChanged, this, [this] {
        m_settings.setXAxis(static_cast<XAxisMode>(m_xAxis->currentData().toInt()));
    });
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        m_settings.setChartLayout(static_cast<ChartLayout>(m_layout->currentData().toInt()));
    });
    connect(m_logY, &QCheckBox::toggled, &m_settings, &ViewSettings::setLogY);
    connect(m_raw, &QCheckBox::toggled, &m_settings, &ViewSettings::setShowRaw);
    connect(m_metrics, &QListWidget::itemChanged, this, &SettingsPanel::applyMetricPick);
    connect(m_metricSearch, &QLineEdit::textChanged, this, &SettingsPanel::filterMetrics);

    for (auto signal : {&ViewSettings::smoothingChanged, &ViewSettings::xAxisChanged,
                        &ViewSettings::logYChanged, &ViewSettings::showRawChanged,
                        &ViewSettings::chartLayoutChanged, &ViewSettings::extraFamiliesChanged})
        connect(&m_settings, signal, this, &SettingsPanel::syncFromSettings);
    // A sweep adds its runs by the hundred in one go: the picker is refilled once after them.
    auto* refill = new QTimer(this);
    refill->setSingleShot(true);
    connect(refill, &QTimer::timeout, this, &SettingsPanel::refreshMetricPicker);
    connect(&m_store, &RunStore::runAdded, refill, [refill] { refill->start(0); });
    connect(&m_store, &RunStore::runRemoved, this, &SettingsPanel::refreshMetricPicker);
    connect(&m_store, &RunStore::runChanged, this, &SettingsPanel::refreshMetricPicker);
    connect(&m_store, &RunStore::cleared, this, &SettingsPanel::refreshMetricPicker);
    syncFromSettings();
}

void SettingsPanel::applySmoothing() {
    core::SmoothingConfig s;
    s.kind = static_cast<core::SmoothingKind>(m_algorithm->currentData().toInt());
    s.weight = m_weight->value();
    m_settings.setSmoothing(s);
}

void SettingsPanel::applyMetricPick(QListWidgetItem* item) {
    QStringList extras = m_settings.extraFamilies();
    const QString family = item->data(Qt::UserRole).toString();
    extras.removeAll(family);
    if (item->checkState() == Qt::Checked) extras << family;
    m_settings.setExtraFamilies(extras);
}

void SettingsPanel::syncFromSettings() {
    const QSignalBlocker b1(m_slider), b2(m_weight), b3(m_algorithm), b4(m_xAxis), b5(m_logY),
        b6(m_raw), b7(m_layout);
    const core::SmoothingConfig s = m_settings.smoothing();
    m_slider->setValue(static_cast<int>(std::lround(s.weight * kSliderScale)));
    m_weight->setValue(s.weight);
    m_algorithm->setCurrentIndex(m_algorithm->findData(static_cast<int>(s.kind)));
    m_xAxis->setCurrentIndex(m_xAxis->findData(static_cast<int>(m_settings.xAxis())));
    m_layout->setCurrentIndex(m_layout->findData(static_cast<int>(m_settings.chartLayout())));
    m_logY->setChecked(m_settings.logY());
    m_raw->setChecked(m_settings.showRaw());
    refreshMetricPicker();
}

void SettingsPanel::refreshMetricPicker() {
    const QSignalBlocker block(m_metrics);
    std::vector<const RunEntry*> runs;
    for (const auto& e : m_store.entries()) runs.push_back(&e);
    const QStringList defaults = defaultFamilies(runs);
    const QStringList extras = m_settings.extraFamilies();
    m_metrics->clear();
    QStringList families = allFamilies(runs);
    families.sort(Qt::CaseInsensitive);
    for (const QString& family : families) {
        if (defaults.contains(family)) continue;
        auto* item = new QListWidgetItem(family, m_metrics);
        item->setData(Qt::UserRole, family);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(extras.contains(family) ? Qt::Checked : Qt::Unchecked);
    }
    if (m_metrics->count() == 0) {
        auto* hint = new QListWidgetItem(
            m_store.count() == 0 ? tr("(open runs to pick metrics)") : tr("(no other metrics)"),
            m_metrics);
        hint->setFlags(Qt::NoItemFlags);
    }
    filterMetrics(m_metricSearch->text());
}

void SettingsPanel::filterMetrics(const QString& text) {
    // Every word typed must appear in the name, in any order ("val acc" finds val_top1_acc).
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int i = 0; i < m_metrics->count(); ++i) {
        QListWidgetItem* item = m_metrics->item(i);
        const QString name = item->data(Qt::UserRole).toString();
        bool match = true;
        for (const QString& w : words) match = match && name.contains(w, Qt::CaseInsensitive);
        item->setHidden(!name.isEmpty() && !match);
    }
}

}  // namespace curvedoctor::ui
