#pragma once
/// \file comparison_table_model.h
/// The comparison table: one row per run (core::RunSummary), a column per headline number
/// and one per hyperparameter key. Sort through a QSortFilterProxyModel with sortRole set to
/// ComparisonTableModel::SortRole: numbers sort as numbers, a missing value sorts last.
/// Hyperparameter cells whose value differs between runs get a highlighted background; with
/// "differences only" the columns of values every run shares are left out.

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>
#include <vector>

#include "core/comparison.h"

namespace curvedoctor::ui {

struct RunEntry;

class ComparisonTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Run,
        BestValLoss,
        BestValLossStep,
        BestValMetric,
        BestValMetricStep,
        FinalTrainLoss,
        FinalTrainLossSmoothed,
        FinalValLoss,
        GapAtBest,
        Steps,
        Epochs,
        Errors,
        Warnings,
        Infos,
        FirstHyperparameter  ///< hyperparameter columns follow, one per key, sorted by key.
    };
    enum Role {
        SortRole = Qt::UserRole + 1,  ///< double for numbers, QString for text, invalid if missing.
        RunIdRole,                    ///< RunEntry::id of the row.
    };

    explicit ComparisonTableModel(QObject* parent = nullptr);

    /// Rebuilds every row. `smoothing` is used for the smoothed final training loss.
    /// `cache`, when given, supplies the smoothed training losses (the window's shared one).
    void setRuns(const std::vector<const RunEntry*>& runs, const core::SmoothingConfig& smoothing,
                 core::CurveCache* cache = nullptr);
    [[nodiscard]] const core::Comparison& comparison() const { return m_comparison; }
    /// Hyperparameter key of a column >= FirstHyperparameter ("" otherwise).
    [[nodiscard]] QString hyperparameterKey(int column) const;
    /// Only the hyperparameter columns whose value is not the same in every run.
    void setDifferencesOnly(bool on);
    [[nodiscard]] bool differencesOnly() const { return m_differencesOnly; }
    /// The highlight behind hyperparameter values that differ between runs.
    [[nodiscard]] static QColor differingBackground();

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QVariant value(int row, int column) const;
    [[nodiscard]] QString text(int row, int column) const;
    void fillKeys();

    core::Comparison m_comparison;
    QStringList m_names;
    QList<QColor> m_colors;
    QList<int> m_ids;
    QStringList m_keys;
    QList<bool> m_keyDiffers;
    bool m_differencesOnly = false;
};

}  // namespace curvedoctor::ui
