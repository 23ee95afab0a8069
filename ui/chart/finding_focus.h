#pragma once
/// \file finding_focus.h
/// What a click on a finding does to the charts: its run made visible and highlighted (the
/// others faded, only its finding bands), its metric charted (added to the charts if it is not
/// shown, such as detectron2's total_loss when the default charts are loss_box_reg and lr),
/// and every chart's x and y fitted to that run over the finding's steps.

#include <QObject>
#include <QString>
#include <cstdint>

namespace curvedoctor::ui {

class ChartPanel;
class RunStore;
class ViewSettings;

class FindingFocus : public QObject {
    Q_OBJECT
public:
    FindingFocus(RunStore& store, ViewSettings& settings, ChartPanel& charts,
                 QObject* parent = nullptr);

public Q_SLOTS:
    /// Shows the finding of run `runId` on `metric` over steps [beginStep, endStep].
    void show(int runId, std::int64_t beginStep, std::int64_t endStep, const QString& metric);

private:
    RunStore& m_store;
    ViewSettings& m_settings;
    ChartPanel& m_charts;
};

}  // namespace curvedoctor::ui
