#include "pagestreamparser.h"

// Out of line: provider.h only forward-declares PageStreamParser, and a
// unique_ptr to it can be made and destroyed only where the class is complete.
std::unique_ptr<PageStreamParser> Provider::pageStreamParser() const
{
    return nullptr;
}
