#pragma once
/// \file findings_model.h
/// Every finding of every open run, one row each: severity, kind, run, step range (and epochs),
/// message, advice. Rebuilt whenever the runs change; rows are ordered by severity (errors
/// first), then by run, then as the doctor sorted them.

#include <QAbstractTableModel>
#include <cstdint>
#include <vector>

#include "core/finding.h"

namespace curvedoctor::ui {

class RunStore;

class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SeverityColumn,
        KindColumn,
        RunColumn,
        RangeColumn,
        MessageColumn,
        AdviceColumn,
        ColumnCount
    };
    enum Role {
        RunIdRole = Qt::UserRole + 1,  ///< int: RunEntry::id of the finding's run
        BeginStepRole,                 ///< qint64
        EndStepRole,                   ///< qint64
        SeverityRole,                  ///< int: core::Severity (for sorting and filtering)
        MetricRole,                    ///< QString: the metric the finding is about
    };

    explicit FindingsModel(RunStore& store, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    /// The finding shown in `row`.
    [[nodiscard]] const core::Finding& finding(int row) const;

public Q_SLOTS:
    /// Re-reads every run's findings from the store.
    void refresh();

private:
    /// Inserts the findings of the run just added at `storeRow` where refresh() would put them.
    void addRun(int storeRow);
    struct Row {
        int runId = 0;
        QString runName;
        core::Finding finding;
    };
    RunStore& m_store;
    std::vector<Row> m_rows;
};

/// "steps 120-480 (epochs 3-12)"; a single step reads "step 120".
[[nodiscard]] QString formatFindingRange(const core::Finding& f);

}  // namespace curvedoctor::ui
