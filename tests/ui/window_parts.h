#pragma once
// MainWindow hands out none of its parts (hotspot style); tests find them as its children, by
// type, or by object name where a type is not unique (the export menu, the bottom tabs).
#include <QObject>
#include <QString>
#include <stdexcept>
#include <string>
#include <typeinfo>

namespace curvedoctor::ui::testing {

/// The window's child of type T (named `name`, when given); throws (a test failure) if none.
template <class T>
T* partPtr(const QObject& window, const QString& name = {}) {
    T* p = window.findChild<T*>(name);
    if (p == nullptr)
        throw std::logic_error(std::string("the window has no part ") + typeid(T).name() + " " +
                               name.toStdString());
    return p;
}

template <class T>
T& part(const QObject& window, const QString& name = {}) {
    return *partPtr<T>(window, name);
}

}  // namespace curvedoctor::ui::testing
