#pragma once
/// \file run_list_model.h
/// The open runs as a table: colour swatch + visibility checkbox + name (editable: renames),
/// format, and the count of findings by severity. A view over RunStore; edits go back to it.

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>
#include <array>

namespace curvedoctor::ui {

class RunStore;

class RunListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, FormatColumn, FindingsColumn, ColumnCount };
    enum Role {
        RunIdRole = Qt::UserRole + 1,  ///< int: RunEntry::id
        ColorRole,                     ///< QColor of the run
        /// QList<int>{info, warning, error}: findings of the run by severity.
        SeverityCountsRole,
    };

    explicit RunListModel(RunStore& store, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

    /// Findings of run `row` counted by severity: [info, warning, error].
    [[nodiscard]] std::array<int, 3> severityCounts(int row) const;
    /// True while the findings badge of the run with this id flashes (RunStore::runAnnounced).
    [[nodiscard]] bool isFlashing(int id) const { return m_flashing.contains(id); }

private:
    RunStore& m_store;
    /// Rows as this model has announced them. RunStore signals after it changed, so the model
    /// keeps its own count to stay consistent between begin/end notifications.
    int m_rows = 0;
    /// Runs whose badge flashes (a new finding was announced), by id: blinks left.
    QHash<int, int> m_flashing;
    QTimer m_flashTimer;
};

}  // namespace curvedoctor::ui
