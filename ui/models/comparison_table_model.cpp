#include "ui/models/comparison_table_model.h"

#include <QFont>
#include <algorithm>

#include "ui/report/value_format.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

QVariant number(std::optional<double> v) {
    return v ? QVariant(*v) : QVariant();
}
QVariant number(std::optional<std::int64_t> v) {
    return v ? QVariant(static_cast<double>(*v)) : QVariant();
}

}  // namespace

ComparisonTableModel::ComparisonTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QColor ComparisonTableModel::differingBackground() {
    return QColor(0xFF, 0xF1, 0xC2);
}

void ComparisonTableModel::setRuns(const std::vector<const RunEntry*>& runs,
                                   const core::SmoothingConfig& smoothing,
                                   core::CurveCache* cache) {
    beginResetModel();
    std::vector<core::RunPtr> rs;
    std::vector<const core::RunDiagnosis*> ds;
    m_names.clear();
    m_colors.clear();
    m_ids.clear();
    for (const RunEntry* e : runs) {
        rs.push_back(e->run);
        ds.push_back(&e->diagnosis);
        m_names << e->name;
        m_colors << e->color;
        m_ids << e->id;
    }
    if (cache != nullptr) {
        m_comparison = core::compareRuns(rs, ds, smoothing, *cache);
    } else {
        std::vector<const core::Run*> raw;
        raw.reserve(rs.size());
        for (const core::RunPtr& r : rs) raw.push_back(r.get());
        m_comparison = core::compareRuns(raw, ds, smoothing);
    }
    fillKeys();
    endResetModel();
}

void ComparisonTableModel::fillKeys() {
    m_keys.clear();
    m_keyDiffers.clear();
    for (const std::string& k : m_comparison.hyperparameterKeys) {
        const bool differs =
            std::find(m_comparison.differingKeys.begin(), m_comparison.differingKeys.end(), k) !=
            m_comparison.differingKeys.end();
        if (m_differencesOnly && !differs) continue;
        m_keys << QString::fromStdString(k);
        m_keyDiffers << differs;
    }
}

void ComparisonTableModel::setDifferencesOnly(bool on) {
    if (on == m_differencesOnly) return;
    beginResetModel();
    m_differencesOnly = on;
    fillKeys();
    endResetModel();
}

QString ComparisonTableModel::hyperparameterKey(int column) const {
    const int k = column - FirstHyperparameter;
    return k >= 0 && k < m_keys.size() ? m_keys[k] : QString();
}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_comparison.rows.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : FirstHyperparameter + static_cast<int>(m_keys.size());
}

QVariant ComparisonTableModel::value(int row, int column) const {
    const core::RunSummary& r = m_comparison.rows[static_cast<std::size_t>(row)];
    switch (column) {
        case Run:
            return m_names[row];
        case BestValLoss:
            return number(r.bestValLoss);
        case BestValLossStep:
            return number(r.bestValLossStep);
        case BestValMetric:
            return number(r.bestValMetric);
        case BestValMetricStep:
            return number(r.bestValMetricStep);
        case FinalTrainLoss:
            return number(r.finalTrainLoss);
        case FinalTrainLossSmoothed:
            return number(r.finalTrainLossSmoothed);
        case FinalValLoss:
            return number(r.finalValLoss);
        case GapAtBest:
            return number(r.gapAtBest);
        case Steps:
            return static_cast<double>(r.lastStep);
        case Epochs:
            return number(r.lastEpoch);
        case Errors:
            return static_cast<double>(r.errors);
        case Warnings:
            return static_cast<double>(r.warnings);
        case Infos:
            return static_cast<double>(r.infos);
        default:
            break;
    }
    const auto it = r.hyperparameters.find(hyperparameterKey(column).toStdString());
    if (it == r.hyperparameters.end()) return {};
    const QString v = QString::fromStdString(it->second);
    bool ok = false;
    const double d = v.toDouble(&ok);
    return ok ? QVariant(d) : QVariant(v);
}

QString ComparisonTableModel::text(int row, int column) const {
    const core::RunSummary& r = m_comparison.rows[static_cast<std::size_t>(row)];
    switch (column) {
        case Run:
            return m_names[row];
        case BestValLoss:
            return formatValue(r.bestValLoss);
        case BestValLossStep:
            return formatStep(r.bestValLossStep);
        case BestValMetric:
            return formatValue(r.bestValMetric);
        case BestValMetricStep:
            return formatStep(r.bestValMetricStep);
        case FinalTrainLoss:
            return formatValue(r.finalTrainLoss);
        case FinalTrainLossSmoothed:
            return formatValue(r.finalTrainLossSmoothed);
        case FinalValLoss:
            return formatValue(r.finalValLoss);
        case GapAtBest:
            return formatValue(r.gapAtBest);
        case Steps:
            return formatStep(r.lastStep);
        case Epochs:
            return formatEpoch(r.lastEpoch);
        case Errors:
            return QString::number(r.errors);
        case Warnings:
            return QString::number(r.warnings);
        case Infos:
            return QString::number(r.infos);
        default:
            break;
    }
    const auto it = r.hyperparameters.find(hyperparameterKey(column).toStdString());
    return it == r.hyperparameters.end() ? QStringLiteral("–") : QString::fromStdString(it->second);
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int col = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return text(row, col);
        case SortRole:
            return value(row, col);
        case RunIdRole:
            return m_ids[row];
        case Qt::DecorationRole:
            return col == Run ? QVariant(m_colors[row]) : QVariant();
        case Qt::TextAlignmentRole:
            return col == Run ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::BackgroundRole:
            if (col >= FirstHyperparameter && m_keyDiffers[col - FirstHyperparameter])
                return differingBackground();
            return {};
        case Qt::ToolTipRole: {
            const core::RunSummary& r = m_comparison.rows[static_cast<std::size_t>(row)];
            if (col == BestValMetric || col == BestValMetricStep)
                return QString::fromStdString(r.valMetric);
            if (col == BestValLoss || col == FinalValLoss)
                return QString::fromStdString(r.valLossMetric);
            if (col == FinalTrainLoss || col == FinalTrainLossSmoothed)
                return QString::fromStdString(r.trainLossMetric);
            if (col >= FirstHyperparameter && m_keyDiffers[col - FirstHyperparameter])
                return tr("differs between runs");
            return {};
        }
        default:
            return {};
    }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    if (role == Qt::FontRole && section >= FirstHyperparameter &&
        m_keyDiffers[section - FirstHyperparameter]) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
        case Run:
            return tr("Run");
        case BestValLoss:
            return tr("Best val loss");
        case BestValLossStep:
            return tr("at step");
        case BestValMetric:
            return tr("Best val metric");
        case BestValMetricStep:
            return tr("at step");
        case FinalTrainLoss:
            return tr("Final train loss");
        case FinalTrainLossSmoothed:
            return tr("smoothed");
        case FinalValLoss:
            return tr("Final val loss");
        case GapAtBest:
            return tr("Gap at best");
        case Steps:
            return tr("Steps");
        case Epochs:
            return tr("Epochs");
        case Errors:
            return tr("Errors");
        case Warnings:
            return tr("Warnings");
        case Infos:
            return tr("Info");
        default:
            return hyperparameterKey(section);
    }
}

}  // namespace curvedoctor::ui
