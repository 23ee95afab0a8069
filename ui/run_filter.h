#pragma once
/// \file run_filter.h
/// The window's run filter: which runs the charts, findings, comparison and report show. A run
/// passes when its name matches the regular expression (the run list's filter box), it has a
/// finding of the chosen kind ("runs that diverged") and its hyperparameter has the chosen
/// value; each criterion is off until set. The result goes to RunStore::setFilteredOut, so
/// every view reads it the same way (RunEntry::shown()).

#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <optional>

#include "core/finding_kind.h"

namespace curvedoctor::ui {

class RunStore;
struct RunEntry;

class RunFilter : public QObject {
    Q_OBJECT
public:
    explicit RunFilter(RunStore& store, QObject* parent = nullptr);

    /// Names must match `pattern` (case-insensitive); an empty pattern passes every run.
    void setNamePattern(const QRegularExpression& pattern);
    /// Only runs with a finding of `kind`; nullopt: any run.
    void setFindingKind(std::optional<core::FindingKind> kind);
    /// Only runs whose hyperparameter `key` is `value` (compared as numbers when both parse,
    /// so "1e-3" matches "0.001"); an empty key: any run.
    void setHyperparameter(const QString& key, const QString& value);

    [[nodiscard]] bool accepts(const RunEntry& e) const;
    /// True when some criterion is set.
    [[nodiscard]] bool isActive() const;

private:
    void apply();

    RunStore& m_store;
    QRegularExpression m_name;
    std::optional<core::FindingKind> m_kind;
    QString m_key;
    QString m_value;
};

}  // namespace curvedoctor::ui
