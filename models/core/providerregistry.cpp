#include "providerregistry.h"

#include "providers/enswitch/enswitchprovider.h"
#include "providers/plivo/plivoprovider.h"

namespace ProviderRegistry {

QList<const Provider *> all()
{
    static const PlivoProvider plivo;
    static const EnswitchProvider enswitch;
    return {&plivo, &enswitch};
}

const Provider *find(const QString &id)
{
    for (const Provider *provider : all()) {
        if (provider->id() == id)
            return provider;
    }
    return nullptr;
}

} // namespace ProviderRegistry
