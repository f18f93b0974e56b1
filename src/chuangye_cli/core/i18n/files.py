"""File and folder problems: finding, reading, decoding and parsing a file as a whole."""

PROBLEMS: dict[str, dict[str, str]] = {
    "path-empty-folder": {"zh": "文件夹中没有可读取的表格文件（.xlsx、.csv 等）", "en": "the folder holds no table file to read (.xlsx, .csv …)"},
    "file-not-read": {
        "zh": "未读取：{suffix} 文件不是表格（请用 .xlsx 等电子表格、.csv，或带表头的 .txt）",
        "en": "not read: a {suffix} file is not a table (use a spreadsheet such as .xlsx, a .csv, or a .txt with a header)",
    },
    "file-not-regular": {
        "zh": "未读取：不是普通文件（如管道或设备）",
        "en": "not read: not a regular file (e.g. a pipe or a device)",
    },
    "file-unsupported-spreadsheet": {
        "zh": "无法读取 {suffix} 格式的表格：请在 Excel 或 WPS 中另存为 .xlsx 后重新提交",
        "en": "cannot read a {suffix} spreadsheet: open it in Excel or WPS, save it as .xlsx and submit that",
    },
    "file-unsupported": {
        "zh": "不支持的文件类型 {suffix}（请提交 .xlsx 等电子表格或 .csv）",
        "en": "unsupported file type {suffix} (submit a spreadsheet such as .xlsx, or a .csv)",
    },
    "file-unreadable": {"zh": "无法读取文件：{reason}", "en": "cannot read the file: {reason}"},
    "file-empty": {"zh": "文件是空的", "en": "the file is empty"},
    "file-hidden": {
        "zh": "隐藏文件（文件名以“.”开头），未读取；如是报表，请去掉开头的“.”",
        "en": "a hidden file (its name starts with a dot): not read; if it is a report, rename it without the dot",
    },
    "folder-hidden": {
        "zh": "隐藏文件夹（名称以“.”开头），其中的文件未读取；如有报表，请移出或改名",
        "en": "a hidden folder (its name starts with a dot): the files in it were not read; move any report out of it or rename it",
    },
    "folder-unreadable": {
        "zh": "无法读取文件夹：{reason}；其中的报表未读取",
        "en": "cannot read the folder: {reason}; the reports in it were not read",
    },
    "folder-empty": {
        "zh": "空文件夹，没有可读取的文件（如是 git 子模块，请先获取其文件：git submodule update --init）",
        "en": "an empty folder: nothing to read (if it is a git submodule, fetch its files: git submodule update --init)",
    },
    "folder-submodule": {
        "zh": "git 子模块的文件未获取（只有 .git 文件），其中的报表未读取：请运行 git submodule update --init",
        "en": "a git submodule whose files were not fetched (only its .git file): its reports were not read; run git submodule update --init",
    },
    "folder-seen": {
        "zh": "与已读取的文件夹 {target} 相同（链接），未再次读取",
        "en": "the same folder as {target}, already searched (a link): not read again",
    },
    "link-outside": {
        "zh": "链接指向本文件夹之外的 {target}：已读取，但其内容可能在本文件夹不变时改变",
        "en": "a link to {target}, outside the folder: read, but what it holds can change while nothing in the folder does",
    },
    "file-lfs-pointer": {
        "zh": "这是 git LFS 指针文件，报表本身未获取：请运行 git lfs pull",
        "en": "a git LFS pointer: the file itself was not fetched; run git lfs pull",
    },
    "file-html-workbook": {
        "zh": "这是另存为 {suffix} 的网页（或 XML）文件，不是真正的工作簿：请在 Excel 或 WPS 中打开，另存为 .xlsx",
        "en": "a web page (or XML file) saved as {suffix}, not a real workbook: open it in Excel or WPS and save it as .xlsx",
    },
    "file-cells-beyond": {
        "zh": "工作表的单元格延伸到 {rows} 行、{columns} 列，远超表格范围，未读取（可能有远处的误填单元格或大量重复单元格：请删除多余内容后另存）",
        "en": "the sheet's cells reach {rows} rows by {columns} columns, far beyond any table: not read (a stray cell far away, or a cell repeated many times? delete it and save again)",
    },
    "problems-more": {
        "zh": "另有 {count} 个问题未逐条列出（每个文件只列前 {limit} 个）：{kinds}",
        "en": "{count} more problems not listed one by one (the first {limit} of a file are): {kinds}",
    },
    "warnings-more": {
        "zh": "另有 {count} 条提示未逐条列出（每个文件只列前 {limit} 条）：{kinds}",
        "en": "{count} more warnings not listed one by one (the first {limit} of a file are): {kinds}",
    },
    "file-own-output": {
        "zh": "由 chuangye 写出的结果文件，不是报表，已跳过",
        "en": "written by chuangye; not a report (skipped)",
    },
    "file-binary": {
        "zh": "文件含有二进制内容（NUL 字节），不是文本表格",
        "en": "the file holds binary content (NUL bytes), not a text table",
    },
    "file-encoding": {
        "zh": "无法识别文件编码：既不是 UTF-8 也不是 GB18030/GBK（可用 --encoding 指定）",
        "en": "cannot decode the file as UTF-8 or GB18030/GBK (use --encoding to set one)",
    },
    "file-encoding-forced": {
        "zh": "无法按指定编码 {encoding} 解码文件（第 {offset} 字节处出错）",
        "en": "cannot decode the file as {encoding} (fails at byte {offset})",
    },
    "file-encoding-unknown": {
        "zh": "未知的编码名称 {encoding}（可用 utf-8、gb18030 等）",
        "en": "unknown encoding name {encoding} (try utf-8 or gb18030)",
    },
    "file-csv-syntax": {"zh": "CSV 格式错误：{reason}", "en": "malformed CSV: {reason}"},
    "file-xlsx-invalid": {"zh": "不是有效的 {suffix} 工作簿：{reason}", "en": "not a valid {suffix} workbook: {reason}"},
    "file-no-header": {
        "zh": "找不到表头：前 {scanned} 行中没有可识别的列名（如 行政区划代码、年度、季度）{doubt}",
        "en": "no header found: none of the first {scanned} rows has known column names (such as district_code, year, quarter){doubt_en}",
    },
    "sheet-hidden": {
        "zh": "隐藏的工作表未读取，但它有季报表头：如需读取，请在 Excel 或 WPS 中取消隐藏",
        "en": "a hidden sheet is not read, though it has a report header: unhide it in Excel or WPS to have it read",
    },
    "file-no-data": {"zh": "只有表头，没有数据行", "en": "the file has a header but no data rows"},
    "file-too-wide": {
        "zh": "列数过多（{count} 列，最多 {limit} 列）；如确是报表，check 和 validate 可用 --max-columns 放宽（最多 16,384，Excel 的上限）",
        "en": "too many columns ({count}; at most {limit}); if this is a report, check and validate raise the limit with --max-columns (up to 16,384, Excel's own)",
    },
    "roster-xlsx-too-large": {
        "zh": "花名册工作簿解压后过大（{size} 字节，最多 {limit} 字节）：不是花名册，或已损坏；请另存为 .csv",
        "en": "the roster workbook unpacks to {size} bytes (at most {limit}): no roster, or damaged; save it as .csv",
    },
    "file-too-large": {
        "zh": "文件过大（{size} 字节，最大 {limit} 字节）；如确是报表，check 和 validate 可用 --max-file-mb 放宽",
        "en": "the file is too large ({size} bytes; at most {limit}); if this is a report, check and validate raise the limit with --max-file-mb",
    },
    "file-csv-unclosed-quote": {
        "zh": "CSV 格式错误：本行的引号（\"）一直没有闭合，其后各行都会被吞进同一个单元格",
        "en": "malformed CSV: a quote (\") opened in this row is never closed, so every row after it would be swallowed into one cell",
    },
    "file-csv-line-too-long": {
        "zh": "本行过长（超过 {limit} 个字符），花名册的单元格都很短，可能是文件损坏；本行未读取，其后各行照常读取",
        "en": "this line is too long (over {limit} characters; a roster's cells are short: the file may be damaged); the line is not read, the rows after it are",
    },
    "file-too-many-rows": {
        "zh": "行数过多（最多 {limit} 行），不像是季报文件；如确是报表，check 和 validate 可用 --max-rows 放宽（最多 1,048,576，Excel 的上限）",
        "en": "too many rows (at most {limit}); this is not a quarterly report — if it is, check and validate raise the limit with --max-rows (up to 1,048,576, Excel's own)",
    },
}
