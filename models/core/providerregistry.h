#pragma once

#include <QList>
#include <QString>

class Provider;

// The providers the app knows. Adding one is one line in providerregistry.cpp.
namespace ProviderRegistry {
QList<const Provider *> all();
const Provider *find(const QString &id);   // nullptr when unknown
}
