#pragma once

#include "provider.h"

#include <QByteArrayView>

// Parses one page reply while its bytes arrive, so a large page never sits in
// memory whole. feed() is called on the thread that reads the reply and must
// not block on parsing; finish() may block until the rest is parsed, so call it
// off the GUI thread. Destroying the parser without finish() abandons the page.
class PageStreamParser {
public:
    virtual ~PageStreamParser() = default;

    virtual void feed(QByteArrayView chunk) = 0;   // the next bytes of the body, in order
    virtual PageResult finish() = 0;              // the body is complete; call once
};
