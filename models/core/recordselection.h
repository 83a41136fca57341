#pragma once

#include "cdrrecord.h"

#include <QString>
#include <QStringList>
#include <QStringView>

// What reading a column's value needs: the unified members behind a column key, or
// the one native field of raw.<name>.
struct RecordSelection {
    RecordFields fields = allRecordFields;
    QString nativeName;   // with RecordField::Native: only this field; empty = every native field

    static RecordSelection forColumn(QStringView columnKey);
    static RecordSelection forColumns(const QStringList &columnKeys);   // what any of them reads
};
