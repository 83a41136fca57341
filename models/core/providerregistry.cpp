#include "providerregistry.h"

#include "providers/enswitch/enswitchprovider.h"
#include "providers/plivo/plivoprovider.h"
#include "providers/portsip/portsipprovider.h"

namespace ProviderRegistry {

QList<const Provider *> all()
{
    static const PlivoProvider plivo;
    static const EnswitchProvider enswitch;
    static const PortSipProvider portsip;
    return {&plivo, &enswitch, &portsip};
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
