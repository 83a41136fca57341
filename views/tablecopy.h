#pragma once

class QMimeData;
class QTableView;

// The selected cells as the table shows them, for the clipboard: tab-separated
// text (spreadsheets paste it into cells) and an HTML table (mail and documents).
// Rows top to bottom, columns in their on-screen order; a cell of the spanned
// block that is not selected stays empty, so pasted columns line up.
// Returns nullptr when nothing is selected. The caller owns the result.
QMimeData *selectedCellsMimeData(const QTableView &view, bool withHeader);
