#include "ui/models/findings_model.h"

#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <algorithm>

#include "ui/chart/palette.h"
#include "ui/report/value_format.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

QString severityName(core::Severity s) {
    switch (s) {
        case core::Severity::Error:
            return FindingsModel::tr("Error");
        case core::Severity::Warning:
            return FindingsModel::tr("Warning");
        case core::Severity::Info:
            break;
    }
    return FindingsModel::tr("Info");
}

/// A round badge in the severity colour: "!" for errors and warnings, "i" for information.
QIcon severityIcon(core::Severity s) {
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(severityColor(static_cast<int>(s)));
    p.drawEllipse(QRectF(1, 1, 14, 14));
    p.setPen(Qt::white);
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(11);
    p.setFont(font);
    p.drawText(QRectF(1, 1, 14, 14), Qt::AlignCenter,
               s == core::Severity::Info ? QStringLiteral("i") : QStringLiteral("!"));
    return QIcon(pm);
}

}  // namespace

QString formatFindingRange(const core::Finding& f) {
    QString text = f.beginStep == f.endStep
                       ? FindingsModel::tr("step %1").arg(f.beginStep)
                       : FindingsModel::tr("steps %1–%2").arg(f.beginStep).arg(f.endStep);
    if (f.beginEpoch && f.endEpoch) {
        text += *f.beginEpoch == *f.endEpoch
                    ? FindingsModel::tr(" (epoch %1)").arg(formatEpoch(f.beginEpoch))
                    : FindingsModel::tr(" (epochs %1–%2)")
                          .arg(formatEpoch(f.beginEpoch), formatEpoch(f.endEpoch));
    }
    return text;
}

FindingsModel::FindingsModel(RunStore& store, QObject* parent)
    : QAbstractTableModel(parent), m_store(store) {
    connect(&m_store, &RunStore::runAdded, this, &FindingsModel::addRun);
    connect(&m_store, &RunStore::runRemoved, this, &FindingsModel::refresh);
    connect(&m_store, &RunStore::runChanged, this, &FindingsModel::refresh);
    connect(&m_store, &RunStore::findingsChanged, this, &FindingsModel::refresh);
    connect(&m_store, &RunStore::cleared, this, &FindingsModel::refresh);
    connect(&m_store, &RunStore::shownChanged, this, &FindingsModel::refresh);
    refresh();
}

void FindingsModel::refresh() {
    beginResetModel();
    m_rows.clear();
    for (const RunEntry& e : m_store.entries())
        if (!e.filteredOut)
            for (const core::Finding& f : e.diagnosis.findings) m_rows.push_back({e.id, e.name, f});
    // Errors of every run first, then warnings, then notes; within a severity, by run.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
        return a.finding.severity > b.finding.severity;
    });
    endResetModel();
}

void FindingsModel::addRun(int storeRow) {
    // A run added at the end (every load does that) joins the end of each severity's block;
    // re-reading all runs per added run would cost a sweep of 1,000 runs a million rows.
    if (storeRow != m_store.count() - 1) {
        refresh();
        return;
    }
    const RunEntry& e = m_store.at(storeRow);
    std::vector<Row> fresh;
    for (const core::Finding& f : e.diagnosis.findings) fresh.push_back({e.id, e.name, f});
    std::stable_sort(fresh.begin(), fresh.end(), [](const Row& a, const Row& b) {
        return a.finding.severity > b.finding.severity;
    });
    for (Row& r : fresh) {
        const auto at = std::partition_point(m_rows.begin(), m_rows.end(), [&](const Row& o) {
            return o.finding.severity >= r.finding.severity;
        });
        const int pos = static_cast<int>(at - m_rows.begin());
        beginInsertRows({}, pos, pos);
        m_rows.insert(m_rows.begin() + pos, std::move(r));
        endInsertRows();
    }
}

int FindingsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const core::Finding& FindingsModel::finding(int row) const {
    return m_rows.at(static_cast<std::size_t>(row)).finding;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const core::Finding& f = r.finding;
    switch (role) {
        case RunIdRole:
            return r.runId;
        case BeginStepRole:
            return static_cast<qint64>(f.beginStep);
        case EndStepRole:
            return static_cast<qint64>(f.endStep);
        case SeverityRole:
            return static_cast<int>(f.severity);
        case MetricRole:
            return QString::fromStdString(f.metric);
        default:
            break;
    }
    const QString message = QString::fromStdString(f.message);
    const QString advice = QString::fromStdString(f.advice);
    switch (index.column()) {
        case SeverityColumn:
            if (role == Qt::DecorationRole) return severityIcon(f.severity);
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return severityName(f.severity);
            break;
        case KindColumn:
            if (role == Qt::DisplayRole) return findingKindId(f.kind);
            if (role == Qt::DecorationRole) {
                QPixmap pm(10, 10);
                pm.fill(findingColor(f.kind));
                return QIcon(pm);
            }
            if (role == Qt::ToolTipRole)
                return tr("%1 on %2").arg(findingKindId(f.kind), QString::fromStdString(f.metric));
            break;
        case RunColumn:
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return r.runName;
            break;
        case RangeColumn:
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return formatFindingRange(f);
            break;
        case MessageColumn:
            if (role == Qt::DisplayRole) return message;
            if (role == Qt::ToolTipRole) return message + QStringLiteral("\n\n") + advice;
            break;
        case AdviceColumn:
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return advice;
            break;
        default:
            break;
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case SeverityColumn:
            return tr("Severity");
        case KindColumn:
            return tr("Kind");
        case RunColumn:
            return tr("Run");
        case RangeColumn:
            return tr("Range");
        case MessageColumn:
            return tr("Message");
        case AdviceColumn:
            return tr("Advice");
        default:
            return {};
    }
}

}  // namespace curvedoctor::ui
