#include "ui/run_filter.h"

#include <vector>

#include "ui/run_store.h"

namespace curvedoctor::ui {
namespace {

bool sameValue(const QString& a, const QString& b) {
    bool okA = false, okB = false;
    const double x = a.toDouble(&okA), y = b.toDouble(&okB);
    if (okA && okB) return x == y;
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

}  // namespace

RunFilter::RunFilter(RunStore& store, QObject* parent) : QObject(parent), m_store(store) {
    // A run that arrives (or is reloaded with new findings) is filtered like the others.
    connect(&m_store, &RunStore::runAdded, this, &RunFilter::apply);
    connect(&m_store, &RunStore::runChanged, this, &RunFilter::apply);
}

void RunFilter::setNamePattern(const QRegularExpression& pattern) {
    m_name = pattern;
    m_name.setPatternOptions(m_name.patternOptions() | QRegularExpression::CaseInsensitiveOption);
    apply();
}

void RunFilter::setFindingKind(std::optional<core::FindingKind> kind) {
    m_kind = kind;
    apply();
}

void RunFilter::setHyperparameter(const QString& key, const QString& value) {
    m_key = key.trimmed();
    m_value = value;
    apply();
}

bool RunFilter::isActive() const {
    return !m_name.pattern().isEmpty() || m_kind.has_value() || !m_key.isEmpty();
}

bool RunFilter::accepts(const RunEntry& e) const {
    if (!m_name.pattern().isEmpty() && m_name.isValid() && !m_name.match(e.name).hasMatch())
        return false;
    if (m_kind) {
        bool has = false;
        for (const core::Finding& f : e.diagnosis.findings) has = has || f.kind == *m_kind;
        if (!has) return false;
    }
    if (!m_key.isEmpty()) {
        const auto it = e.run->hyperparameters.find(m_key.toStdString());
        if (it == e.run->hyperparameters.end() ||
            !sameValue(QString::fromStdString(it->second), m_value))
            return false;
    }
    return true;
}

void RunFilter::apply() {
    std::vector<bool> out;
    out.reserve(static_cast<std::size_t>(m_store.count()));
    for (const RunEntry& e : m_store.entries()) out.push_back(!accepts(e));
    m_store.setFilteredOut(out);
}

}  // namespace curvedoctor::ui
