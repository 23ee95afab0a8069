#include "ui/models/run_list_model.h"

#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <iterator>

#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

// An announced finding's badge blinks this many half-periods of this length (3 s).
constexpr int kFlashBlinks = 12;
constexpr int kFlashIntervalMs = 250;

QIcon swatch(const QColor& color) {
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(140));
    p.setBrush(color);
    p.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    return QIcon(pm);
}

QString findingsText(const std::array<int, 3>& c) {
    QStringList parts;
    if (c[2] > 0) parts << RunListModel::tr("%n error(s)", nullptr, c[2]);
    if (c[1] > 0) parts << RunListModel::tr("%n warning(s)", nullptr, c[1]);
    if (c[0] > 0) parts << RunListModel::tr("%n note(s)", nullptr, c[0]);
    return parts.isEmpty() ? RunListModel::tr("healthy") : parts.join(QStringLiteral(", "));
}

}  // namespace

RunListModel::RunListModel(RunStore& store, QObject* parent)
    : QAbstractTableModel(parent), m_store(store), m_rows(store.count()) {
    connect(&m_store, &RunStore::runAdded, this, [this](int row) {
        beginInsertRows({}, row, row);
        ++m_rows;
        endInsertRows();
    });
    connect(&m_store, &RunStore::runAboutToBeRemoved, this,
            [this](int row) { beginRemoveRows({}, row, row); });
    connect(&m_store, &RunStore::runRemoved, this, [this](int) {
        --m_rows;
        endRemoveRows();
    });
    connect(&m_store, &RunStore::runChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
    connect(&m_store, &RunStore::shownChanged, this, [this] {
        if (m_rows > 0) Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    });
    connect(&m_store, &RunStore::findingsChanged, this, [this](const QList<int>& rows) {
        for (int row : rows) Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(&m_store, &RunStore::runAnnounced, this, [this](int row) {
        m_flashing.insert(m_store.at(row).id, kFlashBlinks);
        m_flashTimer.start();
    });
    m_flashTimer.setInterval(kFlashIntervalMs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        for (auto it = m_flashing.begin(); it != m_flashing.end();)
            it = --it.value() <= 0 ? m_flashing.erase(it) : std::next(it);
        if (m_flashing.isEmpty()) m_flashTimer.stop();
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, FindingsColumn), index(m_rows - 1, FindingsColumn),
                               {Qt::BackgroundRole});
    });
    connect(&m_store, &RunStore::cleared, this, [this] {
        beginResetModel();
        m_rows = m_store.count();
        endResetModel();
    });
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int RunListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

std::array<int, 3> RunListModel::severityCounts(int row) const {
    std::array<int, 3> counts{0, 0, 0};
    for (const auto& f : m_store.at(row).diagnosis.findings)
        ++counts[static_cast<std::size_t>(f.severity)];
    return counts;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.row() >= m_store.count())
        return {};
    const RunEntry& e = m_store.at(index.row());
    switch (role) {
        case RunIdRole:
            return e.id;
        case ColorRole:
            return e.color;
        case SeverityCountsRole: {
            const auto c = severityCounts(index.row());
            return QVariant::fromValue(QList<int>{c[0], c[1], c[2]});
        }
        default:
            break;
    }
    switch (index.column()) {
        case NameColumn:
            if (role == Qt::DisplayRole && e.gone) return tr("%1 (file deleted)").arg(e.name);
            if (role == Qt::DisplayRole || role == Qt::EditRole) return e.name;
            if (role == Qt::FontRole && e.gone) {
                QFont italic;
                italic.setItalic(true);
                return italic;
            }
            if (role == Qt::DecorationRole) return swatch(e.color);
            if (role == Qt::CheckStateRole) return e.visible ? Qt::Checked : Qt::Unchecked;
            if (role == Qt::ToolTipRole)
                return tr("%1\n%2\n%n metric(s)", nullptr, static_cast<int>(e.run->metrics.size()))
                    .arg(e.name, QString::fromStdString(e.run->source));
            break;
        case FormatColumn:
            if (role == Qt::DisplayRole) return QString::fromStdString(e.run->format);
            break;
        case FindingsColumn:
            if (role == Qt::BackgroundRole && m_flashing.value(e.id) % 2 == 1)
                return QColor(0xff, 0xd5, 0x4f);
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
                return findingsText(severityCounts(index.row()));
            break;
        default:
            break;
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case NameColumn:
            return tr("Run");
        case FormatColumn:
            return tr("Format");
        case FindingsColumn:
            return tr("Findings");
        default:
            return {};
    }
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn) f |= Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    return f;
}

bool RunListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.column() != NameColumn)
        return false;
    if (role == Qt::CheckStateRole) {
        m_store.setVisible(index.row(), value.toInt() == Qt::Checked);
        return true;
    }
    if (role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty()) return false;
        m_store.rename(index.row(), name);
        return true;
    }
    if (role == ColorRole) {
        const QColor c = value.value<QColor>();
        if (!c.isValid()) return false;
        m_store.setColor(index.row(), c);
        return true;
    }
    return false;
}

}  // namespace curvedoctor::ui
